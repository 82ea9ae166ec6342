import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { members } from './schema.ts';

/** The partner the user acts for, from billing's members projection (undefined: none). */
export async function findCallerPartnerId(db: Executor, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ partnerId: members.partnerId }).from(members).where(eq(members.userId, userId));
  return row?.partnerId;
}

export interface StatementBookingRow {
  bookingId: string;
  paidAt: Date;
  packageTitle: string;
  currency: string;
  earningMinor: number;
  feeMinor: number;
  shareMinor: number;
  reversalsMinor: number;
  transferId: string | null;
  transferStatus: string | null;
  transferMinor: number | null;
}

export interface StatementPayoutRow {
  payoutId: string;
  currency: string;
  amountMinor: number;
  status: string;
  arrivalAt: Date | null;
  createdAt: Date;
}

/** [from 00:00, to + 1 day 00:00) in Rome, as timestamptz bounds. */
const bounds = (from: string, to: string) => ({
  start: sql`((${from})::date)::timestamp AT TIME ZONE 'Europe/Rome'`,
  end: sql`((${to})::date + 1)::timestamp AT TIME ZONE 'Europe/Rome'`,
});

/**
 * The partner's bookings split (paid) in the period: its earning, fee and share, what was
 * reversed from it for refunds up to the period's end (failed reversals excluded), and its
 * transfer.
 */
export async function statementBookings(
  db: Executor,
  partnerId: string,
  from: string,
  to: string,
): Promise<StatementBookingRow[]> {
  const { start, end } = bounds(from, to);
  const result = await db.execute<Record<string, unknown>>(sql`
    WITH s AS (
      SELECT booking_id, currency, min(created_at) AS paid_at, sum(earning_minor) AS earning,
             sum(fee_minor) AS fee, sum(share_minor) AS share
        FROM billing.booking_splits
       WHERE partner_id = ${partnerId} AND created_at >= ${start} AND created_at < ${end}
       GROUP BY booking_id, currency)
    SELECT s.booking_id, s.paid_at, s.currency, s.earning, s.fee, s.share,
           coalesce(b.package_title, '') AS package_title,
           coalesce((SELECT sum(r.amount_minor) FROM billing.transfer_reversals r
                      WHERE r.booking_id = s.booking_id AND r.partner_id = ${partnerId}
                        AND r.status <> 'failed' AND r.created_at < ${end}), 0) AS reversals,
           coalesce(t.stripe_transfer_id, t.id::text) AS transfer_id, t.status AS transfer_status,
           t.amount_minor AS transfer_amount
      FROM s
      LEFT JOIN billing.bookings b ON b.id = s.booking_id
      LEFT JOIN billing.transfers t ON t.booking_id = s.booking_id AND t.partner_id = ${partnerId}
     ORDER BY s.paid_at, s.booking_id`);
  return result.rows.map((r) => ({
    bookingId: String(r.booking_id),
    paidAt: new Date(r.paid_at as string),
    packageTitle: String(r.package_title),
    currency: String(r.currency),
    earningMinor: Number(r.earning),
    feeMinor: Number(r.fee),
    shareMinor: Number(r.share),
    reversalsMinor: Number(r.reversals),
    transferId: r.transfer_id === null ? null : String(r.transfer_id),
    transferStatus: r.transfer_status === null ? null : String(r.transfer_status),
    transferMinor: r.transfer_amount === null ? null : Number(r.transfer_amount),
  }));
}

/** The partner's payouts that arrived (or, not arrived yet, were created) in the period. */
export async function statementPayouts(
  db: Executor,
  partnerId: string,
  from: string,
  to: string,
): Promise<StatementPayoutRow[]> {
  const { start, end } = bounds(from, to);
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT coalesce(stripe_payout_id, id::text) AS payout_id, currency, amount_minor, status, arrival_at, created_at
      FROM billing.payouts
     WHERE partner_id = ${partnerId}
       AND coalesce(arrival_at, created_at) >= ${start} AND coalesce(arrival_at, created_at) < ${end}
     ORDER BY coalesce(arrival_at, created_at), id`);
  return result.rows.map((r) => ({
    payoutId: String(r.payout_id),
    currency: String(r.currency),
    amountMinor: Number(r.amount_minor),
    status: String(r.status),
    arrivalAt: r.arrival_at === null ? null : new Date(r.arrival_at as string),
    createdAt: new Date(r.created_at as string),
  }));
}
