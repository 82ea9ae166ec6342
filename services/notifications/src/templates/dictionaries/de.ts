import type { BookingCancelReason, Dictionary } from '../catalog.ts';

// Formal address ("Sie") throughout, as the portal's German copy.
export const de: Dictionary = {
  greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  footer:
    'TourConnect, das Partner-Ökosystem für Reisen. Dies ist eine automatische Nachricht; Antworten werden nicht gelesen.',
  roles: { owner: 'Inhaber', manager: 'Manager', viewer: 'Betrachter' },
  untitledPackage: 'Ihr Paket',
  templates: {
    verify_email: (p, f) => ({
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse',
      preheader: 'Ein Klick, und Ihr TourConnect-Konto ist bereit.',
      paragraphs: [
        'Vielen Dank für Ihre Registrierung bei TourConnect. Bitte bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört.',
        `Der Link ist einmal gültig und läuft am ${f.dateTime(p.expiresAt)} ab.`,
      ],
      action: 'E-Mail-Adresse bestätigen',
      note: 'Wenn Sie kein TourConnect-Konto erstellt haben, ignorieren Sie diese E-Mail: Ohne den Link geschieht nichts.',
    }),
    reset_password: (p, f) => ({
      subject: 'Setzen Sie Ihr Passwort zurück',
      preheader: 'Wählen Sie ein neues Passwort für Ihr TourConnect-Konto.',
      paragraphs: [
        'Wir haben eine Anfrage erhalten, das Passwort Ihres TourConnect-Kontos zurückzusetzen.',
        `Der Link ist einmal gültig und läuft am ${f.dateTime(p.expiresAt)} ab. Nach dem Zurücksetzen werden Sie überall abgemeldet.`,
      ],
      action: 'Neues Passwort wählen',
      note: 'Wenn Sie dies nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
    }),
    confirm_email_change: (p, f) => ({
      subject: 'Bestätigen Sie Ihre neue E-Mail-Adresse',
      preheader: 'Bestätigen Sie die Adresse, die Sie für TourConnect verwenden möchten.',
      paragraphs: [
        `Sie möchten ${p.newEmail} für Ihr TourConnect-Konto verwenden. Bitte bestätigen Sie, dass diese Adresse Ihnen gehört.`,
        `Der Link ist einmal gültig und läuft am ${f.dateTime(p.expiresAt)} ab. Bis dahin bleibt Ihre bisherige Adresse aktiv.`,
      ],
      action: 'Neue Adresse bestätigen',
      note: 'Wenn Sie dies nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne den Link ändert sich nichts.',
    }),
    email_change_notice: (p) => ({
      subject: 'Ihre E-Mail-Adresse soll geändert werden',
      preheader: 'Jemand möchte Ihr TourConnect-Konto auf eine andere Adresse umstellen.',
      paragraphs: [
        `Es wurde beantragt, die E-Mail-Adresse Ihres TourConnect-Kontos in ${p.newEmail} zu ändern.`,
        'Die Änderung erfolgt erst, wenn die neue Adresse bestätigt ist.',
      ],
      action: 'Konto prüfen',
      note: 'Wenn Sie das nicht waren, ändern Sie jetzt Ihr Passwort: Möglicherweise ist jemand in Ihrem Konto angemeldet.',
    }),
    account_exists: () => ({
      subject: 'Sie haben bereits ein TourConnect-Konto',
      preheader: 'Jemand hat versucht, sich mit dieser Adresse zu registrieren.',
      paragraphs: [
        'Soeben wurde versucht, mit dieser E-Mail-Adresse ein TourConnect-Konto zu erstellen, doch Sie haben bereits eines.',
        'Wenn Sie das waren, melden Sie sich einfach an. Falls Sie Ihr Passwort vergessen haben, können Sie es zurücksetzen.',
      ],
      action: 'Anmelden',
      note: 'Wenn Sie das nicht waren, können Sie diese E-Mail ignorieren: Ihr Konto wurde nicht verändert.',
    }),
    account_locked: (p, f) => ({
      subject: 'Ihr Konto wurde gesperrt',
      preheader: 'Zu viele fehlgeschlagene Anmeldungen.',
      paragraphs: [
        `Nach vielen fehlgeschlagenen Anmeldeversuchen ist Ihr TourConnect-Konto bis ${f.dateTime(p.lockedUntil)} gesperrt.`,
        'Wenn Sie das waren, warten Sie bis dahin oder setzen Sie Ihr Passwort zurück; damit wird das Konto auch entsperrt.',
      ],
      action: 'Passwort zurücksetzen',
      note: 'Wenn Sie das nicht waren, versucht jemand, Ihr Passwort zu erraten: Wählen Sie ein neues, sicheres Passwort.',
    }),
    partner_invitation: (p, f) => ({
      subject: `Einladung zu ${p.partnerName} auf TourConnect`,
      preheader: `Treten Sie ${p.partnerName} als ${f.role(p.role)} bei.`,
      paragraphs: [
        `Sie wurden eingeladen, ${p.partnerName} auf TourConnect als ${f.role(p.role)} beizutreten.`,
        `Um die Einladung anzunehmen, öffnen Sie den Link und melden Sie sich mit dieser E-Mail-Adresse an (oder registrieren Sie sich). Die Einladung läuft am ${f.dateTime(p.expiresAt)} ab.`,
      ],
      action: 'Einladung annehmen',
      note: 'Wenn Sie dieses Unternehmen nicht kennen, ignorieren Sie diese E-Mail.',
    }),
    partner_submitted: (p) => ({
      subject: `${p.partnerName} wird geprüft`,
      preheader: 'Wir haben Ihre Partnerdaten erhalten.',
      paragraphs: [
        `Vielen Dank: Wir haben die Angaben und Dokumente von ${p.partnerName} erhalten.`,
        'Unser Team prüft sie; Sie erhalten eine E-Mail, sobald eine Entscheidung gefallen ist.',
      ],
      action: 'Partnerportal öffnen',
      note: 'Sie erhalten diese E-Mail, weil Sie Inhaber dieses Partners auf TourConnect sind.',
    }),
    partner_verified: (p) => ({
      subject: `${p.partnerName} ist jetzt ein verifizierter Partner`,
      preheader: 'Das Abzeichen „Partner Verified“ ist sichtbar.',
      paragraphs: [
        `Gute Nachrichten: ${p.partnerName} wurde verifiziert.`,
        'Reisende sehen jetzt das Abzeichen „Partner Verified“ in Ihrem Profil und im Verzeichnis.',
      ],
      action: 'Partnerportal öffnen',
      note: 'Sie erhalten diese E-Mail, weil Sie Inhaber dieses Partners auf TourConnect sind.',
    }),
    partner_rejected: (p) => ({
      subject: `${p.partnerName}: Änderungen vor der Verifizierung nötig`,
      preheader: 'Bei der Prüfung ist uns etwas aufgefallen.',
      paragraphs: [
        `Wir haben ${p.partnerName} geprüft und konnten den Partner noch nicht verifizieren. Begründung:`,
        p.reason,
        'Bitte korrigieren Sie dies im Partnerportal und reichen Sie erneut ein.',
      ],
      action: 'Korrigieren und erneut einreichen',
      note: 'Sie erhalten diese E-Mail, weil Sie Inhaber dieses Partners auf TourConnect sind.',
    }),
    partner_suspended: (p) => ({
      subject: `${p.partnerName} wurde gesperrt`,
      preheader: 'Ihr Eintrag ist vorerst ausgeblendet.',
      paragraphs: [
        `${p.partnerName} wurde gesperrt: Abzeichen und Einträge sind ausgeblendet. Begründung:`,
        p.reason,
        'Kontaktieren Sie uns über das Partnerportal, um dies zu klären.',
      ],
      action: 'Partnerportal öffnen',
      note: 'Sie erhalten diese E-Mail, weil Sie Inhaber dieses Partners auf TourConnect sind.',
    }),
    partner_deleted: (p) => ({
      subject: `Die Daten von ${p.partnerName} wurden gelöscht`,
      preheader: 'Ihr Löschantrag ist abgeschlossen.',
      paragraphs: [
        `Alle TourConnect-Dienste haben bestätigt: Die Daten von ${p.partnerName} sind gelöscht; gesetzlich aufzubewahrende Unterlagen wurden anonymisiert.`,
        'Ihr persönliches Konto bleibt bestehen, bis Sie es löschen.',
      ],
      action: 'Ihr Konto öffnen',
      note: 'Sie erhalten diese E-Mail, weil Sie diese Löschung beantragt haben.',
    }),
    booking_held: (p, f) => ({
      subject: `Ihre Plätze sind reserviert: ${p.packageTitle}`,
      preheader: `Buchung ${p.reference} wartet bis ${f.dateTime(p.holdExpiresAt)} auf die Zahlung.`,
      paragraphs: [
        `Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) wartet auf die Zahlung.`,
        ...(p.startsAt ? [`Sie beginnt am ${f.travelDate(p.startsAt)}.`] : []),
        `Gesamtbetrag: ${f.money(p.totalMinor, p.currency)}.`,
        `Ihre Plätze sind bis ${f.dateTime(p.holdExpiresAt)} für Sie reserviert. Die Buchung ist bestätigt, sobald die Zahlung eingeht; ist sie bis dahin nicht eingegangen, endet die Reservierung, es wird nichts berechnet und die Plätze gehen zurück in den Verkauf.`,
      ],
      action: 'Ihre Buchung ansehen',
      note: 'Sie erhalten diese E-Mail, weil diese Buchung mit Ihrem TourConnect-Konto vorgenommen wurde.',
    }),
    booking_confirmed: (p, f) => ({
      subject: `Buchung bestätigt: ${p.packageTitle}`,
      preheader: `Referenz ${p.reference}: Ihre Zahlung ist eingegangen.`,
      paragraphs: [
        `Ihre Zahlung ist eingegangen und Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) ist bestätigt.`,
        ...(p.startsAt ? [`Sie beginnt am ${f.travelDate(p.startsAt)}.`] : []),
        `Bezahlt: ${f.money(p.totalMinor, p.currency)}. Ihre Buchungsseite zeigt alle Leistungen und die Stornobedingungen.`,
      ],
      action: 'Ihre Buchung ansehen',
      note: 'Sie erhalten diese E-Mail, weil diese Buchung mit Ihrem TourConnect-Konto vorgenommen wurde.',
    }),
    booking_cancelled: (p, f) => {
      const why: Record<BookingCancelReason, string> = {
        traveller_requested: `Wie von Ihnen gewünscht, ist Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) storniert.`,
        hold_expired: `Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) ist storniert: Die Reservierung endete vor dem Zahlungseingang und die Plätze sind nicht mehr verfügbar.`,
        sold_out: `Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) ist storniert: Die Plätze waren vor dem Zahlungseingang ausverkauft.`,
        cancelled_externally: `Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) ist storniert: Der Anbieter einer ihrer Leistungen hat sie storniert.`,
        admin: `Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) wurde von TourConnect storniert.`,
      };
      const refund =
        p.chargedMinor === 0
          ? 'Es wurde nichts berechnet, daher gibt es nichts zu erstatten.'
          : p.refundMinor > 0
            ? `Sie erhalten ${f.money(p.refundMinor, p.currency)} der bezahlten ${f.money(p.chargedMinor, p.currency)} zurück, auf das Zahlungsmittel, das Sie verwendet haben.`
            : `Nach den Stornobedingungen des Pakets steht Ihnen zu diesem Zeitpunkt keine Erstattung zu (Sie haben ${f.money(p.chargedMinor, p.currency)} bezahlt).`;
      return {
        subject: `Buchung storniert: ${p.packageTitle}`,
        preheader: `Referenz ${p.reference}.`,
        paragraphs: [why[p.reason], refund],
        action: 'Ihre Buchung ansehen',
        note: 'Sie erhalten diese E-Mail, weil diese Buchung mit Ihrem TourConnect-Konto vorgenommen wurde.',
      };
    },
    booking_expired: (p) => ({
      subject: `Ihre Reservierung ist abgelaufen: ${p.packageTitle}`,
      preheader: `Referenz ${p.reference}: Es wurde nichts berechnet.`,
      paragraphs: [
        p.reason === 'payment_failed'
          ? `Die Zahlung für Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) ist fehlgeschlagen, daher wurden die für Sie reservierten Plätze freigegeben.`
          : `Die für Ihre Buchung von ${p.packageTitle} (Referenz ${p.reference}) reservierten Plätze wurden freigegeben, weil die Zahlung nicht rechtzeitig eingegangen ist.`,
        'Es wurde nichts berechnet. Wenn noch Plätze frei sind, können Sie auf der Seite des Pakets erneut buchen.',
      ],
      action: 'Paket ansehen',
      note: 'Sie erhalten diese E-Mail, weil diese Buchung mit Ihrem TourConnect-Konto vorgenommen wurde.',
    }),
    booking_partner_new: (p, f) => ({
      subject: `Neue Buchung für ${p.partnerName}: ${p.packageTitle}`,
      preheader: `Referenz ${p.reference}, wartet auf die Zahlung.`,
      paragraphs: [
        p.lineCount === 0
          ? `Ein Reisender hat ${p.packageTitle} (Referenz ${p.reference}) gebucht, ein Paket, das Sie verkaufen.`
          : p.lineCount === 1
            ? `Ein Reisender hat ${p.packageTitle} (Referenz ${p.reference}) gebucht, das eine Ihrer Leistungen enthält.`
            : `Ein Reisender hat ${p.packageTitle} (Referenz ${p.reference}) gebucht, das ${p.lineCount} Ihrer Leistungen enthält.`,
        ...(p.startsAt ? [`Die Reise beginnt am ${f.travelDate(p.startsAt)}.`] : []),
        `Ihr Anteil: ${f.money(p.shareMinor, p.currency)}.`,
        `Die Buchung wartet auf die Zahlung des Reisenden: Die Plätze sind bis ${f.dateTime(p.holdExpiresAt)} reserviert. Geht die Zahlung bis dahin nicht ein, kehren sie von selbst in Ihre Verfügbarkeit zurück. Die Seite „Buchungen“ im Partnerportal zeigt stets den aktuellen Stand.`,
      ],
      action: 'Buchungen öffnen',
      note: `Sie erhalten diese E-Mail, weil Sie Inhaber von ${p.partnerName} auf TourConnect sind.`,
    }),
    payment_received: (p, f) => ({
      subject: `Zahlung erhalten: Buchung ${p.reference}`,
      preheader: `${f.money(p.totalMinor, p.currency)} bezahlt. Ihre Quittung liegt bereit.`,
      paragraphs: [
        `Wir haben Ihre Zahlung von ${f.money(p.totalMinor, p.currency)} für die Buchung ${p.reference} erhalten. Vielen Dank.`,
        'Ihre Quittung (PDF) liegt bereit: Laden Sie sie auf Ihrer Buchungsseite herunter, in jeder Sprache des Portals.',
      ],
      ...(p.receiptLink ? { extraLink: { label: 'Quittung herunterladen (PDF)', url: p.receiptLink } } : {}),
      action: 'Buchung und Quittung ansehen',
      note: 'Sie erhalten diese E-Mail, weil diese Buchung mit Ihrem TourConnect-Konto bezahlt wurde.',
    }),
    refund_issued: (p, f) => ({
      subject: `Erstattung veranlasst: Buchung ${p.reference}`,
      preheader: `${f.money(p.amountMinor, p.currency)} sind auf dem Weg zu Ihnen.`,
      paragraphs: [
        `Wir haben Ihnen ${f.money(p.amountMinor, p.currency)} der ${f.money(p.chargedMinor, p.currency)} erstattet, die Sie für die Buchung ${p.reference} bezahlt haben.`,
        'Das Geld geht auf das Zahlungsmittel zurück, mit dem Sie bezahlt haben; Ihre Bank kann 5–10 Werktage brauchen, bis es sichtbar ist.',
      ],
      action: 'Buchung ansehen',
      note: 'Sie erhalten diese E-Mail, weil diese Buchung mit Ihrem TourConnect-Konto bezahlt wurde.',
    }),
    payout_paid: (p, f) => ({
      subject: `Auszahlung an ${p.partnerName}: ${f.money(p.amountMinor, p.currency)}`,
      preheader: 'Stripe hat Ihr Guthaben auf Ihr Bankkonto ausgezahlt.',
      paragraphs: [
        `Stripe hat ${f.money(p.amountMinor, p.currency)} auf das Bankkonto von ${p.partnerName} ausgezahlt.`,
        ...(p.arrivalAt ? [`Der Betrag wird bis ${f.travelDate(p.arrivalAt)} auf Ihrem Konto erwartet.`] : []),
        'Auszahlungen, Überweisungen je Buchung, Abrechnungen und Rechnungen finden Sie auf der Seite „Auszahlungen“ im Partnerportal.',
      ],
      action: 'Auszahlungen öffnen',
      note: `Sie erhalten diese E-Mail, weil Sie Inhaber von ${p.partnerName} auf TourConnect sind.`,
    }),
  },
};
