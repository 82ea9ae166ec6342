// What each e-mail says, as data: a template's copy is plain text built from its parameters,
// and only the layout turns it into HTML (escaping every piece), so no translation or
// parameter can ever inject markup.
import { emailTemplates, type EmailTemplate } from '@tourconnect/contracts/http';

/** One parameter type per template: what the copy may mention. */
export interface TemplateParams {
  verify_email: { name: string; link: string; expiresAt: Date };
  reset_password: { name: string; link: string; expiresAt: Date };
  confirm_email_change: { name: string; newEmail: string; link: string; expiresAt: Date };
  email_change_notice: { name: string; newEmail: string; link: string };
  account_exists: { name: string; link: string; resetLink: string };
  account_locked: { name: string; lockedUntil: Date; link: string };
  partner_invitation: { partnerName: string; role: string; link: string; expiresAt: Date };
  partner_submitted: { name: string; partnerName: string; link: string };
  partner_verified: { name: string; partnerName: string; link: string };
  partner_rejected: { name: string; partnerName: string; reason: string; link: string };
  partner_suspended: { name: string; partnerName: string; reason: string; link: string };
  partner_deleted: { name: string; partnerName: string; link: string };
  booking_held: BookingParams & { totalMinor: number; currency: string; holdExpiresAt: Date };
  booking_confirmed: BookingParams & { totalMinor: number; currency: string };
  booking_cancelled: BookingParams & {
    reason: BookingCancelReason;
    /** What had been charged (0: never paid). */
    chargedMinor: number;
    refundMinor: number;
    currency: string;
  };
  booking_expired: BookingParams & { reason: 'hold_expired' | 'payment_failed' };
  /** To a partner whose items a new booking includes (its owner). */
  booking_partner_new: BookingParams & {
    partnerName: string;
    /** How many of the booking's lines are this partner's items. */
    lineCount: number;
    /** What this partner is owed for the booking (its supplier shares, plus the margin for the seller). */
    shareMinor: number;
    currency: string;
    holdExpiresAt: Date;
  };
  /** billing.payment.succeeded.v1: the payment arrived; the receipt is on the booking page. */
  payment_received: {
    name: string;
    reference: string;
    totalMinor: number;
    currency: string;
    /** The receipt PDF through billing's signed link (30 days, no sign-in); null for events without one. */
    receiptLink: string | null;
    link: string;
  };
  /** billing.refund.issued.v1: money on its way back to the traveller's payment method. */
  refund_issued: {
    name: string;
    reference: string;
    amountMinor: number;
    chargedMinor: number;
    currency: string;
    link: string;
  };
  /** billing.payout.paid.v1: to the partner's owner. */
  payout_paid: {
    name: string;
    partnerName: string;
    amountMinor: number;
    currency: string;
    arrivalAt: Date | null;
    link: string;
  };
}

/** What every booking e-mail names: whom it greets and which booking it is about. */
export interface BookingParams {
  name: string;
  /** The package's title as booked; the reference alone when the event carried none. */
  packageTitle: string;
  /** Short booking reference travellers and partners can quote ("8F3A21C0"). */
  reference: string;
  /** When the first item starts; null when no line carries a start. */
  startsAt: Date | null;
  link: string;
}

export const bookingCancelReasons = [
  'traveller_requested',
  'hold_expired',
  'sold_out',
  'cancelled_externally',
  'admin',
] as const;
export type BookingCancelReason = (typeof bookingCancelReasons)[number];

export type TemplateName = keyof TemplateParams;

/** Every template, in the API contract's order (the portal's Sent-mail filter uses the same list). */
export const templateNames = emailTemplates satisfies readonly TemplateName[];
/** The other direction: a template added here but not to the contract does not compile. */
export const catalogMatchesContract: TemplateName extends EmailTemplate ? true : false = true;

/** The copy of one e-mail in one language, before layout. */
export interface EmailCopy {
  subject: string;
  /** Shown by mail clients next to the subject. */
  preheader: string;
  paragraphs: string[];
  /** The one button; its URL is the template's `link`. */
  action: string;
  /** A second, plain link above the button (e.g. the receipt download), when the template has one. */
  extraLink?: { label: string; url: string };
  /** Small print under the button (why you got this, what to do if it was not you). */
  note: string;
}

/** Locale-aware helpers a dictionary uses for dates and names it does not own. */
export interface Formatters {
  dateTime(value: Date): string;
  /** A travel day, as the destination's calendar shows it (the catalogue's zone, Europe/Rome). */
  travelDate(value: Date): string;
  /** An amount in minor units of an ISO currency, exactly, in the language's style. */
  money(minor: number, currency: string): string;
  role(role: string): string;
}

export type TemplateCopy = { [T in TemplateName]: (params: TemplateParams[T], format: Formatters) => EmailCopy };

/** Everything one language needs: the copy of every template plus the shared frame. */
export interface Dictionary {
  templates: TemplateCopy;
  greeting(name: string): string;
  /** Under the button, for clients that do not show it: "Or open this link:". */
  linkFallback: string;
  footer: string;
  roles: Record<'owner' | 'manager' | 'viewer', string>;
  /** Stands in for a package title when a booking event carries none. */
  untitledPackage: string;
}
