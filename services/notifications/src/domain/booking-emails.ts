// Booking e-mails, asked for by bundling's booking events: the traveller hears when the places
// are held, when the booking is confirmed, cancelled or expires; each partner whose items a new
// booking includes (and the seller) hears of it. Addressed through the recipients projection
// (traveller, partner owners) and the partner-owner projection, in each recipient's language.
import { timestampDate, type EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import type { EventEnvelope } from '@tourconnect/events';
import { findPartnerWithOwner, type PartnerOwnerRow } from '../db/partner-owners.repository.ts';
import { findRecipient, type RecipientRow } from '../db/recipients.repository.ts';
import {
  bookingCancelReasons,
  type BookingCancelReason,
  type BookingParams,
  type TemplateParams,
} from '../templates/catalog.ts';
import { resolveLanguage, type Language } from '../templates/languages.ts';
import { dictionaries } from '../templates/render.ts';
import type { NotificationsContext } from './context.ts';
import { portalItemLink, portalLink } from './links.ts';
import { RecipientNotKnownYet } from './notifications-errors.ts';
import { queueEmail } from './queue-email.ts';

type Payload<S extends keyof EventPayloadBySubject> = EventPayloadBySubject[S];
type Cause = Pick<EventEnvelope, 'id' | 'subject'>;
type BookingItem = Payload<'bundling.booking.held.v1'>['items'][number];
type TravellerTemplate = 'booking_held' | 'booking_confirmed' | 'booking_cancelled' | 'booking_expired';

/**
 * The short reference a traveller or partner can quote: the booking id's last eight hex digits
 * (the random end of a UUID, also of a time-ordered one), upper case. The portal shows the same.
 */
export function bookingReference(bookingId: string): string {
  return bookingId.replace(/-/g, '').slice(-8).toUpperCase();
}

/** When the first line starts; null when no line carries a start. */
export function firstStart(items: readonly BookingItem[]): Date | null {
  const starts = items.flatMap((item) => (item.startsAt ? [timestampDate(item.startsAt).getTime()] : []));
  return starts.length ? new Date(Math.min(...starts)) : null;
}

/**
 * What one partner is owed for a booking: the supplier shares of its lines, plus, for the
 * seller, the margin it keeps on every line (net - supplier share; 0 on its own lines).
 */
export function partnerShareMinor(items: readonly BookingItem[], partnerId: string, sellerPartnerId: string): number {
  let share = 0;
  for (const item of items) {
    if (item.partnerId === partnerId) share += Number(item.supplierShareMinor);
    if (partnerId === sellerPartnerId) share += Number(item.netMinor - item.supplierShareMinor);
  }
  return share;
}

async function traveller(tx: Tx, userId: string): Promise<RecipientRow> {
  const row = await findRecipient(tx, userId);
  if (!row) throw new RecipientNotKnownYet(userId);
  return row;
}

function bookingParams(
  language: Language,
  recipient: RecipientRow,
  event: { bookingId: string; packageTitle: string },
  startsAt: Date | null,
  link: string,
): BookingParams {
  return {
    name: recipient.displayName,
    packageTitle: event.packageTitle.trim() || dictionaries[language].untitledPackage,
    reference: bookingReference(event.bookingId),
    startsAt,
    link,
  };
}

/**
 * One e-mail to the booking's traveller, in their language, with the booking's common
 * parameters and the template's own; the link leads to the booking (or, for an expired hold,
 * back to the package).
 */
async function mailTraveller<T extends TravellerTemplate>(
  ctx: NotificationsContext,
  tx: Tx,
  cause: Cause,
  event: { userId: string; bookingId: string; packageId: string; packageTitle: string },
  mail: {
    template: T;
    linkTo: 'bookings' | 'packages';
    startsAt: Date | null;
    params: Omit<TemplateParams[T], keyof BookingParams>;
  },
): Promise<void> {
  const to = await traveller(tx, event.userId);
  const language = resolveLanguage(to.locale);
  const id = mail.linkTo === 'bookings' ? event.bookingId : event.packageId;
  const link = portalItemLink(ctx.settings.PORTAL_URL, mail.linkTo, id);
  await queueEmail(ctx, tx, {
    cause,
    template: mail.template,
    to: { userId: to.userId, email: to.email },
    language,
    params: { ...bookingParams(language, to, event, mail.startsAt, link), ...mail.params } as Omit<
      TemplateParams[T],
      'link'
    >,
    link,
  });
}

export async function tellTravellerBookingHeld(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'bundling.booking.held.v1'>,
  cause: Cause,
): Promise<void> {
  await mailTraveller(ctx, tx, cause, event, {
    template: 'booking_held',
    linkTo: 'bookings',
    startsAt: firstStart(event.items),
    params: {
      totalMinor: Number(event.totalMinor),
      currency: event.currency,
      holdExpiresAt: timestampDate(event.holdExpiresAt!),
    },
  });
}

export async function tellTravellerBookingConfirmed(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'bundling.booking.confirmed.v1'>,
  cause: Cause,
): Promise<void> {
  await mailTraveller(ctx, tx, cause, event, {
    template: 'booking_confirmed',
    linkTo: 'bookings',
    startsAt: firstStart(event.items),
    params: { totalMinor: Number(event.totalMinor), currency: event.currency },
  });
}

function cancelReason(reason: string): BookingCancelReason {
  return (bookingCancelReasons as readonly string[]).includes(reason) ? (reason as BookingCancelReason) : 'admin';
}

export async function tellTravellerBookingCancelled(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'bundling.booking.cancelled.v1'>,
  cause: Cause,
): Promise<void> {
  await mailTraveller(ctx, tx, cause, event, {
    template: 'booking_cancelled',
    linkTo: 'bookings',
    startsAt: firstStart(event.items),
    params: {
      reason: cancelReason(event.reason),
      chargedMinor: Number(event.totalMinor),
      refundMinor: Number(event.refundMinor),
      currency: event.currency,
    },
  });
}

/** The hold ran out (or the payment failed): nothing was charged; the button leads back to the package. */
export async function tellTravellerBookingExpired(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'bundling.booking.expired.v1'>,
  cause: Cause,
): Promise<void> {
  await mailTraveller(ctx, tx, cause, event, {
    template: 'booking_expired',
    linkTo: 'packages',
    startsAt: null,
    params: { reason: event.reason === 'payment_failed' ? 'payment_failed' : 'hold_expired' },
  });
}

// The consumer hands a batch of events to one transaction, and the bookings of a popular item
// name the same partners: each partner's owner is read once per transaction (as it was when the
// batch began, like every other read of the batch would have been a moment earlier).
const ownersByTransaction = new WeakMap<Tx, Map<string, { partner: PartnerOwnerRow; owner: RecipientRow }>>();

/** The partner and its owner as a recipient; either not known yet makes the event wait. */
async function partnerAndOwner(tx: Tx, partnerId: string): Promise<{ partner: PartnerOwnerRow; owner: RecipientRow }> {
  let known = ownersByTransaction.get(tx);
  const remembered = known?.get(partnerId);
  if (remembered) return remembered;
  const found = await findPartnerWithOwner(tx, partnerId);
  if (!found) throw new RecipientNotKnownYet(`owner of partner ${partnerId}`);
  if (!found.owner) throw new RecipientNotKnownYet(found.partner.ownerUserId);
  const both = { partner: found.partner, owner: found.owner };
  if (!known) ownersByTransaction.set(tx, (known = new Map()));
  known.set(partnerId, both);
  return both;
}

/**
 * A new booking: one e-mail to the owner of each partner whose items it includes, and to the
 * seller's, each with that partner's lines and share only. A partner or owner not known yet
 * makes the event wait (retry) like the partner notices do.
 */
export async function tellPartnersNewBooking(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'bundling.booking.held.v1'>,
  cause: Cause,
): Promise<void> {
  const partnerIds = [...new Set([event.sellerPartnerId, ...event.items.map((item) => item.partnerId)])].filter(
    Boolean,
  );
  const link = portalLink(ctx.settings.PORTAL_URL, 'partnerBookings');
  const startsAt = firstStart(event.items);
  for (const partnerId of partnerIds) {
    const { partner, owner } = await partnerAndOwner(tx, partnerId);
    const language = resolveLanguage(owner.locale);
    const positions = new Set(event.items.filter((item) => item.partnerId === partnerId).map((item) => item.position));
    await queueEmail(ctx, tx, {
      cause,
      template: 'booking_partner_new',
      recipientKey: partnerId,
      to: { userId: owner.userId, email: owner.email },
      language,
      params: {
        ...bookingParams(language, owner, event, startsAt, link),
        partnerName: partner.name,
        lineCount: positions.size,
        shareMinor: partnerShareMinor(event.items, partnerId, event.sellerPartnerId),
        currency: event.currency,
        holdExpiresAt: timestampDate(event.holdExpiresAt!),
      },
      link,
    });
  }
}
