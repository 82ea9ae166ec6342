import type { BookingCancelReason, Dictionary } from '../catalog.ts';

export const en: Dictionary = {
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  linkFallback: 'If the button does not work, copy this link into your browser:',
  footer: 'TourConnect, the partner ecosystem for travel. This is an automatic message; replies are not read.',
  roles: { owner: 'owner', manager: 'manager', viewer: 'viewer' },
  untitledPackage: 'your package',
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
    booking_held: (p, f) => ({
      subject: `Your places are held: ${p.packageTitle}`,
      preheader: `Booking ${p.reference} is waiting for payment until ${f.dateTime(p.holdExpiresAt)}.`,
      paragraphs: [
        `Your booking of ${p.packageTitle} (reference ${p.reference}) is waiting for payment.`,
        ...(p.startsAt ? [`It starts on ${f.travelDate(p.startsAt)}.`] : []),
        `Total: ${f.money(p.totalMinor, p.currency)}.`,
        `Your places are held until ${f.dateTime(p.holdExpiresAt)}. The booking is confirmed once the payment arrives; if it has not arrived by then, the hold ends, nothing is charged and the places return to sale.`,
      ],
      action: 'View your booking',
      note: 'You receive this e-mail because this booking was made with your TourConnect account.',
    }),
    booking_confirmed: (p, f) => ({
      subject: `Booking confirmed: ${p.packageTitle}`,
      preheader: `Reference ${p.reference}: your payment has arrived.`,
      paragraphs: [
        `Your payment has arrived and your booking of ${p.packageTitle} (reference ${p.reference}) is confirmed.`,
        ...(p.startsAt ? [`It starts on ${f.travelDate(p.startsAt)}.`] : []),
        `Paid: ${f.money(p.totalMinor, p.currency)}. Your booking page lists every item and the cancellation policy.`,
      ],
      action: 'View your booking',
      note: 'You receive this e-mail because this booking was made with your TourConnect account.',
    }),
    booking_cancelled: (p, f) => {
      const why: Record<BookingCancelReason, string> = {
        traveller_requested: `As you asked, your booking of ${p.packageTitle} (reference ${p.reference}) is cancelled.`,
        hold_expired: `Your booking of ${p.packageTitle} (reference ${p.reference}) is cancelled: the hold ended before the payment arrived and the places are no longer available.`,
        sold_out: `Your booking of ${p.packageTitle} (reference ${p.reference}) is cancelled: the places sold out before the payment arrived.`,
        cancelled_externally: `Your booking of ${p.packageTitle} (reference ${p.reference}) is cancelled: the provider of one of its items cancelled it.`,
        admin: `Your booking of ${p.packageTitle} (reference ${p.reference}) has been cancelled by TourConnect.`,
      };
      const refund =
        p.chargedMinor === 0
          ? 'Nothing was charged, so there is nothing to refund.'
          : p.refundMinor > 0
            ? `You get ${f.money(p.refundMinor, p.currency)} back of the ${f.money(p.chargedMinor, p.currency)} you paid, to the payment method you used.`
            : `Under the package's cancellation policy no refund is due at this point (you paid ${f.money(p.chargedMinor, p.currency)}).`;
      return {
        subject: `Booking cancelled: ${p.packageTitle}`,
        preheader: `Reference ${p.reference}.`,
        paragraphs: [why[p.reason], refund],
        action: 'View your booking',
        note: 'You receive this e-mail because this booking was made with your TourConnect account.',
      };
    },
    booking_expired: (p) => ({
      subject: `Your hold has ended: ${p.packageTitle}`,
      preheader: `Reference ${p.reference}: nothing was charged.`,
      paragraphs: [
        p.reason === 'payment_failed'
          ? `The payment for your booking of ${p.packageTitle} (reference ${p.reference}) did not go through, so the places held for you have been released.`
          : `The places held for your booking of ${p.packageTitle} (reference ${p.reference}) have been released, because the payment did not arrive in time.`,
        'Nothing was charged. If places are still available, you can book again from the package page.',
      ],
      action: 'See the package',
      note: 'You receive this e-mail because this booking was made with your TourConnect account.',
    }),
    booking_partner_new: (p, f) => ({
      subject: `New booking for ${p.partnerName}: ${p.packageTitle}`,
      preheader: `Reference ${p.reference}, waiting for payment.`,
      paragraphs: [
        p.lineCount === 0
          ? `A traveller has booked ${p.packageTitle} (reference ${p.reference}), a package you sell.`
          : p.lineCount === 1
            ? `A traveller has booked ${p.packageTitle} (reference ${p.reference}), which includes one of your items.`
            : `A traveller has booked ${p.packageTitle} (reference ${p.reference}), which includes ${p.lineCount} of your items.`,
        ...(p.startsAt ? [`It starts on ${f.travelDate(p.startsAt)}.`] : []),
        `Your share: ${f.money(p.shareMinor, p.currency)}.`,
        `The booking is waiting for the traveller's payment: the places are held until ${f.dateTime(p.holdExpiresAt)}. If the payment does not arrive by then, they return to your availability by themselves. The Bookings page of the Partner Portal always shows the current status.`,
      ],
      action: 'Open bookings',
      note: `You receive this e-mail because you own ${p.partnerName} on TourConnect.`,
    }),
    payment_received: (p, f) => ({
      subject: `Payment received: booking ${p.reference}`,
      preheader: `${f.money(p.totalMinor, p.currency)} paid. Your receipt is ready.`,
      paragraphs: [
        `We received your payment of ${f.money(p.totalMinor, p.currency)} for booking ${p.reference}. Thank you.`,
        'Your receipt (PDF) is ready: download it from your booking page, in any of the portal’s languages.',
      ],
      ...(p.receiptLink ? { extraLink: { label: 'Download your receipt (PDF)', url: p.receiptLink } } : {}),
      action: 'View booking and receipt',
      note: 'You receive this e-mail because this booking was paid with your TourConnect account.',
    }),
    refund_issued: (p, f) => ({
      subject: `Refund issued: booking ${p.reference}`,
      preheader: `${f.money(p.amountMinor, p.currency)} on its way back to you.`,
      paragraphs: [
        `We refunded ${f.money(p.amountMinor, p.currency)} of the ${f.money(p.chargedMinor, p.currency)} you paid for booking ${p.reference}.`,
        'The money goes back to the payment method you used; your bank may take 5–10 business days to show it.',
      ],
      action: 'View your booking',
      note: 'You receive this e-mail because this booking was paid with your TourConnect account.',
    }),
    payout_paid: (p, f) => ({
      subject: `Payout sent to ${p.partnerName}: ${f.money(p.amountMinor, p.currency)}`,
      preheader: 'Stripe has paid out your balance to your bank account.',
      paragraphs: [
        `Stripe has paid out ${f.money(p.amountMinor, p.currency)} to the bank account of ${p.partnerName}.`,
        ...(p.arrivalAt ? [`It is expected on your account by ${f.travelDate(p.arrivalAt)}.`] : []),
        'Your payouts, transfers per booking, statements and invoices are on the Payouts page of the Partner Portal.',
      ],
      action: 'Open payouts',
      note: `You receive this e-mail because you are the owner of ${p.partnerName} on TourConnect.`,
    }),
  },
};
