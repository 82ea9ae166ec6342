import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeEmulator, type StripeEmulator } from '@tourconnect/stripe-emulator';
import { bearer, startServiceHarness, waitFor, type ServiceHarness } from '@tourconnect/service-kit/testing';
import type { MoneyAuditPage, ReconciliationView } from '@tourconnect/contracts/http';
import { buildBillingService } from '../../src/app.ts';
import { settingsSchema, type BillingSettings } from '../../src/config.ts';
import type { BillingContext } from '../../src/domain/context.ts';
import { executeReconciliation, runReconciliation, startReconciliation } from '../../src/domain/reconcile.ts';
import { postJournal } from '../../src/db/ledger.repository.ts';
import {
  paymentCapturedLines,
  refundIssuedLines,
  stripeFeeLines,
  transferSentLines,
  type JournalLine,
} from '../../src/domain/journals.ts';
import { createStripeClient } from '../../src/stripe/client.ts';
import { cancelledEvent } from '../support/booking-events.ts';
import { startBillingHarness, type BillingHarness } from '../support/harness.ts';
import { payAndConfirm, payBooking } from '../support/money-flow.ts';

// Reconciliation against the real PostgreSQL and the in-process Stripe emulator: bookings are
// paid and transferred at the emulator, and their ledger journals and billing rows written as
// the money path writes them; then some are broken on purpose.

let emulator: StripeEmulator;
let harness: ServiceHarness<BillingSettings>;
let stripe: Stripe;
let ctx: BillingContext;
let partnerAccount: string;
let adminToken: string;

beforeAll(async () => {
  emulator = createStripeEmulator();
  const { url } = await emulator.listen(0);
  harness = await startServiceHarness<BillingSettings>({
    service: 'billing',
    label: 'billing-reconcile',
    build: buildBillingService,
    settings: (tokens) =>
      settingsSchema.parse({ ...tokens.settings, STRIPE_API_URL: url, RECONCILE_INTERVAL_MINUTES: '0' }),
  });
  stripe = createStripeClient(harness.settings);
  ctx = {
    db: harness.database.db,
    publish: (async () => undefined) as unknown as BillingContext['publish'],
    settings: harness.settings,
    stripe,
    stripeMode: 'emulator',
  };
  const account = await stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
  await fetch(`${url}/_emulator/accounts/${account.id}/onboard`, { method: 'POST' });
  partnerAccount = account.id;
  adminToken = await harness.tokens.sign({ roles: ['admin'] });
}, 60_000);

afterAll(async () => {
  await harness?.close();
  await emulator?.close();
});

const sql = (text: string, params: unknown[] = []) => harness.database.pool.query(text, params);

/** A journal as the money path posts it (B1a's postJournal: balanced, idempotent, audited). */
function post(bookingId: string, kind: string, source: string, lines: JournalLine[]) {
  return harness.database.db.transaction((tx) => postJournal(tx, { bookingId, kind, source, currency: 'EUR', lines }));
}

/**
 * A booking of 100.00 EUR paid by card, 85.00 transferred to the partner, 15.00 platform fee:
 * at the emulator (PaymentIntent, Transfer) and in billing (payment, split, transfer, journals).
 */
