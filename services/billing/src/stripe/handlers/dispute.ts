import type Stripe from 'stripe';
import { appendBillingAudit } from '../../db/bookings.repository.ts';
import { upsertDispute } from '../../db/disputes.repository.ts';
import { findPaymentByCharge } from '../../db/payments.repository.ts';
import { setBookingTransfersStatus } from '../../db/transfers.repository.ts';
import type { StripeEventHandler } from './types.ts';

const chargeIdOf = (dispute: Stripe.Dispute) =>
  typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id;

/** A dispute opened: recorded, and the booking's unsent transfers frozen until it is decided. */
export const disputeCreated: StripeEventHandler = async (tx, event) => {
  const dispute = event.data.object as Stripe.Dispute;
  const payment = await findPaymentByCharge(tx, chargeIdOf(dispute));
  await upsertDispute(tx, {
    id: dispute.id,
    bookingId: payment?.bookingId ?? null,
    chargeId: chargeIdOf(dispute),
    amountMinor: dispute.amount,
    currency: dispute.currency.toUpperCase(),
    status: dispute.status,
    reason: dispute.reason,
  });
  const frozen = payment ? await setBookingTransfersStatus(tx, payment.bookingId, 'scheduled', 'frozen') : 0;
  await appendBillingAudit(tx, {
    action: 'dispute.opened',
    entityType: 'dispute',
    entityId: dispute.id,
    actorRole: 'system',
    data: { bookingId: payment?.bookingId ?? null, amountMinor: dispute.amount, reason: dispute.reason, frozen },
  });
  return `applied: ${frozen} transfer(s) frozen`;
};

/** A dispute decided: won → the frozen transfers go out; lost → they stay frozen for an admin. */
export const disputeClosed: StripeEventHandler = async (tx, event) => {
  const dispute = event.data.object as Stripe.Dispute;
  const payment = await findPaymentByCharge(tx, chargeIdOf(dispute));
  await upsertDispute(tx, {
    id: dispute.id,
    bookingId: payment?.bookingId ?? null,
    chargeId: chargeIdOf(dispute),
    amountMinor: dispute.amount,
    currency: dispute.currency.toUpperCase(),
    status: dispute.status,
    reason: dispute.reason,
  });
  const won = dispute.status === 'won' || dispute.status === 'warning_closed';
  const released = payment && won ? await setBookingTransfersStatus(tx, payment.bookingId, 'frozen', 'scheduled') : 0;
  await appendBillingAudit(tx, {
    action: 'dispute.closed',
    entityType: 'dispute',
    entityId: dispute.id,
    actorRole: 'system',
    data: { bookingId: payment?.bookingId ?? null, status: dispute.status, released },
  });
  return `applied: ${dispute.status}, ${released} transfer(s) released`;
};
