import type { Locale } from '@tourconnect/contracts/http';

/** Every word printed on a receipt, statement or invoice, in the five languages of the portal. */
export interface DocumentStrings {
  issuer: string;
  page: string;
  receipt: {
    title: string;
    number: string;
    issued: string;
    booking: string;
    package: string;
    paidOn: string;
    soldBy: string;
    item: string;
    supplier: string;
    quantity: string;
    unitPrice: string;
    discount: string;
    lineTotal: string;
    subtotal: string;
    bundleDiscount: string;
    coupon: string;
    total: string;
    vatNote: string;
    paymentMethod: string;
  };
  itemTypes: Record<string, string>;
  statement: {
    title: string;
    period: string;
    date: string;
    booking: string;
    package: string;
    earning: string;
    fee: string;
    share: string;
    reversals: string;
    net: string;
    transfer: string;
    transferStatus: string;
    payouts: string;
    payout: string;
    payoutStatus: string;
    arrival: string;
    amount: string;
    totals: string;
    totalTransfers: string;
    totalPayouts: string;
    noBookings: string;
    noPayouts: string;
  };
  invoice: {
    title: string;
    number: string;
    issued: string;
    period: string;
    billTo: string;
    vatId: string;
    country: string;
    description: string;
    amount: string;
    platformFees: string;
    feesRefunded: string;
    sponsored: string;
    net: string;
    vat: string;
    total: string;
    reverseCharge: string;
    outOfScope: string;
  };
}

const en: DocumentStrings = {
  issuer: 'TourConnect',
  page: 'Page',
  receipt: {
    title: 'Receipt',
    number: 'Receipt no.',
    issued: 'Issued on',
    booking: 'Booking',
    package: 'Package',
    paidOn: 'Paid on',
    soldBy: 'Sold by',
    item: 'Item',
    supplier: 'Supplied by',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    discount: 'Discount',
    lineTotal: 'Amount',
    subtotal: 'Subtotal',
    bundleDiscount: 'Bundle discount',
    coupon: 'Coupon',
    total: 'Total paid',
    vatNote: 'Prices include VAT where applicable.',
    paymentMethod: 'Paid with',
  },
  itemTypes: { tour: 'Tour', service: 'Service', transport: 'Transport', extra: 'Extra' },
  statement: {
    title: 'Partner statement',
    period: 'Period',
    date: 'Date',
    booking: 'Booking',
    package: 'Package',
    earning: 'Gross share',
    fee: 'Platform fee',
    share: 'Share',
    reversals: 'Refunds / reversals',
    net: 'Net',
    transfer: 'Transfer',
    transferStatus: 'Transfer status',
    payouts: 'Payouts',
    payout: 'Payout',
    payoutStatus: 'Status',
    arrival: 'Arrival',
    amount: 'Amount',
    totals: 'Totals',
    totalTransfers: 'Transferred',
    totalPayouts: 'Paid out',
    noBookings: 'No bookings in this period.',
    noPayouts: 'No payouts in this period.',
  },
  invoice: {
    title: 'Invoice',
    number: 'Invoice no.',
    issued: 'Date of issue',
    period: 'Period',
    billTo: 'Bill to',
    vatId: 'VAT ID',
    country: 'Country',
    description: 'Description',
    amount: 'Amount',
    platformFees: 'Platform fees on bookings',
    feesRefunded: 'Platform fees refunded',
    sponsored: 'Sponsored placements',
    net: 'Taxable amount',
    vat: 'VAT',
    total: 'Total',
    reverseCharge: 'Reverse charge – Art. 196 Directive 2006/112/EC',
    outOfScope: 'VAT not applicable: service outside the scope of Italian VAT',
  },
};

