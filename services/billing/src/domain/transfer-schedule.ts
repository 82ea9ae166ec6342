import type { EventPayloadBySubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { appendBillingAudit, findBooking } from '../db/bookings.repository.ts';
import { bookingDisputeHold } from '../db/disputes.repository.ts';
import { findPaymentByBooking } from '../db/payments.repository.ts';
import { splitSharesByPartner } from '../db/splits.repository.ts';
import { findPartnerAccounts, insertTransfers } from '../db/transfers.repository.ts';
import { projectBookingConfirmed } from './booking-projection.ts';
import type { BillingContext } from './context.ts';

const DAY_MS = 86_400_000;

/** bundling.booking.confirmed.v1: the booking is sold → confirmed, and its transfers scheduled. */
export async function applyBookingConfirmed(
  ctx: BillingContext,
  tx: Tx,
  event: EventPayloadBySubject['bundling.booking.confirmed.v1'],
  correlationId?: string,
): Promise<void> {
  const booking = await projectBookingConfirmed(tx, event);
  if (!booking) return;
  await scheduleTransfers(ctx, tx, booking.id, correlationId);
}

/**
 * One transfer per partner with a share, once the booking is confirmed AND its payment split
 * (whichever of the two facts arrives second schedules them; a repeat inserts nothing). Each is
 * due after the partner's holding period past the first service date, or at once. A dispute
 * that reached billing before the confirmation (Stripe does not order its events) holds them
 * back the same way as one that comes later: they are created frozen while it is open, and
 * canceled when it was already lost (the chargeback journal took the shares back).
 */
export async function scheduleTransfers(
  ctx: BillingContext,
  tx: Tx,
  bookingId: string,
  correlationId?: string,
): Promise<number> {
  const booking = await findBooking(tx, bookingId);
  const payment = await findPaymentByBooking(tx, bookingId);
  if (booking?.status !== 'confirmed' || payment?.status !== 'succeeded' || !payment.chargeId) return 0;
  const shares = (await splitSharesByPartner(tx, bookingId)).filter((s) => s.shareMinor > 0);
  if (shares.length === 0) return 0;
  const accounts = new Map(
    (
      await findPartnerAccounts(
        tx,
        shares.map((s) => s.partnerId),
      )
    ).map((a) => [a.partnerId, a]),
  );
  const now = new Date();
  const dispute = await bookingDisputeHold(tx, bookingId);
  const disputeStatus = dispute === 'lost' ? 'canceled' : dispute === 'open' ? 'frozen' : undefined;
  const inserted = await insertTransfers(
    tx,
    shares.map((share) => {
      // The account's own period (set from HOLDING_DAYS_DEFAULT when it was created, then by the
      // admin — 0 included, "transfer at once"); the default only for a partner without an account.
      const holdingDays = accounts.get(share.partnerId)?.holdingDays ?? ctx.settings.HOLDING_DAYS_DEFAULT;
      const held = holdingDays > 0 && booking.firstServiceAt;
      return {
        id: crypto.randomUUID(),
        bookingId,
        partnerId: share.partnerId,
        amountMinor: share.shareMinor,
        currency: share.currency,
        sourceChargeId: payment.chargeId!,
        idempotencyKey: `transfer:${bookingId}:${share.partnerId}`,
        ...(disputeStatus ? { status: disputeStatus } : {}),
        availableAfter: held ? new Date(booking.firstServiceAt!.getTime() + holdingDays * DAY_MS) : now,
        nextAttemptAt: now,
      };
    }),
  );
  if (inserted.length === 0) return 0;
  await appendBillingAudit(tx, {
    action: 'transfer.scheduled',
    entityType: 'booking',
    entityId: bookingId,
    actorRole: 'system',
    data: {
      chargeId: payment.chargeId,
      dispute,
      transfers: inserted.map((t) => ({
        transferId: t.id,
        partnerId: t.partnerId,
        amountMinor: t.amountMinor,
        currency: t.currency,
        availableAfter: t.availableAfter.toISOString(),
      })),
    },
    correlationId: correlationId ?? null,
  });
  return inserted.length;
}
