import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { appendAudit } from '@tourconnect/audit';
import type { Executor, Tx } from '@tourconnect/db';
import { assertBalanced, type JournalLine, type LedgerAccount } from '../domain/journals.ts';
import { auditLog, ledgerEntries, ledgerJournals } from './schema.ts';

export interface JournalInput {
  bookingId: string | null;
  /** What moved: 'payment_captured', 'transfer_sent', 'refund_issued', … (JournalKind). */
  kind: string;
  /** One journal per source ('charge:ch_…', 'transfer:tr_…'): posting it twice does nothing. */
  source: string;
  currency: string;
  memo?: string | undefined;
  lines: readonly JournalLine[];
}

/**
 * Posts a balanced journal in the caller's transaction and records it in the audit log.
 * Idempotent by `source`: when a journal with that source exists, nothing is written and
 * `created` is false (a replayed webhook or event posts nothing twice). Lines that do not
 * balance are refused here (JournalError) and, should anything slip through, by the deferred
 * trigger at commit.
 */
export async function postJournal(tx: Tx, input: JournalInput): Promise<{ journalId: string; created: boolean }> {
  assertBalanced(input.lines);
  const [inserted] = await tx
    .insert(ledgerJournals)
    .values({
      id: randomUUID(),
      bookingId: input.bookingId,
      kind: input.kind,
      source: input.source,
      currency: input.currency,
      memo: input.memo ?? null,
    })
    .onConflictDoNothing({ target: ledgerJournals.source })
    .returning({ id: ledgerJournals.id });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: ledgerJournals.id })
      .from(ledgerJournals)
      .where(eq(ledgerJournals.source, input.source));
    return { journalId: existing!.id, created: false };
  }
  if (input.lines.length > 0) {
    await tx.insert(ledgerEntries).values(
      input.lines.map((line) => ({
        journalId: inserted.id,
        account: line.account,
        partnerId: line.partnerId ?? null,
        bookingId: input.bookingId,
        debitMinor: line.debitMinor ?? 0,
        creditMinor: line.creditMinor ?? 0,
        currency: input.currency,
      })),
    );
  }
  await appendAudit(tx, auditLog, {
    action: 'ledger.journal.posted',
    entityType: 'ledger_journal',
    entityId: inserted.id,
    actorRole: 'system',
    data: {
      bookingId: input.bookingId,
      kind: input.kind,
      source: input.source,
      currency: input.currency,
      lines: input.lines.map((l) => ({
        account: l.account,
        partnerId: l.partnerId ?? null,
        debitMinor: l.debitMinor ?? 0,
        creditMinor: l.creditMinor ?? 0,
      })),
    },
  });
  return { journalId: inserted.id, created: true };
}

export interface AccountBalance {
  account: LedgerAccount;
  partnerId: string | null;
  currency: string;
  debitMinor: number;
  creditMinor: number;
  /** debitMinor − creditMinor (a credit-side account such as partner_payable is negative when owed). */
  balanceMinor: number;
}

/** Balances per account (and partner, currency), of one booking, one partner, or everything. */
export async function accountBalances(
  db: Executor,
  filter: { bookingId?: string | undefined; partnerId?: string | undefined } = {},
): Promise<AccountBalance[]> {
  const conditions: SQL[] = [];
  if (filter.bookingId) conditions.push(eq(ledgerEntries.bookingId, filter.bookingId));
  if (filter.partnerId) conditions.push(eq(ledgerEntries.partnerId, filter.partnerId));
  const rows = await db
    .select({
      account: ledgerEntries.account,
      partnerId: ledgerEntries.partnerId,
      currency: ledgerEntries.currency,
      debitMinor: sql<string>`sum(${ledgerEntries.debitMinor})`,
      creditMinor: sql<string>`sum(${ledgerEntries.creditMinor})`,
    })
    .from(ledgerEntries)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .groupBy(ledgerEntries.account, ledgerEntries.partnerId, ledgerEntries.currency)
    .orderBy(asc(ledgerEntries.account), asc(ledgerEntries.partnerId), asc(ledgerEntries.currency));
  return rows.map((r) => {
    const debitMinor = Number(r.debitMinor);
    const creditMinor = Number(r.creditMinor);
    return { ...r, debitMinor, creditMinor, balanceMinor: debitMinor - creditMinor };
  });
}