const it: DocumentStrings = {
  issuer: 'TourConnect',
  page: 'Pagina',
  receipt: {
    title: 'Ricevuta',
    number: 'Ricevuta n.',
    issued: 'Emessa il',
    booking: 'Prenotazione',
    package: 'Pacchetto',
    paidOn: 'Pagato il',
    soldBy: 'Venduto da',
    item: 'Voce',
    supplier: 'Fornito da',
    quantity: 'Q.tà',
    unitPrice: 'Prezzo unitario',
    discount: 'Sconto',
    lineTotal: 'Importo',
    subtotal: 'Subtotale',
    bundleDiscount: 'Sconto pacchetto',
    coupon: 'Coupon',
    total: 'Totale pagato',
    vatNote: 'Prezzi comprensivi di IVA ove applicabile.',
    paymentMethod: 'Pagato con',
  },
  itemTypes: { tour: 'Tour', service: 'Servizio', transport: 'Trasporto', extra: 'Extra' },
  statement: {
    title: 'Estratto conto partner',
    period: 'Periodo',
    date: 'Data',
    booking: 'Prenotazione',
    package: 'Pacchetto',
    earning: 'Quota lorda',
    fee: 'Commissione piattaforma',
    share: 'Quota',
    reversals: 'Rimborsi / storni',
    net: 'Netto',
    transfer: 'Trasferimento',
    transferStatus: 'Stato trasferimento',
    payouts: 'Accrediti',
    payout: 'Accredito',
    payoutStatus: 'Stato',
    arrival: 'Arrivo',
    amount: 'Importo',
    totals: 'Totali',
    totalTransfers: 'Trasferito',
    totalPayouts: 'Accreditato',
    noBookings: 'Nessuna prenotazione in questo periodo.',
    noPayouts: 'Nessun accredito in questo periodo.',
  },
  invoice: {
    title: 'Fattura',
    number: 'Fattura n.',
    issued: 'Data di emissione',
    period: 'Periodo',
    billTo: 'Intestata a',
    vatId: 'Partita IVA',
    country: 'Paese',
    description: 'Descrizione',
    amount: 'Importo',
    platformFees: 'Commissioni piattaforma sulle prenotazioni',
    feesRefunded: 'Commissioni piattaforma rimborsate',
    sponsored: 'Posizionamenti sponsorizzati',
    net: 'Imponibile',
    vat: 'IVA',
    total: 'Totale',
    reverseCharge: 'Inversione contabile – Art. 196 Direttiva 2006/112/CE',
    outOfScope: 'IVA non applicabile: operazione fuori campo IVA',
  },
};

const de: DocumentStrings = {
  issuer: 'TourConnect',
  page: 'Seite',
  receipt: {
    title: 'Quittung',
    number: 'Quittung Nr.',
    issued: 'Ausgestellt am',
    booking: 'Buchung',
    package: 'Paket',
    paidOn: 'Bezahlt am',
    soldBy: 'Verkauft von',
    item: 'Leistung',
    supplier: 'Erbracht von',
    quantity: 'Menge',
    unitPrice: 'Einzelpreis',
    discount: 'Rabatt',
    lineTotal: 'Betrag',
    subtotal: 'Zwischensumme',
    bundleDiscount: 'Paketrabatt',
    coupon: 'Gutschein',
    total: 'Bezahlt gesamt',
    vatNote: 'Preise inklusive MwSt., soweit anwendbar.',
    paymentMethod: 'Bezahlt mit',
  },
  itemTypes: { tour: 'Tour', service: 'Leistung', transport: 'Transfer', extra: 'Extra' },
  statement: {
    title: 'Partnerabrechnung',
    period: 'Zeitraum',
    date: 'Datum',
    booking: 'Buchung',
    package: 'Paket',
    earning: 'Bruttoanteil',
    fee: 'Plattformgebühr',
    share: 'Anteil',
    reversals: 'Erstattungen / Rückbuchungen',
    net: 'Netto',
    transfer: 'Überweisung',
    transferStatus: 'Überweisungsstatus',
    payouts: 'Auszahlungen',
    payout: 'Auszahlung',
    payoutStatus: 'Status',
    arrival: 'Eingang',
    amount: 'Betrag',
    totals: 'Summen',
    totalTransfers: 'Überwiesen',
    totalPayouts: 'Ausgezahlt',
    noBookings: 'Keine Buchungen in diesem Zeitraum.',
    noPayouts: 'Keine Auszahlungen in diesem Zeitraum.',
  },
  invoice: {
    title: 'Rechnung',
    number: 'Rechnung Nr.',
    issued: 'Rechnungsdatum',
    period: 'Leistungszeitraum',
    billTo: 'Rechnungsempfänger',
    vatId: 'USt-IdNr.',
    country: 'Land',
    description: 'Beschreibung',
    amount: 'Betrag',
    platformFees: 'Plattformgebühren auf Buchungen',
    feesRefunded: 'Erstattete Plattformgebühren',
    sponsored: 'Gesponserte Platzierungen',
    net: 'Nettobetrag',
    vat: 'MwSt.',
    total: 'Gesamtbetrag',
    reverseCharge: 'Steuerschuldnerschaft des Leistungsempfängers – Art. 196 Richtlinie 2006/112/EG',
    outOfScope: 'Nicht im Inland steuerbare Leistung (keine italienische MwSt.)',
  },
};

