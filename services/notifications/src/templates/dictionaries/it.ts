import type { Dictionary } from '../catalog.ts';

export const it: Dictionary = {
  greeting: (name) => (name ? `Ciao ${name},` : 'Ciao,'),
  linkFallback: 'Se il pulsante non funziona, copia questo link nel browser:',
  footer:
    "TourConnect, l'ecosistema di partner per il turismo. Questo è un messaggio automatico; le risposte non vengono lette.",
  roles: { owner: 'titolare', manager: 'manager', viewer: 'osservatore' },
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
  },
};