export interface BookingLedgerSummary {
  bookingId: string;
  journals: { id: string; kind: string; source: string; currency: string; createdAt: Date }[];
  balances: AccountBalance[];
  /** Natural-side figures reconciliation compares with Stripe (0 when no posting). */
  cashMinor: number;
  platformRevenueMinor: number;
  refundsMinor: number;
  stripeFeesMinor: number;
  /** What the platform still owes each partner (negative: a reversal not yet received). */
  partnerPayable: { partnerId: string; owedMinor: number }[];
}

export async function bookingLedgerSummary(db: Executor, bookingId: string): Promise<BookingLedgerSummary> {
  const journals = await db
    .select({
      id: ledgerJournals.id,
      kind: ledgerJournals.kind,
      source: ledgerJournals.source,
      currency: ledgerJournals.currency,
      createdAt: ledgerJournals.createdAt,
    })
    .from(ledgerJournals)
    .where(eq(ledgerJournals.bookingId, bookingId))
    .orderBy(asc(ledgerJournals.createdAt), asc(ledgerJournals.source));
  const balances = await accountBalances(db, { bookingId });
  // 0 − x, not −x: a settled account reads 0, never -0.
  const negate = (value: number) => 0 - value;
  const debitSide = (account: LedgerAccount) =>
    balances.filter((b) => b.account === account).reduce((sum, b) => sum + b.balanceMinor, 0);
  return {
    bookingId,
    journals,
    balances,
    cashMinor: debitSide('platform_cash'),
    platformRevenueMinor: negate(debitSide('platform_revenue')),
    refundsMinor: debitSide('refunds'),
    stripeFeesMinor: debitSide('stripe_fees'),
    partnerPayable: balances
      .filter((b) => b.account === 'partner_payable')
      .map((b) => ({ partnerId: b.partnerId!, owedMinor: negate(b.balanceMinor) })),
  };
}

export interface DisputeOutcome {
  /** Transfers canceled by the chargeback (one partner_payable line each) and their total. */
  canceledTransfers: number;
  canceledMinor: number;
  /** What the platform carried on dispute_losses (shares already transferred, its fee). */
  lossMinor: number;
  /** Stripe's dispute fee, from the dispute_fee journal. */
  feeMinor: number;
}

/** The chargeback journals of these disputes, summed per dispute (only lost ones have any). */
export async function disputeOutcomes(
  db: Executor,
  disputeIds: readonly string[],
): Promise<Map<string, DisputeOutcome>> {
  const outcomes = new Map<string, DisputeOutcome>();
  if (disputeIds.length === 0) return outcomes;
  const sources = disputeIds.flatMap((id) => [`dispute_lost:${id}`, `dispute_fee:${id}`]);
  const rows = await db
    .select({
      source: ledgerJournals.source,
      account: ledgerEntries.account,
      lines: sql<string>`count(*)`,
      debitMinor: sql<string>`sum(${ledgerEntries.debitMinor})`,
      creditMinor: sql<string>`sum(${ledgerEntries.creditMinor})`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerJournals, eq(ledgerJournals.id, ledgerEntries.journalId))
    .where(inArray(ledgerJournals.source, sources))
    .groupBy(ledgerJournals.source, ledgerEntries.account);
  for (const row of rows) {
    const [kind, id] = [row.source.slice(0, row.source.indexOf(':')), row.source.slice(row.source.indexOf(':') + 1)];
    const outcome = outcomes.get(id) ?? { canceledTransfers: 0, canceledMinor: 0, lossMinor: 0, feeMinor: 0 };
    const net = Number(row.debitMinor) - Number(row.creditMinor);
    if (kind === 'dispute_lost' && row.account === 'partner_payable') {
      outcome.canceledTransfers += Number(row.lines);
      outcome.canceledMinor += net;
    }
    if (kind === 'dispute_lost' && row.account === 'dispute_losses') outcome.lossMinor += net;
    if (kind === 'dispute_fee' && row.account === 'stripe_fees') outcome.feeMinor += net;
    outcomes.set(id, outcome);
  }
  return outcomes;
}