async function paidBooking() {
  const bookingId = randomUUID();
  const partnerId = randomUUID();
  const intent = await stripe.paymentIntents.create({
    amount: 10_000,
    currency: 'eur',
    payment_method: 'pm_card_visa',
    confirm: true,
    transfer_group: bookingId,
    expand: ['latest_charge.balance_transaction'],
  });
  const charge = intent.latest_charge as Stripe.Charge;
  const fee = (charge.balance_transaction as Stripe.BalanceTransaction).fee;
  const transfer = await stripe.transfers.create({
    amount: 8_500,
    currency: 'eur',
    destination: partnerAccount,
    source_transaction: charge.id,
    transfer_group: bookingId,
  });
  await sql(
    `INSERT INTO billing.payments (id, booking_id, user_id, payment_intent_id, amount_minor, currency, status, charge_id, stripe_fee_minor, succeeded_at)
     VALUES ($1, $2, $3, $4, 10000, 'EUR', 'succeeded', $5, $6, now())`,
    [randomUUID(), bookingId, randomUUID(), intent.id, charge.id, fee],
  );
  await sql(
    `INSERT INTO billing.booking_splits (booking_id, position, partner_id, role, item_id, item_type, currency, earning_minor, fee_bps, fee_minor, share_minor)
     VALUES ($1, 0, $2, 'seller', $3, 'tour', 'EUR', 10000, 1500, 1500, 8500)`,
    [bookingId, partnerId, randomUUID()],
  );
  await sql(
    `INSERT INTO billing.transfers (id, booking_id, partner_id, amount_minor, currency, status, source_charge_id, idempotency_key, stripe_transfer_id, sent_at)
     VALUES ($1, $2, $3, 8500, 'EUR', 'sent', $4, $5, $6, now())`,
    [randomUUID(), bookingId, partnerId, charge.id, `transfer:${bookingId}:${partnerId}`, transfer.id],
  );
  await post(
    bookingId,
    'payment_captured',
    `charge:${charge.id}`,
    paymentCapturedLines({
      chargeMinor: 10_000,
      partners: [{ partnerId, shareMinor: 8_500 }],
      platformFeeMinor: 1_500,
    }),
  );
  await post(bookingId, 'stripe_fee', `stripe_fee:${charge.id}`, stripeFeeLines(fee));
  await post(
    bookingId,
    'transfer_sent',
    `transfer:${transfer.id}`,
    transferSentLines({ partnerId, amountMinor: 8_500 }),
  );
  return { bookingId, partnerId, chargeId: charge.id };
}

