import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountBalances, bookingLedgerSummary, postJournal } from '../../src/db/ledger.repository.ts';
import { auditLog, ledgerEntries, ledgerJournals } from '../../src/db/schema.ts';
import {
  paymentCapturedLines,
  refundIssuedLines,
  reversalReceivedLines,
  transferSentLines,
} from '../../src/domain/journals.ts';
import { startBillingHarness, type BillingHarness } from '../support/harness.ts';

let h: BillingHarness;
beforeAll(async () => {
  h = await startBillingHarness();
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.database.db;
/** PostgreSQL's own message, under drizzle's 'Failed query' wrapper when there is one. */
const pgMessage = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
  );
const captured = (bookingId: string, partnerId: string) => ({
  bookingId,
  kind: 'payment_captured',
  source: `charge:ch_${randomUUID()}`,
  currency: 'EUR',
  lines: paymentCapturedLines({
    chargeMinor: 10_000,
    partners: [{ partnerId, shareMinor: 8500 }],
    platformFeeMinor: 1500,
  }),
});

describe('postJournal', () => {
  it('commits a balanced journal with its entries (booking on each) and an audit entry with its lines', async () => {
    const bookingId = randomUUID();
    const partnerId = randomUUID();
    const input = captured(bookingId, partnerId);
    const posted = await db().transaction((tx) => postJournal(tx, input));

    expect(posted.created).toBe(true);
    const entries = await db()
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.journalId, posted.journalId))
      .orderBy(asc(ledgerEntries.id));
    expect(entries.map((e) => [e.account, e.partnerId, e.bookingId, e.debitMinor, e.creditMinor, e.currency])).toEqual([
      ['platform_cash', null, bookingId, 10_000, 0, 'EUR'],
      ['partner_payable', partnerId, bookingId, 0, 8500, 'EUR'],
      ['platform_revenue', null, bookingId, 0, 1500, 'EUR'],
    ]);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.entityId, posted.journalId));
    expect(audit).toMatchObject({ action: 'ledger.journal.posted', entityType: 'ledger_journal' });
    expect(audit!.data).toMatchObject({ bookingId, source: input.source, kind: 'payment_captured' });
    expect((audit!.data as { lines: unknown[] }).lines).toHaveLength(3);
  });

  it('posts a source once: the second post answers the same journal, created false, and writes nothing', async () => {
    const input = captured(randomUUID(), randomUUID());
    const first = await db().transaction((tx) => postJournal(tx, input));
    const second = await db().transaction((tx) => postJournal(tx, input));

    expect(second).toEqual({ journalId: first.journalId, created: false });
    const journals = await db().select().from(ledgerJournals).where(eq(ledgerJournals.source, input.source));
    expect(journals).toHaveLength(1);
    const entries = await db().select().from(ledgerEntries).where(eq(ledgerEntries.journalId, first.journalId));
    expect(entries).toHaveLength(3);
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, first.journalId));
    expect(audits).toHaveLength(1);
  });

  it('two transactions posting one source at the same time make one journal, and both answer it', async () => {
    const input = captured(randomUUID(), randomUUID());
    const results = await Promise.all([
      db().transaction((tx) => postJournal(tx, input)),
      db().transaction((tx) => postJournal(tx, input)),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.journalId).toBe(results[1]!.journalId);
    const entries = await db().select().from(ledgerEntries).where(eq(ledgerEntries.journalId, results[0]!.journalId));
    expect(entries).toHaveLength(3);
  });

  it('refuses unbalanced lines before writing anything', async () => {
    const source = `charge:ch_${randomUUID()}`;
    const post = db().transaction((tx) =>
      postJournal(tx, {
        bookingId: null,
        kind: 'payment_captured',
        source,
        currency: 'EUR',
        lines: [
          { account: 'platform_cash', debitMinor: 100 },
          { account: 'platform_revenue', creditMinor: 99 },
        ],
      }),
    );
    await expect(post).rejects.toMatchObject({ code: 'unbalanced' });
    expect(await db().select().from(ledgerJournals).where(eq(ledgerJournals.source, source))).toHaveLength(0);
  });
});

