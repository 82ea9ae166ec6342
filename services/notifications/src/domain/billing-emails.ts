// Billing's e-mails: the traveller hears that the payment arrived (the receipt PDF attached,
// linked, and on the booking page) and that a refund was issued; a partner's owner hears that Stripe paid out its
// balance. Addressed through the recipients and partner-owner projections, in each recipient's
// language, like the booking e-mails.
import { timestampDate, type EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import type { EventEnvelope } from '@tourconnect/events';
import { findPartnerOwner } from '../db/partner-owners.repository.ts';
import { findRecipient, type RecipientRow } from '../db/recipients.repository.ts';
import { resolveLanguage } from '../templates/languages.ts';
import { bookingReference } from './booking-emails.ts';
import type { NotificationsContext } from './context.ts';
import { portalItemLink, portalLink, receiptDownloadLink } from './links.ts';
import { RecipientNotKnownYet } from './notifications-errors.ts';
import { queueEmail } from './queue-email.ts';

type Payload<S extends keyof EventPayloadBySubject> = EventPayloadBySubject[S];
type Cause = Pick<EventEnvelope, 'id' | 'subject' | 'audience'>;

async function recipient(tx: Tx, userId: string): Promise<RecipientRow> {
  const row = await findRecipient(tx, userId);
  if (!row) throw new RecipientNotKnownYet(userId);
  return row;
}

export async function tellTravellerPaymentReceived(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'billing.payment.succeeded.v1'>,
  cause: Cause,
): Promise<void> {
  const to = await recipient(tx, event.userId);
  const link = portalItemLink(ctx.settings.PORTAL_URL, 'bookings', event.bookingId);
  const language = resolveLanguage(to.locale);
  const reference = bookingReference(event.bookingId);
  // billing's signed path does not sign the language: the PDF comes in the recipient's.
  const receipt = event.receiptPath
    ? receiptDownloadLink(ctx.settings.PORTAL_URL, event.receiptPath, language)
    : undefined;
  await queueEmail(ctx, tx, {
    cause,
    template: 'payment_received',
    to: { userId: to.userId, email: to.email },
    language,
    params: {
      name: to.displayName,
      reference,
      totalMinor: Number(event.amountMinor),
      currency: event.currency,
      receiptLink: receipt?.redacted ?? null,
    },
    link,
    // The PDF itself rides along, fetched from billing when the e-mail is sent; the link stays.
    ...(receipt
      ? {
          secretLinks: [receipt],
          attachments: [{ link: receipt, filename: `receipt-${reference}.pdf`, contentType: 'application/pdf' }],
        }
      : {}),
  });
}

/**
 * billing.refund.issued.v1 names no user: billing publishes it with the booking's traveller as
 * its only audience (the gateway pushes it to their open tabs), and that is whom we mail. An
 * event without exactly one audience user sends nothing.
 */
export async function tellTravellerRefundIssued(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'billing.refund.issued.v1'>,
  cause: Cause,
): Promise<void> {
  const users = (cause.audience ?? []).filter((entry) => !entry.includes(':'));
  if (users.length !== 1 || Number(event.amountMinor) <= 0) return;
  const to = await recipient(tx, users[0]!);
  await queueEmail(ctx, tx, {
    cause,
    template: 'refund_issued',
    to: { userId: to.userId, email: to.email },
    language: resolveLanguage(to.locale),
    params: {
      name: to.displayName,
      reference: bookingReference(event.bookingId),
      amountMinor: Number(event.amountMinor),
      chargedMinor: Number(event.chargedMinor),
      currency: event.currency,
    },
    link: portalItemLink(ctx.settings.PORTAL_URL, 'bookings', event.bookingId),
  });
}

/** The partner's owner (partner-owner projection); a partner or owner not known yet makes the event wait. */
export async function tellPartnerPayoutPaid(
  ctx: NotificationsContext,
  tx: Tx,
  event: Payload<'billing.payout.paid.v1'>,
  cause: Cause,
): Promise<void> {
  const partner = await findPartnerOwner(tx, event.partnerId);
  if (!partner) throw new RecipientNotKnownYet(`owner of partner ${event.partnerId}`);
  const owner = await recipient(tx, partner.ownerUserId);
  await queueEmail(ctx, tx, {
    cause,
    template: 'payout_paid',
    to: { userId: owner.userId, email: owner.email },
    language: resolveLanguage(owner.locale),
    params: {
      name: owner.displayName,
      partnerName: partner.name,
      amountMinor: Number(event.amountMinor),
      currency: event.currency,
      arrivalAt: event.arrivalAt ? timestampDate(event.arrivalAt) : null,
    },
    link: portalLink(ctx.settings.PORTAL_URL, 'partnerPayouts'),
  });
}
