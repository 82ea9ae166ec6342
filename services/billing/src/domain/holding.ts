import { MAX_HOLDING_DAYS, MIN_HOLDING_DAYS, type PartnerHolding } from '@tourconnect/contracts/http';
import { AppError } from '@tourconnect/service-kit';
import { appendBillingAudit } from '../db/bookings.repository.ts';
import { findHoldingDays, updateHoldingDays } from '../db/holding.repository.ts';
import type { BillingContext } from './context.ts';

/**
 * A partner's holding period, set by an admin. transfer-schedule.ts reads it when a booking's
 * transfers are scheduled, so a change applies to bookings scheduled from then on; transfers
 * already scheduled keep their available_after.
 */

function accountNotFound(): AppError {
  return new AppError(404, 'partner_account_not_found', 'This partner has no payout account with TourConnect');
}

export async function partnerHolding(ctx: BillingContext, partnerId: string): Promise<PartnerHolding> {
  const holdingDays = await findHoldingDays(ctx.db, partnerId);
  if (holdingDays === undefined) throw accountNotFound();
  return { partnerId, holdingDays, defaultDays: ctx.settings.HOLDING_DAYS_DEFAULT };
}

export async function setPartnerHolding(
  ctx: BillingContext,
  callerId: string,
  partnerId: string,
  holdingDays: number,
): Promise<PartnerHolding> {
  if (holdingDays < MIN_HOLDING_DAYS || holdingDays > MAX_HOLDING_DAYS) {
    const message = `the holding period is ${MIN_HOLDING_DAYS}–${MAX_HOLDING_DAYS} days`;
    throw new AppError(422, 'holding_days_out_of_range', message, [
      { path: 'holdingDays', code: 'holding_days_out_of_range', message },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const previousDays = await findHoldingDays(tx, partnerId, { forUpdate: true });
    if (previousDays === undefined) throw accountNotFound();
    await updateHoldingDays(tx, partnerId, holdingDays);
    await appendBillingAudit(tx, {
      action: 'partner_account.holding_set',
      entityType: 'partner_account',
      entityId: partnerId,
      actorId: callerId,
      actorRole: 'admin',
      data: { holdingDays, previousDays },
    });
    return { partnerId, holdingDays, defaultDays: ctx.settings.HOLDING_DAYS_DEFAULT };
  });
}