async function call(method: 'GET' | 'POST', url: string, token: string | null = adminToken) {
  const response = await harness.app.inject({ method, url, headers: token ? bearer(token) : {} });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function finishedRun(runId: string): Promise<ReconciliationView> {
  return waitFor(
    async () => (await call('GET', '/api/admin/billing/reconciliation')).body as unknown as ReconciliationView,
    (view) => view.latest?.runId === runId,
  );
}

describe('reconciliation of the ledger with Stripe', () => {
  it('says honestly that no run happened yet', async () => {
    const view = await call('GET', '/api/admin/billing/reconciliation');
    expect(view.status).toBe(200);
    expect(view.body).toEqual({ runs: [], latest: null });
  });

  it('finds nothing wrong with bookings whose ledger, records and Stripe agree', async () => {
    await paidBooking();
    await paidBooking();
    const started = await call('POST', '/api/admin/billing/reconcile');
    expect(started.status).toBe(202);
    const runId = started.body.runId as string;
    const view = await finishedRun(runId);
    expect(view.runs[0]).toMatchObject({ id: runId, trigger: 'admin', status: 'succeeded', bookingsChecked: 2 });
    expect(view.runs[0]!.mismatchCount).toBe(0);
    expect(view.latest?.mismatches).toEqual([]);
  });

  it('reports a transfer missing from the ledger and a refund that never reached Stripe, with their causes', async () => {
    const lostTransfer = await paidBooking();
    const extra = await stripe.transfers.create({
      amount: 500,
      currency: 'eur',
      destination: partnerAccount,
      source_transaction: lostTransfer.chargeId,
      transfer_group: lostTransfer.bookingId,
    });
    const phantomRefund = await paidBooking();
    // Booked as issued and succeeded, but Stripe never refunded anything.
    const refundId = randomUUID();
    await sql(
      `INSERT INTO billing.refunds (id, booking_id, payment_id, amount_minor, platform_refund_minor, currency, reason, status, idempotency_key)
       SELECT $1::uuid, booking_id, id, 1000, 1000, 'EUR', 'admin', 'succeeded', $1::text FROM billing.payments WHERE booking_id = $2`,
      [refundId, phantomRefund.bookingId],
    );
    await post(
      phantomRefund.bookingId,
      'refund_issued',
      `refund:${refundId}`,
      refundIssuedLines({ refundMinor: 1_000, reversals: [], platformRefundMinor: 1_000 }),
    );
    const started = await call('POST', '/api/admin/billing/reconcile');
    const view = await finishedRun(started.body.runId as string);

    expect(view.runs[0]).toMatchObject({ status: 'succeeded', bookingsChecked: 4, mismatchCount: 2 });
    expect(view.runs[0]!.mismatchRate).toBe(0.5);
    const byBooking = new Map(view.latest!.mismatches.map((m) => [m.bookingId, m]));
    expect(byBooking.get(lostTransfer.bookingId)).toMatchObject({
      kind: 'transfer_missing_in_ledger',
      expectedMinor: 500,
      actualMinor: 0,
      currency: 'EUR',
    });
    expect(byBooking.get(lostTransfer.bookingId)!.cause).toContain(`Transfer ${extra.id}`);
    expect(byBooking.get(lostTransfer.bookingId)!.cause).toContain('exists at Stripe but not in the ledger');
    expect(byBooking.get(lostTransfer.bookingId)).toMatchObject({
      causeCode: 'transfer_unknown_to_ledger',
      causeParams: { transfer: extra.id, amountMinor: 500 },
    });
    expect(byBooking.get(phantomRefund.bookingId)).toMatchObject({
      kind: 'refunds_total',
      expectedMinor: 0,
      actualMinor: 1_000,
    });
    expect(byBooking.get(phantomRefund.bookingId)!.cause).toContain('without reaching Stripe');
    expect(byBooking.get(phantomRefund.bookingId)).toMatchObject({
      causeCode: 'refund_not_at_stripe',
      causeParams: { ledgerMinor: 1_000, stripeMinor: 0 },
    });

    const metrics = await harness.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/billing_reconciliation_mismatch_ratio\{[^}]*\} 0\.5/);
  });

  it('runs one reconciliation at a time: a second one waits for the first to finish', async () => {
    const first = await startReconciliation(ctx, { trigger: 'schedule' });
    const second = await startReconciliation(ctx, { trigger: 'schedule' });
    const byAdmin = await call('POST', '/api/admin/billing/reconcile');
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, reason: 'already_running' });
    expect(byAdmin.status).toBe(409);
    expect(byAdmin.body.code).toBe('reconciliation_running');

    if (!first.ok) throw new Error('unreachable');
    expect(second).toMatchObject({ runningRunId: first.runId });
    const result = await executeReconciliation(ctx, first, { trigger: 'schedule' });
    expect(result.status).toBe('succeeded');
    const again = await runReconciliation(ctx, { trigger: 'schedule' });
    expect(again.ok).toBe(true);
  });

  it('is not blocked by a run whose process died: that run is closed as failed', async () => {
    const dead = randomUUID();
    await sql(`INSERT INTO billing.reconciliation_runs (id, trigger, status) VALUES ($1, 'schedule', 'running')`, [
      dead,
    ]);
    const run = await runReconciliation(ctx, { trigger: 'schedule' });
    expect(run.ok).toBe(true);
    expect(run.result?.status).toBe('succeeded');
    const [row] = (await sql('SELECT status, error FROM billing.reconciliation_runs WHERE id = $1', [dead])).rows;
    expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('abandoned') });
  });

  it('keeps every run in the money audit log, whose hash chain verifies', async () => {
    const page = (await call('GET', '/api/admin/billing/audit?limit=2')).body as unknown as MoneyAuditPage;
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.action).toBe('reconciliation.completed');
    expect(page.items[0]!.seq).toBeGreaterThan(page.items[1]!.seq);
    expect(page.chain).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(page.nextCursor).toBe(page.items[1]!.seq);
    const older = (await call('GET', `/api/admin/billing/audit?limit=100&cursor=${page.nextCursor}`))
      .body as unknown as MoneyAuditPage;
    expect(older.items.every((e) => e.seq < page.nextCursor!)).toBe(true);
    expect(older.nextCursor).toBeNull();
    expect(older.chain).toBeNull();
  });

  it('lists disputes newest first, and nothing when there are none', async () => {
    const bookingId = randomUUID();
    await sql(
      `INSERT INTO billing.disputes (id, booking_id, charge_id, amount_minor, currency, status, reason) VALUES ('dp_test1', $1, 'ch_x', 10000, 'EUR', 'needs_response', 'fraudulent')`,
      [bookingId],
    );
    const list = await call('GET', '/api/admin/billing/disputes');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        id: 'dp_test1',
        bookingId,
        amountMinor: 10_000,
        currency: 'EUR',
        status: 'needs_response',
      }),
    ]);
  });

  it('is for admins only', async () => {
    const partner = await harness.tokens.sign({ roles: ['partner'] });
    for (const [method, url] of [
      ['POST', '/api/admin/billing/reconcile'],
      ['GET', '/api/admin/billing/reconciliation'],
      ['GET', '/api/admin/billing/disputes'],
      ['GET', '/api/admin/billing/audit'],
    ] as const) {
      const forbidden = await call(method, url, partner);
      expect(forbidden.status, url).toBe(403);
      expect(forbidden.body.code).toBe('forbidden');
      expect((await call(method, url, null)).status, url).toBe(401);
    }
  });

  it('checks only payments since a given instant when the admin asks so', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/admin/billing/reconcile',
      headers: bearer(adminToken),
      payload: { since: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(response.statusCode).toBe(202);
    const view = await finishedRun(response.json<{ runId: string }>().runId);
    expect(view.runs[0]).toMatchObject({ status: 'succeeded', bookingsChecked: 0 });
    const bad = await harness.app.inject({
      method: 'POST',
      url: '/api/admin/billing/reconcile',
      headers: bearer(adminToken),
      payload: { since: 'yesterday' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string }>().code).toBe('validation_failed');
  });

  it('refuses a malformed audit cursor with a validation problem, not a 5xx', async () => {
    const bad = await call('GET', '/api/admin/billing/audit?cursor=abc&limit=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });
});

describe('reconciliation of what the money path itself wrote', () => {
  let h: BillingHarness;

  beforeAll(async () => {
    h = await startBillingHarness('billing_reconcile_flow');
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  it('finds no mismatch after payments, transfers, a partial refund with reversals and a payment not yet confirmed', async () => {
    const [seller, supplier] = [await h.partner(), await h.partner()];
    const traveller = await h.user();
    const lines = () => [
      { partnerId: seller.partnerId, netMinor: 15_000 },
      { partnerId: supplier.partnerId, itemType: 'service', netMinor: 30_001, supplierShareMinor: 25_500 },
    ];
    const refunded = await payAndConfirm(h, traveller, seller, lines());
    await payAndConfirm(h, traveller, seller, lines());
    expect((await h.queues.transfers()).sent).toBe(4);
    await h.deliver(
      cancelledEvent(refunded.booking, {
        refundMinor: 9_000,
        partnerRefunds: [
          { partnerId: seller.partnerId, refundMinor: 4_000 },
          { partnerId: supplier.partnerId, refundMinor: 5_000 },
        ],
      }),
    );
    await h.queues.refunds();
    await h.queues.refunds();
    await payBooking(h, traveller, seller, lines());
    await h.webhooksSettled();
    // The money really moved on every path the reconciliation compares.
    const refundsAtStripe = await h.stripe.refunds.list({ payment_intent: refunded.paymentIntentId });
    expect(refundsAtStripe.data.map((r) => r.amount)).toEqual([9_000]);
    const transfersAtStripe = await h.stripe.transfers.list({ transfer_group: refunded.booking.bookingId });
    expect(transfersAtStripe.data.reduce((sum, t) => sum + t.amount_reversed, 0)).toBeGreaterThan(0);

    const admin = await h.user(['admin']);
    const started = await h.call('POST', '/api/admin/billing/reconcile', { token: admin.token });
    expect(started.status).toBe(202);
    const view = await waitFor(
      async () =>
        (await h.call('GET', '/api/admin/billing/reconciliation', { token: admin.token })).body as ReconciliationView,
      (v) => v.latest?.runId === started.body.runId,
    );
    expect(view.latest!.mismatches).toEqual([]);
    expect(view.runs[0]).toMatchObject({ status: 'succeeded', bookingsChecked: 3, mismatchCount: 0 });
  });
});
