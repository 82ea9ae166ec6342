import type { Executor, Tx } from '@tourconnect/db';
import { applyPayoutReadiness, partnersNotPayoutReady } from '../db/payout-readiness.repository.ts';
import { partnerPayoutsNotReady } from './bundling-errors.ts';
import type { BundlingContext } from './context.ts';

/**
 * Whether a package's partners can be paid: billing moves each partner's share to its Stripe
 * connected account, so with BOOKING_REQUIRES_PAYOUT_ACCOUNTS a booking is refused (409
 * partner_payouts_not_ready, nothing held) until the seller and every item's partner finished
 * Stripe onboarding (billing.partner_account.updated.v1 with status enabled).
 */

export async function recordPartnerAccount(
  tx: Tx,
  event: { partnerId: string; status: string; transfersEnabled: boolean; at: Date },
): Promise<void> {
  await applyPayoutReadiness(tx, {
    partnerId: event.partnerId,
    ready: event.status === 'enabled' && event.transfersEnabled,
    at: event.at,
  });
}

/** Throws 409 partner_payouts_not_ready when the setting is on and one of the partners is not ready. */
export async function requirePayoutReady(
  ctx: BundlingContext,
  executor: Executor,
  partnerIds: readonly string[],
): Promise<void> {
  if (!ctx.settings.BOOKING_REQUIRES_PAYOUT_ACCOUNTS) return;
  const missing = await partnersNotPayoutReady(executor, partnerIds);
  if (missing.length > 0) throw partnerPayoutsNotReady();
}

/**
 * As `requirePayoutReady`, from readiness already read with the package and its items (a
 * booking reads the seller's and every item partner's with them, saving a round trip).
 */
export function requirePayoutReadyAsRead(ctx: BundlingContext, allReady: boolean): void {
  if (ctx.settings.BOOKING_REQUIRES_PAYOUT_ACCOUNTS && !allReady) throw partnerPayoutsNotReady();
}
