import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { timestampFromDate } from '@tourconnect/contracts';
import type { AuthUser } from '@tourconnect/service-kit';
import type { Tx } from '@tourconnect/db';
import { appendConnectAudit, findAccountByPartner, findAccountByStripeId } from '../db/accounts.repository.ts';
import { memberUserIds } from '../db/members.repository.ts';
import {
  findPayout,
  insertPayout,
  listPartnerPayouts,
  listPartnerTransfers,
  previousPayoutCreatedAt,
  updatePayout,
  type PayoutRow,
  type PayoutStatus,
} from '../db/payouts.repository.ts';
import { callerPartner } from './connect.ts';
import { stripeUnavailable } from './connect-errors.ts';
import type { BillingContext } from './context.ts';

/**
 * Payouts from partners' connected accounts to their banks, as Stripe reports them
 * (payout.created / updated / paid / failed, Connect events with `event.account`).
 *
 * The period a payout covers is [previous payout's creation, this payout's creation): an
 * automatic payout sweeps what became available up to the moment Stripe created it, so the
 * creation times cut the partner's earnings into consecutive periods without asking Stripe for
 * the payout's balance transactions (a request per payout). The first payout's period starts
 * when the connected account was recorded. Failed and canceled payouts never start a period:
 * their money comes back and goes out with the next one.
 */

const TERMINAL: readonly PayoutStatus[] = ['paid', 'failed', 'canceled'];
const STATUSES: readonly PayoutStatus[] = ['pending', 'in_transit', 'paid', 'failed', 'canceled'];

const secondsToDate = (seconds: number | null | undefined) =>
  typeof seconds === 'number' ? new Date(seconds * 1000) : null;

/** A payout may go forward, and a paid one may still fail (Stripe reports bank returns late); never back. */
function allowedChange(from: PayoutStatus, to: PayoutStatus): boolean {
  if (from === to) return true;
  if (from === 'paid') return to === 'failed';
  return !TERMINAL.includes(from) && STATUSES.indexOf(to) > STATUSES.indexOf(from);
}

/** Applies a payout snapshot from a Connect event in `tx`; returns the outcome stored with the event. */
export async function applyPayoutSnapshot(
  ctx: BillingContext,
  tx: Tx,
  event: { account?: string | undefined; payout: Stripe.Payout },
): Promise<string> {
  const { payout } = event;
  if (!event.account) return 'ignored: a payout of the platform account';
  const account = await findAccountByStripeId(tx, event.account);
  if (!account) return `ignored: no partner has account ${event.account}`;
  const status = (STATUSES as readonly string[]).includes(payout.status) ? (payout.status as PayoutStatus) : 'pending';
  const change = {
    status,
    arrivalAt: secondsToDate(payout.arrival_date),
    failureCode: payout.failure_code ?? null,
    amountMinor: payout.amount,
  };
  let row = await findPayout(tx, payout.id);
  const before = row?.status;
  if (!row) {
    const createdAt = secondsToDate(payout.created) ?? new Date();
    const currency = payout.currency.toUpperCase();
    const periodStart =
      (await previousPayoutCreatedAt(tx, account.partnerId, currency, createdAt)) ?? account.createdAt;
    row = await insertPayout(tx, {
      id: randomUUID(),
      partnerId: account.partnerId,
      stripePayoutId: payout.id,
      currency,
      periodStart,
      periodEnd: createdAt,
      createdAt,
      ...change,
    });
    if (!row) return 'ignored: recorded concurrently';
  } else if (!allowedChange(row.status, status)) {
    return `ignored: ${row.status} stays (event says ${status})`;
  } else {
    row = await updatePayout(tx, row.id, change);
  }
  if (status === 'paid' && before !== 'paid') await announcePaid(ctx, tx, row);
  if (before !== status) await auditPayout(tx, row, before);
  return `applied: ${before ?? 'new'} → ${status}`;
}

async function announcePaid(ctx: BillingContext, tx: Tx, row: PayoutRow): Promise<void> {
  await ctx.publish(
    tx,
    'billing.payout.paid.v1',
    {
      payoutId: row.id,
      partnerId: row.partnerId,
      amountMinor: BigInt(row.amountMinor),
      currency: row.currency,
      stripePayoutId: row.stripePayoutId,
      ...(row.periodStart ? { periodStart: timestampFromDate(row.periodStart) } : {}),
      ...(row.periodEnd ? { periodEnd: timestampFromDate(row.periodEnd) } : {}),
      ...(row.arrivalAt ? { arrivalAt: timestampFromDate(row.arrivalAt) } : {}),
    },
    { audience: await memberUserIds(tx, row.partnerId) },
  );
}

async function auditPayout(tx: Tx, row: PayoutRow, before: PayoutStatus | undefined): Promise<void> {
  await appendConnectAudit(tx, {
    action: 'payout.updated',
    entityType: 'payout',
    entityId: row.id,
    actorRole: 'system',
    data: {
      partnerId: row.partnerId,
      stripePayoutId: row.stripePayoutId,
      from: before ?? null,
      to: row.status,
      amountMinor: row.amountMinor,
      currency: row.currency,
      ...(row.failureCode ? { failureCode: row.failureCode } : {}),
    },
  });
}

// ─── The partner's reads ─────────────────────────────────────────────────────────────────

export async function partnerPayouts(ctx: BillingContext, caller: AuthUser) {
  const { partnerId } = await callerPartner(ctx.db, caller.id);
  const rows = await listPartnerPayouts(ctx.db, partnerId);
  return rows.map((row) => ({
    id: row.id,
    amountMinor: row.amountMinor,
    currency: row.currency,
    status: row.status,
    arrivalAt: row.arrivalAt?.toISOString() ?? null,
    periodStart: row.periodStart?.toISOString() ?? null,
    periodEnd: row.periodEnd?.toISOString() ?? null,
    failureCode: row.failureCode,
  }));
}

/** The connected account's balance per currency, read from Stripe (none before onboarding). */
export async function partnerBalance(ctx: BillingContext, caller: AuthUser) {
  const { partnerId } = await callerPartner(ctx.db, caller.id);
  const account = await findAccountByPartner(ctx.db, partnerId);
  if (!account) return [];
  const balance = await ctx.stripe.balance.retrieve({}, { stripeAccount: account.stripeAccountId }).catch(() => {
    throw stripeUnavailable();
  });
  const byCurrency = new Map<string, { currency: string; availableMinor: number; pendingMinor: number }>();
  const entry = (currency: string) => {
    const key = currency.toUpperCase();
    const found = byCurrency.get(key) ?? { currency: key, availableMinor: 0, pendingMinor: 0 };
    byCurrency.set(key, found);
    return found;
  };
  for (const funds of balance.available) entry(funds.currency).availableMinor += funds.amount;
  for (const funds of balance.pending) entry(funds.currency).pendingMinor += funds.amount;
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

const TRANSFERS_PAGE = 50;

export async function partnerTransfers(ctx: BillingContext, caller: AuthUser, cursor: string | undefined) {
  const { partnerId } = await callerPartner(ctx.db, caller.id);
  const rows = await listPartnerTransfers(ctx.db, partnerId, { cursor, limit: TRANSFERS_PAGE });
  return rows.map((row) => ({
    id: row.id,
    bookingId: row.bookingId,
    packageTitle: row.packageTitle ?? '',
    amountMinor: row.amountMinor,
    amountReversedMinor: row.amountReversedMinor,
    currency: row.currency,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}
