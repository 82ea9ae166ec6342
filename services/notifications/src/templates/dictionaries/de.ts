import type { Dictionary } from '../catalog.ts';

// Formal address ("Sie") throughout, as the portal's German copy.
export const de: Dictionary = {
  greeting: (name) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
  footer:
    'TourConnect, das Partner-Ökosystem für Reisen. Dies ist eine automatische Nachricht; Antworten werden nicht gelesen.',
  roles: { owner: 'Inhaber', manager: 'Manager', viewer: 'Betrachter' },
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
  },
};
