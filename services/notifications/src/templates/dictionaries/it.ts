import type { BookingCancelReason, Dictionary } from '../catalog.ts';

export const it: Dictionary = {
  greeting: (name) => (name ? `Ciao ${name},` : 'Ciao,'),
  linkFallback: 'Se il pulsante non funziona, copia questo link nel browser:',
  footer:
    "TourConnect, l'ecosistema di partner per il turismo. Questo è un messaggio automatico; le risposte non vengono lette.",
  roles: { owner: 'titolare', manager: 'manager', viewer: 'osservatore' },
  untitledPackage: 'il tuo pacchetto',
  templates: {
    verify_email: (p, f) => ({
      subject: 'Conferma il tuo indirizzo e-mail',
      preheader: 'Un clic e il tuo account TourConnect è pronto.',
      paragraphs: [
        'Grazie per esserti registrato su TourConnect. Conferma che questo indirizzo e-mail è tuo.',
        `Il link vale una sola volta e scade il ${f.dateTime(p.expiresAt)}.`,
      ],
      action: 'Conferma indirizzo e-mail',
      note: 'Se non hai creato un account TourConnect, ignora questa e-mail: senza il link non succede nulla.',
    }),
    reset_password: (p, f) => ({
      subject: 'Reimposta la tua password',
      preheader: 'Scegli una nuova password per il tuo account TourConnect.',
      paragraphs: [
        'Abbiamo ricevuto una richiesta di reimpostare la password del tuo account TourConnect.',
        `Il link vale una sola volta e scade il ${f.dateTime(p.expiresAt)}. Dopo la reimpostazione verrai disconnesso ovunque.`,
      ],
      action: 'Scegli una nuova password',
      note: 'Se non sei stato tu a chiederlo, ignora questa e-mail: la password resta invariata.',
    }),
    confirm_email_change: (p, f) => ({
      subject: 'Conferma il tuo nuovo indirizzo e-mail',
      preheader: "Conferma l'indirizzo che vuoi usare per TourConnect.",
      paragraphs: [
        `Hai chiesto di usare ${p.newEmail} per il tuo account TourConnect. Conferma che questo indirizzo è tuo.`,
        `Il link vale una sola volta e scade il ${f.dateTime(p.expiresAt)}. Fino ad allora resta in uso l'indirizzo attuale.`,
      ],
      action: 'Conferma nuovo indirizzo',
      note: 'Se non sei stato tu a chiederlo, ignora questa e-mail: senza il link non cambia nulla.',
    }),
    email_change_notice: (p) => ({
      subject: 'Il tuo indirizzo e-mail sta per cambiare',
      preheader: 'Qualcuno ha chiesto di spostare il tuo account TourConnect su un altro indirizzo.',
      paragraphs: [
        `È stato chiesto di cambiare l'indirizzo e-mail del tuo account TourConnect in ${p.newEmail}.`,
        'La modifica avviene solo dopo la conferma del nuovo indirizzo.',
      ],
      action: 'Controlla il tuo account',
      note: 'Se non sei stato tu, cambia subito la password: qualcuno potrebbe aver effettuato l’accesso al tuo account.',
    }),
    account_exists: () => ({
      subject: 'Hai già un account TourConnect',
      preheader: 'Qualcuno ha provato a registrarsi con questo indirizzo.',
      paragraphs: [
        'Qualcuno ha appena provato a creare un account TourConnect con questo indirizzo e-mail, ma ne hai già uno.',
        'Se eri tu, accedi. Se hai dimenticato la password, puoi reimpostarla.',
      ],
      action: 'Accedi',
      note: 'Se non eri tu, puoi ignorare questa e-mail: il tuo account non è cambiato.',
    }),
    account_locked: (p, f) => ({
      subject: 'Il tuo account è stato bloccato',
      preheader: 'Troppi accessi non riusciti.',
      paragraphs: [
        `Dopo molti tentativi di accesso non riusciti, il tuo account TourConnect è bloccato fino al ${f.dateTime(p.lockedUntil)}.`,
        "Se eri tu, attendi fino ad allora oppure reimposta la password: anche così l'account viene sbloccato.",
      ],
      action: 'Reimposta password',
      note: 'Se non eri tu, qualcuno sta cercando di indovinare la tua password: scegline una nuova e robusta.',
    }),
    partner_invitation: (p, f) => ({
      subject: `Sei invitato a unirti a ${p.partnerName} su TourConnect`,
      preheader: `Unisciti a ${p.partnerName} come ${f.role(p.role)}.`,
      paragraphs: [
        `Sei stato invitato a unirti a ${p.partnerName} su TourConnect come ${f.role(p.role)}.`,
        `Per accettare, apri il link e accedi (o registrati) con questo indirizzo e-mail. L'invito scade il ${f.dateTime(p.expiresAt)}.`,
      ],
      action: 'Accetta invito',
      note: 'Se non conosci questa attività, ignora questa e-mail.',
    }),
    partner_submitted: (p) => ({
      subject: `${p.partnerName} è in attesa di verifica`,
      preheader: 'Abbiamo ricevuto i dati del partner.',
      paragraphs: [
        `Grazie: abbiamo ricevuto i dati e i documenti di ${p.partnerName}.`,
        'Il nostro team li verifica e riceverai una e-mail non appena sarà presa una decisione.',
      ],
      action: 'Apri il Portale Partner',
      note: 'Ricevi questa e-mail perché sei il titolare di questo partner su TourConnect.',
    }),
    partner_verified: (p) => ({
      subject: `${p.partnerName} è ora un partner verificato`,
      preheader: 'Il badge Partner Verified è attivo.',
      paragraphs: [
        `Buone notizie: ${p.partnerName} è stato verificato.`,
        'I viaggiatori vedono ora il badge Partner Verified sul tuo profilo e nella directory.',
      ],
      action: 'Apri il Portale Partner',
      note: 'Ricevi questa e-mail perché sei il titolare di questo partner su TourConnect.',
    }),
    partner_rejected: (p) => ({
      subject: `${p.partnerName} richiede modifiche prima della verifica`,
      preheader: 'La verifica ha trovato qualcosa da correggere.',
      paragraphs: [
        `Abbiamo esaminato ${p.partnerName} e non abbiamo ancora potuto verificarlo. Motivo indicato:`,
        p.reason,
        'Correggi nel Portale Partner e invia di nuovo.',
      ],
      action: 'Correggi e invia di nuovo',
      note: 'Ricevi questa e-mail perché sei il titolare di questo partner su TourConnect.',
    }),
    partner_suspended: (p) => ({
      subject: `${p.partnerName} è stato sospeso`,
      preheader: 'Il tuo profilo è nascosto per ora.',
      paragraphs: [
        `${p.partnerName} è stato sospeso: badge e annunci sono nascosti. Motivo indicato:`,
        p.reason,
        'Contattaci tramite il Portale Partner per risolvere la situazione.',
      ],
      action: 'Apri il Portale Partner',
      note: 'Ricevi questa e-mail perché sei il titolare di questo partner su TourConnect.',
    }),
    partner_deleted: (p) => ({
      subject: `I dati di ${p.partnerName} sono stati cancellati`,
      preheader: 'La tua richiesta di cancellazione è completata.',
      paragraphs: [
        `Tutti i servizi TourConnect hanno confermato: i dati di ${p.partnerName} sono cancellati, tranne i documenti che la legge ci impone di conservare, che sono anonimizzati.`,
        'Il tuo account personale resta attivo finché non lo elimini.',
      ],
      action: 'Apri il tuo account',
      note: 'Ricevi questa e-mail perché hai richiesto questa cancellazione.',
    }),
    booking_held: (p, f) => ({
      subject: `I tuoi posti sono bloccati: ${p.packageTitle}`,
      preheader: `La prenotazione ${p.reference} attende il pagamento fino al ${f.dateTime(p.holdExpiresAt)}.`,
      paragraphs: [
        `La tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) attende il pagamento.`,
        ...(p.startsAt ? [`Inizia ${f.travelDate(p.startsAt)}.`] : []),
        `Totale: ${f.money(p.totalMinor, p.currency)}.`,
        `I tuoi posti restano bloccati fino al ${f.dateTime(p.holdExpiresAt)}. La prenotazione è confermata quando arriva il pagamento; se non arriva entro allora, il blocco termina, non ti viene addebitato nulla e i posti tornano in vendita.`,
      ],
      action: 'Vedi la prenotazione',
      note: 'Ricevi questa e-mail perché la prenotazione è stata fatta con il tuo account TourConnect.',
    }),
    booking_confirmed: (p, f) => ({
      subject: `Prenotazione confermata: ${p.packageTitle}`,
      preheader: `Riferimento ${p.reference}: il pagamento è arrivato.`,
      paragraphs: [
        `Il pagamento è arrivato e la tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) è confermata.`,
        ...(p.startsAt ? [`Inizia ${f.travelDate(p.startsAt)}.`] : []),
        `Pagato: ${f.money(p.totalMinor, p.currency)}. La pagina della prenotazione elenca ogni elemento e la politica di cancellazione.`,
      ],
      action: 'Vedi la prenotazione',
      note: 'Ricevi questa e-mail perché la prenotazione è stata fatta con il tuo account TourConnect.',
    }),
    booking_cancelled: (p, f) => {
      const why: Record<BookingCancelReason, string> = {
        traveller_requested: `Come hai chiesto, la tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) è cancellata.`,
        hold_expired: `La tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) è cancellata: il blocco è terminato prima dell'arrivo del pagamento e i posti non sono più disponibili.`,
        sold_out: `La tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) è cancellata: i posti sono esauriti prima dell'arrivo del pagamento.`,
        cancelled_externally: `La tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) è cancellata: il fornitore di uno dei suoi elementi l'ha annullata.`,
        admin: `La tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) è stata cancellata da TourConnect.`,
      };
      const refund =
        p.chargedMinor === 0
          ? "Non ti è stato addebitato nulla, quindi non c'è nulla da rimborsare."
          : p.refundMinor > 0
            ? `Ti vengono restituiti ${f.money(p.refundMinor, p.currency)} dei ${f.money(p.chargedMinor, p.currency)} pagati, sul metodo di pagamento che hai usato.`
            : `Secondo la politica di cancellazione del pacchetto, a questo punto non è previsto alcun rimborso (hai pagato ${f.money(p.chargedMinor, p.currency)}).`;
      return {
        subject: `Prenotazione cancellata: ${p.packageTitle}`,
        preheader: `Riferimento ${p.reference}.`,
        paragraphs: [why[p.reason], refund],
        action: 'Vedi la prenotazione',
        note: 'Ricevi questa e-mail perché la prenotazione è stata fatta con il tuo account TourConnect.',
      };
    },
    booking_expired: (p) => ({
      subject: `Il blocco è terminato: ${p.packageTitle}`,
      preheader: `Riferimento ${p.reference}: non ti è stato addebitato nulla.`,
      paragraphs: [
        p.reason === 'payment_failed'
          ? `Il pagamento della tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) non è andato a buon fine, quindi i posti bloccati per te sono stati liberati.`
          : `I posti bloccati per la tua prenotazione di ${p.packageTitle} (riferimento ${p.reference}) sono stati liberati, perché il pagamento non è arrivato in tempo.`,
        'Non ti è stato addebitato nulla. Se ci sono ancora posti, puoi prenotare di nuovo dalla pagina del pacchetto.',
      ],
      action: 'Vedi il pacchetto',
      note: 'Ricevi questa e-mail perché la prenotazione è stata fatta con il tuo account TourConnect.',
    }),
    booking_partner_new: (p, f) => ({
      subject: `Nuova prenotazione per ${p.partnerName}: ${p.packageTitle}`,
      preheader: `Riferimento ${p.reference}, in attesa di pagamento.`,
      paragraphs: [
        p.lineCount === 0
          ? `Un viaggiatore ha prenotato ${p.packageTitle} (riferimento ${p.reference}), un pacchetto che vendi tu.`
          : p.lineCount === 1
            ? `Un viaggiatore ha prenotato ${p.packageTitle} (riferimento ${p.reference}), che include uno dei tuoi elementi.`
            : `Un viaggiatore ha prenotato ${p.packageTitle} (riferimento ${p.reference}), che include ${p.lineCount} dei tuoi elementi.`,
        ...(p.startsAt ? [`Inizia ${f.travelDate(p.startsAt)}.`] : []),
        `La tua quota: ${f.money(p.shareMinor, p.currency)}.`,
        `La prenotazione attende il pagamento del viaggiatore: i posti restano bloccati fino al ${f.dateTime(p.holdExpiresAt)}. Se il pagamento non arriva entro allora, tornano da soli nella tua disponibilità. La pagina Prenotazioni del Portale partner mostra sempre lo stato attuale.`,
      ],
      action: 'Apri le prenotazioni',
      note: `Ricevi questa e-mail perché sei titolare di ${p.partnerName} su TourConnect.`,
    }),
    payment_received: (p, f) => ({
      subject: `Pagamento ricevuto: prenotazione ${p.reference}`,
      preheader: `${f.money(p.totalMinor, p.currency)} pagati. La tua ricevuta è pronta.`,
      paragraphs: [
        `Abbiamo ricevuto il tuo pagamento di ${f.money(p.totalMinor, p.currency)} per la prenotazione ${p.reference}. Grazie.`,
        'La tua ricevuta (PDF) è pronta: scaricala dalla pagina della prenotazione, in una qualsiasi delle lingue del portale.',
      ],
      ...(p.receiptLink ? { extraLink: { label: 'Scarica la tua ricevuta (PDF)', url: p.receiptLink } } : {}),
      action: 'Vedi prenotazione e ricevuta',
      note: 'Ricevi questa e-mail perché questa prenotazione è stata pagata con il tuo account TourConnect.',
    }),
    refund_issued: (p, f) => ({
      subject: `Rimborso emesso: prenotazione ${p.reference}`,
      preheader: `${f.money(p.amountMinor, p.currency)} in arrivo.`,
      paragraphs: [
        `Ti abbiamo rimborsato ${f.money(p.amountMinor, p.currency)} dei ${f.money(p.chargedMinor, p.currency)} pagati per la prenotazione ${p.reference}.`,
        'Il denaro torna sul metodo di pagamento che hai usato; la tua banca può impiegare 5–10 giorni lavorativi per mostrarlo.',
      ],
      action: 'Vedi la prenotazione',
      note: 'Ricevi questa e-mail perché questa prenotazione è stata pagata con il tuo account TourConnect.',
    }),
    payout_paid: (p, f) => ({
      subject: `Accredito inviato a ${p.partnerName}: ${f.money(p.amountMinor, p.currency)}`,
      preheader: 'Stripe ha versato il tuo saldo sul conto bancario.',
      paragraphs: [
        `Stripe ha versato ${f.money(p.amountMinor, p.currency)} sul conto bancario di ${p.partnerName}.`,
        ...(p.arrivalAt ? [`È previsto sul conto entro ${f.travelDate(p.arrivalAt)}.`] : []),
        'Accrediti, trasferimenti per prenotazione, estratti conto e fatture sono nella pagina Accrediti del Portale Partner.',
      ],
      action: 'Apri gli accrediti',
      note: `Ricevi questa e-mail perché sei il titolare di ${p.partnerName} su TourConnect.`,
    }),
  },
};