const fr: DocumentStrings = {
  issuer: 'TourConnect',
  page: 'Page',
  receipt: {
    title: 'Reçu',
    number: 'Reçu n°',
    issued: 'Émis le',
    booking: 'Réservation',
    package: 'Forfait',
    paidOn: 'Payé le',
    soldBy: 'Vendu par',
    item: 'Prestation',
    supplier: 'Fourni par',
    quantity: 'Qté',
    unitPrice: 'Prix unitaire',
    discount: 'Remise',
    lineTotal: 'Montant',
    subtotal: 'Sous-total',
    bundleDiscount: 'Remise forfait',
    coupon: 'Code promo',
    total: 'Total payé',
    vatNote: 'Prix TVA incluse le cas échéant.',
    paymentMethod: 'Payé avec',
  },
  itemTypes: { tour: 'Visite', service: 'Service', transport: 'Transport', extra: 'Supplément' },
  statement: {
    title: 'Relevé partenaire',
    period: 'Période',
    date: 'Date',
    booking: 'Réservation',
    package: 'Forfait',
    earning: 'Part brute',
    fee: 'Frais de plateforme',
    share: 'Part',
    reversals: 'Remboursements / annulations',
    net: 'Net',
    transfer: 'Virement',
    transferStatus: 'Statut du virement',
    payouts: 'Versements',
    payout: 'Versement',
    payoutStatus: 'Statut',
    arrival: 'Arrivée',
    amount: 'Montant',
    totals: 'Totaux',
    totalTransfers: 'Viré',
    totalPayouts: 'Versé',
    noBookings: 'Aucune réservation sur cette période.',
    noPayouts: 'Aucun versement sur cette période.',
  },
  invoice: {
    title: 'Facture',
    number: 'Facture n°',
    issued: "Date d'émission",
    period: 'Période',
    billTo: 'Facturé à',
    vatId: 'N° TVA',
    country: 'Pays',
    description: 'Description',
    amount: 'Montant',
    platformFees: 'Frais de plateforme sur les réservations',
    feesRefunded: 'Frais de plateforme remboursés',
    sponsored: 'Placements sponsorisés',
    net: 'Montant HT',
    vat: 'TVA',
    total: 'Total',
    reverseCharge: 'Autoliquidation – Art. 196 Directive 2006/112/CE',
    outOfScope: 'TVA non applicable : prestation hors du champ de la TVA italienne',
  },
};

const es: DocumentStrings = {
  issuer: 'TourConnect',
  page: 'Página',
  receipt: {
    title: 'Recibo',
    number: 'Recibo n.º',
    issued: 'Emitido el',
    booking: 'Reserva',
    package: 'Paquete',
    paidOn: 'Pagado el',
    soldBy: 'Vendido por',
    item: 'Concepto',
    supplier: 'Prestado por',
    quantity: 'Cant.',
    unitPrice: 'Precio unitario',
    discount: 'Descuento',
    lineTotal: 'Importe',
    subtotal: 'Subtotal',
    bundleDiscount: 'Descuento de paquete',
    coupon: 'Cupón',
    total: 'Total pagado',
    vatNote: 'Precios con IVA incluido cuando corresponda.',
    paymentMethod: 'Pagado con',
  },
  itemTypes: { tour: 'Tour', service: 'Servicio', transport: 'Transporte', extra: 'Extra' },
  statement: {
    title: 'Extracto del socio',
    period: 'Periodo',
    date: 'Fecha',
    booking: 'Reserva',
    package: 'Paquete',
    earning: 'Parte bruta',
    fee: 'Comisión de la plataforma',
    share: 'Parte',
    reversals: 'Reembolsos / reversiones',
    net: 'Neto',
    transfer: 'Transferencia',
    transferStatus: 'Estado de la transferencia',
    payouts: 'Pagos',
    payout: 'Pago',
    payoutStatus: 'Estado',
    arrival: 'Llegada',
    amount: 'Importe',
    totals: 'Totales',
    totalTransfers: 'Transferido',
    totalPayouts: 'Pagado',
    noBookings: 'No hay reservas en este periodo.',
    noPayouts: 'No hay pagos en este periodo.',
  },
  invoice: {
    title: 'Factura',
    number: 'Factura n.º',
    issued: 'Fecha de emisión',
    period: 'Periodo',
    billTo: 'Facturar a',
    vatId: 'NIF-IVA',
    country: 'País',
    description: 'Descripción',
    amount: 'Importe',
    platformFees: 'Comisiones de la plataforma por reservas',
    feesRefunded: 'Comisiones de la plataforma reembolsadas',
    sponsored: 'Posicionamientos patrocinados',
    net: 'Base imponible',
    vat: 'IVA',
    total: 'Total',
    reverseCharge: 'Inversión del sujeto pasivo – Art. 196 Directiva 2006/112/CE',
    outOfScope: 'IVA no aplicable: operación no sujeta al IVA italiano',
  },
};

export const documentStrings: Record<Locale, DocumentStrings> = { en, it, de, fr, es };
