import type { Dictionary } from '../catalog.ts';

export const en: Dictionary = {
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  linkFallback: 'If the button does not work, copy this link into your browser:',
  footer: 'TourConnect, the partner ecosystem for travel. This is an automatic message; replies are not read.',
  roles: { owner: 'owner', manager: 'manager', viewer: 'viewer' },
  templates: {
    verify_email: (p, f) => ({
      subject: 'Confirm your e-mail address',
      preheader: 'One click and your TourConnect account is ready.',
      paragraphs: [
        'Thank you for signing up to TourConnect. Please confirm that this e-mail address is yours.',
        `The link works once and expires on ${f.dateTime(p.expiresAt)}.`,
      ],
      action: 'Confirm e-mail address',
      note: 'If you did not create a TourConnect account, ignore this e-mail: nothing happens without the link.',
    }),
    reset_password: (p, f) => ({
      subject: 'Reset your password',
      preheader: 'Choose a new password for your TourConnect account.',
      paragraphs: [
        'We received a request to reset the password of your TourConnect account.',
        `The link works once and expires on ${f.dateTime(p.expiresAt)}. After the reset you are signed out everywhere.`,
      ],
      action: 'Choose a new password',
      note: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
    }),
    confirm_email_change: (p, f) => ({
      subject: 'Confirm your new e-mail address',
      preheader: 'Confirm the address you want to use for TourConnect.',
      paragraphs: [
        `You asked to use ${p.newEmail} for your TourConnect account. Please confirm that this address is yours.`,
        `The link works once and expires on ${f.dateTime(p.expiresAt)}. Until then your current address stays in use.`,
      ],
      action: 'Confirm new address',
      note: 'If you did not ask for this, ignore this e-mail: nothing changes without the link.',
    }),
    email_change_notice: (p) => ({
      subject: 'Your e-mail address is about to change',
      preheader: 'Someone asked to move your TourConnect account to another address.',
      paragraphs: [
        `A request was made to change the e-mail address of your TourConnect account to ${p.newEmail}.`,
        'The change happens only once the new address is confirmed.',
      ],
      action: 'Review your account',
      note: 'If this was not you, change your password now: someone may be signed in to your account.',
    }),
    account_exists: () => ({
      subject: 'You already have a TourConnect account',
      preheader: 'Someone tried to sign up with this address.',
      paragraphs: [
        'Someone just tried to create a TourConnect account with this e-mail address, but you already have one.',
        'If it was you, sign in instead. If you forgot your password, you can reset it.',
      ],
      action: 'Sign in',
      note: 'If it was not you, you can ignore this e-mail: your account has not changed.',
    }),
    account_locked: (p, f) => ({
      subject: 'Your account has been locked',
      preheader: 'Too many failed sign-ins.',
      paragraphs: [
        `After many failed sign-in attempts your TourConnect account is locked until ${f.dateTime(p.lockedUntil)}.`,
        'If it was you, wait until then or reset your password, which also unlocks the account.',
      ],
      action: 'Reset password',
      note: 'If it was not you, someone is guessing your password: choose a strong new one.',
    }),
    partner_invitation: (p, f) => ({
      subject: `You are invited to join ${p.partnerName} on TourConnect`,
      preheader: `Join ${p.partnerName} as ${f.role(p.role)}.`,
      paragraphs: [
        `You have been invited to join ${p.partnerName} on TourConnect as ${f.role(p.role)}.`,
        `To accept, open the link and sign in (or sign up) with this e-mail address. The invitation expires on ${f.dateTime(p.expiresAt)}.`,
      ],
      action: 'Accept invitation',
      note: 'If you do not know this business, ignore this e-mail.',
    }),
    partner_submitted: (p) => ({
      subject: `${p.partnerName} is waiting for review`,
      preheader: 'We received your partner details.',
      paragraphs: [
        `Thank you: we received the details and documents of ${p.partnerName}.`,
        'Our team checks them and you will hear from us by e-mail as soon as a decision is made.',
      ],
      action: 'Open Partner Portal',
      note: 'You receive this e-mail because you own this partner on TourConnect.',
    }),
    partner_verified: (p) => ({
      subject: `${p.partnerName} is now a verified partner`,
      preheader: 'The Partner Verified badge is live.',
      paragraphs: [
        `Good news: ${p.partnerName} has been verified.`,
        'Travellers now see the Partner Verified badge on your profile and in the directory.',
      ],
      action: 'Open Partner Portal',
      note: 'You receive this e-mail because you own this partner on TourConnect.',
    }),
    partner_rejected: (p) => ({
      subject: `${p.partnerName} needs changes before verification`,
      preheader: 'Our review found something to fix.',
      paragraphs: [
        `We reviewed ${p.partnerName} and could not verify it yet. The reason given:`,
        p.reason,
        'Please fix this in the Partner Portal and submit again.',
      ],
      action: 'Fix and resubmit',
      note: 'You receive this e-mail because you own this partner on TourConnect.',
    }),
    partner_suspended: (p) => ({
      subject: `${p.partnerName} has been suspended`,
      preheader: 'Your listing is hidden for now.',
      paragraphs: [
        `${p.partnerName} has been suspended: its badge and listings are hidden. The reason given:`,
        p.reason,
        'Contact us through the Partner Portal to resolve this.',
      ],
      action: 'Open Partner Portal',
      note: 'You receive this e-mail because you own this partner on TourConnect.',
    }),
    partner_deleted: (p) => ({
      subject: `The data of ${p.partnerName} has been erased`,
      preheader: 'Your deletion request is complete.',
      paragraphs: [
        `Every TourConnect service has confirmed: the data of ${p.partnerName} is erased, except records the law requires us to keep, which are anonymised.`,
        'Your personal account stays open until you delete it.',
      ],
      action: 'Open your account',
      note: 'You receive this e-mail because you asked for this deletion.',
    }),
  },
};