describe('the ledger tables guard themselves', () => {
  it('refuses an unbalanced journal at commit (deferred trigger) and nothing of it survives', async () => {
    const journalId = randomUUID();
    const commit = db().transaction(async (tx) => {
      await tx
        .insert(ledgerJournals)
        .values({ id: journalId, kind: 'test', source: `raw:${journalId}`, currency: 'EUR' });
      await tx.insert(ledgerEntries).values([
        { journalId, account: 'platform_cash', debitMinor: 100, currency: 'EUR' },
        { journalId, account: 'platform_revenue', creditMinor: 90, currency: 'EUR' },
      ]);
      // Inside the transaction the postings are there: only the commit checks the balance.
      const [{ n }] = (
        await tx.execute(sql`SELECT count(*)::int AS n FROM billing.ledger_entries WHERE journal_id = ${journalId}`)
      ).rows as [{ n: number }];
      expect(n).toBe(2);
    });
    expect(await pgMessage(commit)).toMatch(/does not balance in EUR: debits 100, credits 90/);
    expect(await db().select().from(ledgerJournals).where(eq(ledgerJournals.id, journalId))).toHaveLength(0);
    expect(await db().select().from(ledgerEntries).where(eq(ledgerEntries.journalId, journalId))).toHaveLength(0);
  });

  it('refuses UPDATE and DELETE of entries and journals', async () => {
    const { journalId } = await db().transaction((tx) => postJournal(tx, captured(randomUUID(), randomUUID())));
    const update = db().update(ledgerEntries).set({ debitMinor: 1 }).where(eq(ledgerEntries.journalId, journalId));
    expect(await pgMessage(update)).toMatch(/append-only \(UPDATE refused\)/);
    const remove = db().delete(ledgerEntries).where(eq(ledgerEntries.journalId, journalId));
    expect(await pgMessage(remove)).toMatch(/append-only \(DELETE refused\)/);
    const removeJournal = db().delete(ledgerJournals).where(eq(ledgerJournals.id, journalId));
    expect(await pgMessage(removeJournal)).toMatch(/append-only \(DELETE refused\)/);
    expect(await db().select().from(ledgerEntries).where(eq(ledgerEntries.journalId, journalId))).toHaveLength(3);
  });
});

describe('balances', () => {
  it("sums a booking's life per account: partner payable and refunds back to 0, cash what the platform kept", async () => {
    const bookingId = randomUUID();
    const partnerId = randomUUID();
    await db().transaction(async (tx) => {
      await postJournal(tx, captured(bookingId, partnerId));
      await postJournal(tx, {
        bookingId,
        kind: 'transfer_sent',
        source: `transfer:tr_${bookingId}`,
        currency: 'EUR',
        lines: transferSentLines({ partnerId, amountMinor: 8500 }),
      });
      await postJournal(tx, {
        bookingId,
        kind: 'refund_issued',
        source: `refund:re_${bookingId}`,
        currency: 'EUR',
        lines: refundIssuedLines({
          refundMinor: 4000,
          reversals: [{ partnerId, amountMinor: 3400 }],
          platformRefundMinor: 600,
        }),
      });
    });
    const midway = await bookingLedgerSummary(db(), bookingId);
    expect(midway.partnerPayable).toEqual([{ partnerId, owedMinor: -3400 }]);

    await db().transaction((tx) =>
      postJournal(tx, {
        bookingId,
        kind: 'reversal_received',
        source: `reversal:trr_${bookingId}`,
        currency: 'EUR',
        lines: reversalReceivedLines({ partnerId, amountMinor: 3400 }),
      }),
    );
    const summary = await bookingLedgerSummary(db(), bookingId);
    expect(summary.journals.map((j) => j.kind).sort()).toEqual([
      'payment_captured',
      'refund_issued',
      'reversal_received',
      'transfer_sent',
    ]);
    expect(summary).toMatchObject({
      cashMinor: 10_000 - 8500 - 4000 + 3400,
      platformRevenueMinor: 1500 - 600,
      refundsMinor: 0,
      partnerPayable: [{ partnerId, owedMinor: 0 }],
    });

    const forPartner = await accountBalances(db(), { partnerId });
    expect(forPartner).toEqual([
      {
        account: 'partner_payable',
        partnerId,
        currency: 'EUR',
        debitMinor: 8500 + 3400,
        creditMinor: 8500 + 3400,
        balanceMinor: 0,
      },
    ]);
  });
});
