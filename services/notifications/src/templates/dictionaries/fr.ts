import type { BookingCancelReason, Dictionary } from '../catalog.ts';

// Vouvoiement throughout, as the portal's French copy.
export const fr: Dictionary = {
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  linkFallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
  footer:
    "TourConnect, l'écosystème de partenaires du voyage. Ce message est automatique ; les réponses ne sont pas lues.",
  roles: { owner: 'propriétaire', manager: 'gestionnaire', viewer: 'lecteur' },
  untitledPackage: 'votre forfait',
  templates: {
    verify_email: (p, f) => ({
      subject: 'Confirmez votre adresse e-mail',
      preheader: 'Un clic et votre compte TourConnect est prêt.',
      paragraphs: [
        'Merci de vous être inscrit sur TourConnect. Veuillez confirmer que cette adresse e-mail vous appartient.',
        `Le lien ne fonctionne qu'une fois et expire le ${f.dateTime(p.expiresAt)}.`,
      ],
      action: "Confirmer l'adresse e-mail",
      note: "Si vous n'avez pas créé de compte TourConnect, ignorez cet e-mail : rien ne se passe sans le lien.",
    }),
    reset_password: (p, f) => ({
      subject: 'Réinitialisez votre mot de passe',
      preheader: 'Choisissez un nouveau mot de passe pour votre compte TourConnect.',
      paragraphs: [
        'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte TourConnect.',
        `Le lien ne fonctionne qu'une fois et expire le ${f.dateTime(p.expiresAt)}. Après la réinitialisation, vous serez déconnecté partout.`,
      ],
      action: 'Choisir un nouveau mot de passe',
      note: "Si vous n'avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.",
    }),
    confirm_email_change: (p, f) => ({
      subject: 'Confirmez votre nouvelle adresse e-mail',
      preheader: "Confirmez l'adresse que vous souhaitez utiliser pour TourConnect.",
      paragraphs: [
        `Vous avez demandé à utiliser ${p.newEmail} pour votre compte TourConnect. Veuillez confirmer que cette adresse vous appartient.`,
        `Le lien ne fonctionne qu'une fois et expire le ${f.dateTime(p.expiresAt)}. D'ici là, votre adresse actuelle reste active.`,
      ],
      action: 'Confirmer la nouvelle adresse',
      note: "Si vous n'avez rien demandé, ignorez cet e-mail : rien ne change sans le lien.",
    }),
    email_change_notice: (p) => ({
      subject: 'Votre adresse e-mail va changer',
      preheader: "Quelqu'un a demandé à déplacer votre compte TourConnect vers une autre adresse.",
      paragraphs: [
        `Une demande a été faite pour remplacer l'adresse e-mail de votre compte TourConnect par ${p.newEmail}.`,
        "Le changement n'a lieu qu'une fois la nouvelle adresse confirmée.",
      ],
      action: 'Vérifier votre compte',
      note: "Si ce n'était pas vous, changez votre mot de passe maintenant : quelqu'un est peut-être connecté à votre compte.",
    }),
    account_exists: () => ({
      subject: 'Vous avez déjà un compte TourConnect',
      preheader: "Quelqu'un a essayé de s'inscrire avec cette adresse.",
      paragraphs: [
        "Quelqu'un vient d'essayer de créer un compte TourConnect avec cette adresse e-mail, mais vous en avez déjà un.",
        'Si c’était vous, connectez-vous. Si vous avez oublié votre mot de passe, vous pouvez le réinitialiser.',
      ],
      action: 'Se connecter',
      note: "Si ce n'était pas vous, ignorez cet e-mail : votre compte n'a pas changé.",
    }),
    account_locked: (p, f) => ({
      subject: 'Votre compte a été verrouillé',
      preheader: 'Trop de connexions échouées.',
      paragraphs: [
        `Après de nombreuses tentatives de connexion échouées, votre compte TourConnect est verrouillé jusqu'au ${f.dateTime(p.lockedUntil)}.`,
        'Si c’était vous, patientez jusque-là ou réinitialisez votre mot de passe, ce qui déverrouille aussi le compte.',
      ],
      action: 'Réinitialiser le mot de passe',
      note: "Si ce n'était pas vous, quelqu'un tente de deviner votre mot de passe : choisissez-en un nouveau, robuste.",
    }),
    partner_invitation: (p, f) => ({
      subject: `Vous êtes invité à rejoindre ${p.partnerName} sur TourConnect`,
      preheader: `Rejoignez ${p.partnerName} en tant que ${f.role(p.role)}.`,
      paragraphs: [
        `Vous avez été invité à rejoindre ${p.partnerName} sur TourConnect en tant que ${f.role(p.role)}.`,
        `Pour accepter, ouvrez le lien et connectez-vous (ou inscrivez-vous) avec cette adresse e-mail. L'invitation expire le ${f.dateTime(p.expiresAt)}.`,
      ],
      action: "Accepter l'invitation",
      note: 'Si vous ne connaissez pas cette entreprise, ignorez cet e-mail.',
    }),
    partner_submitted: (p) => ({
      subject: `${p.partnerName} est en attente de vérification`,
      preheader: 'Nous avons reçu les informations du partenaire.',
      paragraphs: [
        `Merci : nous avons reçu les informations et documents de ${p.partnerName}.`,
        'Notre équipe les examine et vous recevrez un e-mail dès qu’une décision sera prise.',
      ],
      action: 'Ouvrir le Portail Partenaire',
      note: 'Vous recevez cet e-mail car vous êtes propriétaire de ce partenaire sur TourConnect.',
    }),
    partner_verified: (p) => ({
      subject: `${p.partnerName} est désormais un partenaire vérifié`,
      preheader: 'Le badge Partner Verified est en ligne.',
      paragraphs: [
        `Bonne nouvelle : ${p.partnerName} a été vérifié.`,
        "Les voyageurs voient désormais le badge Partner Verified sur votre profil et dans l'annuaire.",
      ],
      action: 'Ouvrir le Portail Partenaire',
      note: 'Vous recevez cet e-mail car vous êtes propriétaire de ce partenaire sur TourConnect.',
    }),
    partner_rejected: (p) => ({
      subject: `${p.partnerName} doit être modifié avant vérification`,
      preheader: 'Notre examen a relevé un point à corriger.',
      paragraphs: [
        `Nous avons examiné ${p.partnerName} et n'avons pas encore pu le vérifier. Motif indiqué :`,
        p.reason,
        'Veuillez corriger cela dans le Portail Partenaire et soumettre à nouveau.',
      ],
      action: 'Corriger et soumettre',
      note: 'Vous recevez cet e-mail car vous êtes propriétaire de ce partenaire sur TourConnect.',
    }),
    partner_suspended: (p) => ({
      subject: `${p.partnerName} a été suspendu`,
      preheader: 'Votre fiche est masquée pour le moment.',
      paragraphs: [
        `${p.partnerName} a été suspendu : son badge et ses annonces sont masqués. Motif indiqué :`,
        p.reason,
        'Contactez-nous via le Portail Partenaire pour régler la situation.',
      ],
      action: 'Ouvrir le Portail Partenaire',
      note: 'Vous recevez cet e-mail car vous êtes propriétaire de ce partenaire sur TourConnect.',
    }),
    partner_deleted: (p) => ({
      subject: `Les données de ${p.partnerName} ont été effacées`,
      preheader: 'Votre demande de suppression est terminée.',
      paragraphs: [
        `Tous les services TourConnect l'ont confirmé : les données de ${p.partnerName} sont effacées, sauf les pièces que la loi nous oblige à conserver, qui sont anonymisées.`,
        "Votre compte personnel reste ouvert jusqu'à ce que vous le supprimiez.",
      ],
      action: 'Ouvrir votre compte',
      note: 'Vous recevez cet e-mail car vous avez demandé cette suppression.',
    }),
    booking_held: (p, f) => ({
      subject: `Vos places sont bloquées : ${p.packageTitle}`,
      preheader: `La réservation ${p.reference} attend le paiement jusqu'au ${f.dateTime(p.holdExpiresAt)}.`,
      paragraphs: [
        `Votre réservation de ${p.packageTitle} (référence ${p.reference}) attend le paiement.`,
        ...(p.startsAt ? [`Elle commence le ${f.travelDate(p.startsAt)}.`] : []),
        `Total : ${f.money(p.totalMinor, p.currency)}.`,
        `Vos places sont bloquées jusqu'au ${f.dateTime(p.holdExpiresAt)}. La réservation est confirmée dès que le paiement arrive ; s'il n'est pas arrivé d'ici là, le blocage prend fin, rien ne vous est facturé et les places sont remises en vente.`,
      ],
      action: 'Voir votre réservation',
      note: 'Vous recevez cet e-mail parce que cette réservation a été faite avec votre compte TourConnect.',
    }),
    booking_confirmed: (p, f) => ({
      subject: `Réservation confirmée : ${p.packageTitle}`,
      preheader: `Référence ${p.reference} : votre paiement est arrivé.`,
      paragraphs: [
        `Votre paiement est arrivé et votre réservation de ${p.packageTitle} (référence ${p.reference}) est confirmée.`,
        ...(p.startsAt ? [`Elle commence le ${f.travelDate(p.startsAt)}.`] : []),
        `Payé : ${f.money(p.totalMinor, p.currency)}. La page de votre réservation détaille chaque prestation et les conditions d'annulation.`,
      ],
      action: 'Voir votre réservation',
      note: 'Vous recevez cet e-mail parce que cette réservation a été faite avec votre compte TourConnect.',
    }),
    booking_cancelled: (p, f) => {
      const why: Record<BookingCancelReason, string> = {
        traveller_requested: `Comme vous l'avez demandé, votre réservation de ${p.packageTitle} (référence ${p.reference}) est annulée.`,
        hold_expired: `Votre réservation de ${p.packageTitle} (référence ${p.reference}) est annulée : le blocage a pris fin avant l'arrivée du paiement et les places ne sont plus disponibles.`,
        sold_out: `Votre réservation de ${p.packageTitle} (référence ${p.reference}) est annulée : les places ont été épuisées avant l'arrivée du paiement.`,
        cancelled_externally: `Votre réservation de ${p.packageTitle} (référence ${p.reference}) est annulée : le prestataire de l'une de ses prestations l'a annulée.`,
        admin: `Votre réservation de ${p.packageTitle} (référence ${p.reference}) a été annulée par TourConnect.`,
      };
      const refund =
        p.chargedMinor === 0
          ? "Rien ne vous a été facturé : il n'y a rien à rembourser."
          : p.refundMinor > 0
            ? `Vous récupérez ${f.money(p.refundMinor, p.currency)} sur les ${f.money(p.chargedMinor, p.currency)} payés, sur le moyen de paiement utilisé.`
            : `Selon les conditions d'annulation du forfait, aucun remboursement n'est dû à ce stade (vous avez payé ${f.money(p.chargedMinor, p.currency)}).`;
      return {
        subject: `Réservation annulée : ${p.packageTitle}`,
        preheader: `Référence ${p.reference}.`,
        paragraphs: [why[p.reason], refund],
        action: 'Voir votre réservation',
        note: 'Vous recevez cet e-mail parce que cette réservation a été faite avec votre compte TourConnect.',
      };
    },
    booking_expired: (p) => ({
      subject: `Votre blocage a pris fin : ${p.packageTitle}`,
      preheader: `Référence ${p.reference} : rien ne vous a été facturé.`,
      paragraphs: [
        p.reason === 'payment_failed'
          ? `Le paiement de votre réservation de ${p.packageTitle} (référence ${p.reference}) a échoué : les places bloquées pour vous ont été libérées.`
          : `Les places bloquées pour votre réservation de ${p.packageTitle} (référence ${p.reference}) ont été libérées, car le paiement n'est pas arrivé à temps.`,
        "Rien ne vous a été facturé. S'il reste des places, vous pouvez réserver à nouveau depuis la page du forfait.",
      ],
      action: 'Voir le forfait',
      note: 'Vous recevez cet e-mail parce que cette réservation a été faite avec votre compte TourConnect.',
    }),
    booking_partner_new: (p, f) => ({
      subject: `Nouvelle réservation pour ${p.partnerName} : ${p.packageTitle}`,
      preheader: `Référence ${p.reference}, en attente de paiement.`,
      paragraphs: [
        p.lineCount === 0
          ? `Un voyageur a réservé ${p.packageTitle} (référence ${p.reference}), un forfait que vous vendez.`
          : p.lineCount === 1
            ? `Un voyageur a réservé ${p.packageTitle} (référence ${p.reference}), qui comprend l'une de vos prestations.`
            : `Un voyageur a réservé ${p.packageTitle} (référence ${p.reference}), qui comprend ${p.lineCount} de vos prestations.`,
        ...(p.startsAt ? [`Le séjour commence le ${f.travelDate(p.startsAt)}.`] : []),
        `Votre part : ${f.money(p.shareMinor, p.currency)}.`,
        `La réservation attend le paiement du voyageur : les places sont bloquées jusqu'au ${f.dateTime(p.holdExpiresAt)}. Si le paiement n'arrive pas d'ici là, elles reviennent d'elles-mêmes dans vos disponibilités. La page Réservations du Portail partenaire indique toujours l'état actuel.`,
      ],
      action: 'Ouvrir les réservations',
      note: `Vous recevez cet e-mail parce que vous êtes propriétaire de ${p.partnerName} sur TourConnect.`,
    }),
    payment_received: (p, f) => ({
      subject: `Paiement reçu : réservation ${p.reference}`,
      preheader: `${f.money(p.totalMinor, p.currency)} payés. Votre reçu est prêt.`,
      paragraphs: [
        `Nous avons reçu votre paiement de ${f.money(p.totalMinor, p.currency)} pour la réservation ${p.reference}. Merci.`,
        'Votre reçu (PDF) est prêt : téléchargez-le depuis la page de votre réservation, dans l’une des langues du portail.',
      ],
      ...(p.receiptLink ? { extraLink: { label: 'Télécharger votre reçu (PDF)', url: p.receiptLink } } : {}),
      action: 'Voir la réservation et le reçu',
      note: 'Vous recevez cet e-mail car cette réservation a été payée avec votre compte TourConnect.',
    }),
    refund_issued: (p, f) => ({
      subject: `Remboursement effectué : réservation ${p.reference}`,
      preheader: `${f.money(p.amountMinor, p.currency)} en route vers vous.`,
      paragraphs: [
        `Nous vous avons remboursé ${f.money(p.amountMinor, p.currency)} sur les ${f.money(p.chargedMinor, p.currency)} payés pour la réservation ${p.reference}.`,
        'L’argent revient sur le moyen de paiement utilisé ; votre banque peut mettre 5 à 10 jours ouvrés à l’afficher.',
      ],
      action: 'Voir votre réservation',
      note: 'Vous recevez cet e-mail car cette réservation a été payée avec votre compte TourConnect.',
    }),
    payout_paid: (p, f) => ({
      subject: `Versement envoyé à ${p.partnerName} : ${f.money(p.amountMinor, p.currency)}`,
      preheader: 'Stripe a versé votre solde sur votre compte bancaire.',
      paragraphs: [
        `Stripe a versé ${f.money(p.amountMinor, p.currency)} sur le compte bancaire de ${p.partnerName}.`,
        ...(p.arrivalAt ? [`Il est attendu sur votre compte d’ici le ${f.travelDate(p.arrivalAt)}.`] : []),
        'Versements, virements par réservation, relevés et factures sont sur la page Versements du Portail partenaire.',
      ],
      action: 'Ouvrir les versements',
      note: `Vous recevez cet e-mail car vous êtes le propriétaire de ${p.partnerName} sur TourConnect.`,
    }),
  },
};
