// A dispute as Stripe's test card makes it, end to end: paid with pm_card_createDispute, the
// emulator opens the dispute on the charge and delivers the signed charge.dispute.created;
// billing freezes the booking's unsent transfers and lists the dispute for the admin; the
// evidence decides it (charge.dispute.closed) — won releases the transfers; lost is a
// chargeback: the held transfers are canceled, the loss and Stripe's dispute fee posted, and
// reconciliation agrees with Stripe in every state of a dispute.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import type { ReconciliationView } from '@tourconnect/contracts/http';
import { confirmedEvent } from '../support/booking-events.ts';
import { startBillingHarness, type BillingHarness, type TestPartner, type TestUser } from '../support/harness.ts';
import { payBooking } from '../support/money-flow.ts';

/** The emulator opens a test dispute this long (its clock) after the charge. */
const DISPUTE_DELAY_SECONDS = 30;
/** Stripe's dispute fee, as the emulator withdraws it with the disputed amount. */
const DISPUTE_FEE = 1_500;
const CHARGE = 30_000;

describe('disputes from the emulator’s dispute card', () => {
  let h: BillingHarness;
  let seller: TestPartner;
  let supplier: TestPartner;
  /** A supplier whose transfers wait 7 days after the service date (holding period). */
  let heldSupplier: TestPartner;
  let traveller: TestUser;
  let adminToken: string;

  beforeAll(async () => {
    h = await startBillingHarness('billing_emulated_disputes');
    [seller, supplier] = [await h.partner(), await h.partner()];
    heldSupplier = await h.partner({ holdingDays: 7 });
    traveller = await h.user();
    adminToken = (await h.user(['admin'])).token;
  });

  afterAll(async () => {
    await h?.close();
  });

  /**
   * Booked, paid with the dispute card, confirmed by bundling (transfers scheduled), then
   * disputed; with `disputeFirst` the dispute reaches billing before bundling's confirmation;
   * with `sendFirst` the transfer queue runs before the dispute (a held supplier's waits).
   */
  async function disputedBooking(
    options: { disputeFirst?: boolean; confirmLater?: boolean; sendFirst?: boolean; with?: TestPartner } = {},
  ) {
    const other = options.with ?? supplier;
    const paid = await payBooking(
      h,
      traveller,
      seller,
      [
        { partnerId: seller.partnerId, netMinor: 18_000 },
        { partnerId: other.partnerId, itemType: 'service', netMinor: 12_000, supplierShareMinor: 10_000 },
      ],
      'pm_card_createDispute',
    );
    const { booking, paymentIntentId, chargeId } = paid;
    const confirmed = async () => h.deliver(confirmedEvent(booking, paymentIntentId));
    if (!options.disputeFirst) {
      await confirmed();
      expect(await transferStatuses(booking.bookingId)).toEqual(['scheduled', 'scheduled']);
      if (options.sendFirst) expect((await h.queues.transfers()).sent).toBe(1);
    }
    h.emulator.state.advanceClock(DISPUTE_DELAY_SECONDS);
    await h.webhooksSettled();
    if (options.disputeFirst && !options.confirmLater) await confirmed();
    const [dispute] = (await h.stripe.disputes.list({ charge: chargeId })).data;
    expect(dispute).toBeDefined();
    return { booking, dispute: dispute!, paymentIntentId, confirmed };
  }

  const lose = async (disputeId: string) => {
    await h.stripe.disputes.update(disputeId, { evidence: { uncategorized_text: 'losing_evidence' } });
    await h.webhooksSettled();
  };

  const transfersOf = async (bookingId: string) =>
    h.rows<{ id: string; partner_id: string; amount_minor: number; status: string }>(
      'SELECT id, partner_id, amount_minor::int, status FROM billing.transfers WHERE booking_id = $1 ORDER BY partner_id',
      [bookingId],
    );

  /** The booking's journals with their lines, and each journal's Σ debit and Σ credit. */
  const journalsOf = async (bookingId: string) => {
    const lines = await h.rows<{
      kind: string;
      source: string;
      account: string;
      partner_id: string | null;
      debit_minor: number;
      credit_minor: number;
    }>(
      `SELECT j.kind, j.source, e.account, e.partner_id, e.debit_minor::int, e.credit_minor::int
         FROM billing.ledger_journals j JOIN billing.ledger_entries e ON e.journal_id = j.id
        WHERE j.booking_id = $1 ORDER BY j.created_at, e.id`,
      [bookingId],
    );
    const of = (kind: string) =>
      lines
        .filter((l) => l.kind === kind)
        .map((l) => ({
          account: l.account,
          ...(l.partner_id ? { partnerId: l.partner_id } : {}),
          ...(l.debit_minor ? { debitMinor: l.debit_minor } : { creditMinor: l.credit_minor }),
        }));
    const unbalanced = [...new Set(lines.map((l) => l.source))].filter((source) => {
      const mine = lines.filter((l) => l.source === source);
      return mine.reduce((sum, l) => sum + l.debit_minor - l.credit_minor, 0) !== 0;
    });
    return { of, unbalanced, sources: [...new Set(lines.map((l) => l.source))] };
  };

  /** Balance (Σ debit − Σ credit) of the booking's account, of one partner's payable with `partnerId`. */
  const balanceOf = async (bookingId: string, account: string, partnerId?: string) => {
    const [row] = await h.rows<{ balance: number }>(
      `SELECT coalesce(sum(debit_minor - credit_minor), 0)::int AS balance FROM billing.ledger_entries
        WHERE booking_id = $1 AND account = $2 AND partner_id IS NOT DISTINCT FROM $3`,
      [bookingId, account, partnerId ?? null],
    );
    return row!.balance;
  };

  const platformFeeOf = async (bookingId: string) => {
    const [row] = await h.rows<{ fee: number }>(
      'SELECT sum(fee_minor)::int AS fee FROM billing.booking_splits WHERE booking_id = $1',
      [bookingId],
    );
    return row!.fee;
  };

  const reconcile = async () => {
    const started = await h.call('POST', '/api/admin/billing/reconcile', { token: adminToken });
    expect(started.status).toBe(202);
    return waitFor(
      async () =>
        (await h.call('GET', '/api/admin/billing/reconciliation', { token: adminToken })).body as ReconciliationView,
      (v) => v.latest?.runId === started.body.runId && v.runs[0]?.status !== 'running',
    );
  };

  /** Bookings in each state of a dispute, for the reconciliation at the end. */
  const states: Record<'open' | 'won' | 'lost' | 'lostAfterSent', string> = {
    open: '',
    won: '',
    lost: '',
    lostAfterSent: '',
  };

  const transferStatuses = async (bookingId: string) =>
    (
      await h.rows<{ status: string }>(
        'SELECT status FROM billing.transfers WHERE booking_id = $1 ORDER BY partner_id',
        [bookingId],
      )
    ).map((t) => t.status);

  const adminDispute = async (id: string) => {
    const list = await h.call('GET', '/api/admin/billing/disputes', { token: adminToken });
    expect(list.status).toBe(200);
    return (list.body as Array<Record<string, unknown>>).find((d) => d.id === id);
  };

  it('freezes the booking’s transfers when the dispute arrives, and releases them when it is won', async () => {
    const { booking, dispute } = await disputedBooking();
    expect(await transferStatuses(booking.bookingId)).toEqual(['frozen', 'frozen']);
    expect((await h.queues.transfers()).sent).toBe(0);
    expect(await adminDispute(dispute.id)).toMatchObject({
      bookingId: booking.bookingId,
      amountMinor: 30_000,
      currency: 'EUR',
      status: 'needs_response',
      reason: 'fraudulent',
    });

    await h.stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'winning_evidence' } });
    await h.webhooksSettled();
    expect(await adminDispute(dispute.id)).toMatchObject({ status: 'won', outcome: null });
    expect(await transferStatuses(booking.bookingId)).toEqual(['scheduled', 'scheduled']);
    expect((await h.queues.transfers()).sent).toBe(2);
    const sent = await h.stripe.transfers.list({ transfer_group: booking.bookingId });
    expect(sent.data).toHaveLength(2);
    const ledger = await journalsOf(booking.bookingId);
    expect(ledger.sources.filter((s) => s.startsWith('dispute_'))).toEqual([]);
    states.won = booking.bookingId;
  });

  it('cancels the held transfers when the dispute is lost, and books the chargeback and Stripe’s fee', async () => {
    const { booking, dispute } = await disputedBooking();
    const held = await transfersOf(booking.bookingId);
    await lose(dispute.id);
    expect(await adminDispute(dispute.id)).toMatchObject({ bookingId: booking.bookingId, status: 'lost' });
    expect(await transferStatuses(booking.bookingId)).toEqual(['canceled', 'canceled']);
    expect((await h.queues.transfers()).sent).toBe(0);
    expect((await h.stripe.transfers.list({ transfer_group: booking.bookingId })).data).toEqual([]);

    // The partners carry their held shares, the platform its fee; Stripe's dispute fee is an expense.
    const fee = await platformFeeOf(booking.bookingId);
    expect(held.reduce((sum, t) => sum + t.amount_minor, 0) + fee).toBe(CHARGE);
    const ledger = await journalsOf(booking.bookingId);
    expect(ledger.unbalanced).toEqual([]);
    expect(ledger.of('dispute_lost')).toEqual(
      expect.arrayContaining([
        { account: 'platform_cash', creditMinor: CHARGE },
        ...held.map((t) => ({ account: 'partner_payable', partnerId: t.partner_id, debitMinor: t.amount_minor })),
        { account: 'dispute_losses', debitMinor: fee },
      ]),
    );
    expect(ledger.of('dispute_lost')).toHaveLength(4);
    expect(ledger.of('dispute_fee')).toEqual([
      { account: 'stripe_fees', debitMinor: DISPUTE_FEE },
      { account: 'platform_cash', creditMinor: DISPUTE_FEE },
    ]);
    for (const t of held) expect(await balanceOf(booking.bookingId, 'partner_payable', t.partner_id)).toBe(0);
    expect(await balanceOf(booking.bookingId, 'dispute_losses')).toBe(fee);
    expect(await adminDispute(dispute.id)).toMatchObject({
      outcome: { canceledTransfers: 2, canceledMinor: CHARGE - fee, lossMinor: fee, feeMinor: DISPUTE_FEE },
    });

    const audited = await h.rows<{ entity_id: string }>(
      "SELECT entity_id FROM billing.audit_log WHERE action = 'transfer.canceled' AND data->>'bookingId' = $1 ORDER BY entity_id",
      [booking.bookingId],
    );
    expect(audited.map((a) => a.entity_id)).toEqual(held.map((t) => t.id).sort());

    // The same closed event delivered again changes nothing.
    const [closed] = (await h.stripe.events.list({ type: 'charge.dispute.closed', limit: 100 })).data.filter(
      (e) => (e.data.object as { id: string }).id === dispute.id,
    );
    const payload = JSON.stringify(closed);
    const again = await h.postWebhook(payload, {
      'content-type': 'application/json',
      'stripe-signature': h.sign(payload),
    });
    expect(again.status).toBe(200);
    expect((await journalsOf(booking.bookingId)).sources).toEqual(ledger.sources);
    expect(await balanceOf(booking.bookingId, 'dispute_losses')).toBe(fee);
    states.lost = booking.bookingId;
  });

  it('carries the share already transferred as the platform’s loss when the dispute is lost', async () => {
    const { booking, dispute } = await disputedBooking({ sendFirst: true, with: heldSupplier });
    const before = await transfersOf(booking.bookingId);
    const sent = before.find((t) => t.status === 'sent')!;
    const frozen = before.find((t) => t.status === 'frozen')!;
    expect([sent.partner_id, frozen.partner_id]).toEqual(
      expect.arrayContaining([seller.partnerId, heldSupplier.partnerId]),
    );
    expect(frozen.partner_id).toBe(heldSupplier.partnerId);
    await lose(dispute.id);

    expect((await transfersOf(booking.bookingId)).map((t) => [t.partner_id, t.status])).toEqual(
      expect.arrayContaining([
        [seller.partnerId, 'sent'],
        [heldSupplier.partnerId, 'canceled'],
      ]),
    );
    const ledger = await journalsOf(booking.bookingId);
    expect(ledger.unbalanced).toEqual([]);
    const loss = CHARGE - frozen.amount_minor;
    expect(loss).toBe(sent.amount_minor + (await platformFeeOf(booking.bookingId)));
    expect(ledger.of('dispute_lost')).toEqual(
      expect.arrayContaining([
        { account: 'platform_cash', creditMinor: CHARGE },
        { account: 'partner_payable', partnerId: heldSupplier.partnerId, debitMinor: frozen.amount_minor },
        { account: 'dispute_losses', debitMinor: loss },
      ]),
    );
    expect(await balanceOf(booking.bookingId, 'partner_payable', seller.partnerId)).toBe(0);
    expect(await balanceOf(booking.bookingId, 'partner_payable', heldSupplier.partnerId)).toBe(0);
    expect(await balanceOf(booking.bookingId, 'dispute_losses')).toBe(loss);
    expect(await adminDispute(dispute.id)).toMatchObject({
      outcome: { canceledTransfers: 1, canceledMinor: frozen.amount_minor, lossMinor: loss, feeMinor: DISPUTE_FEE },
    });
    // What the platform's Stripe balance lost: the charge, the transfer sent, Stripe's fees.
    const stripeFees = await balanceOf(booking.bookingId, 'stripe_fees');
    expect(await balanceOf(booking.bookingId, 'platform_cash')).toBe(0 - sent.amount_minor - stripeFees);
    states.lostAfterSent = booking.bookingId;
  });

  it('creates the transfers frozen when the dispute reached billing before the booking’s confirmation', async () => {
    const { booking, dispute } = await disputedBooking({ disputeFirst: true });
    expect(await transferStatuses(booking.bookingId)).toEqual(['frozen', 'frozen']);
    expect((await h.queues.transfers()).sent).toBe(0);
    expect((await h.stripe.transfers.list({ transfer_group: booking.bookingId })).data).toEqual([]);

    await h.stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'winning_evidence' } });
    await h.webhooksSettled();
    expect(await transferStatuses(booking.bookingId)).toEqual(['scheduled', 'scheduled']);
    expect((await h.queues.transfers()).sent).toBe(2);
  });

  it('creates the transfers canceled when the dispute was lost before the booking’s confirmation; the payables are 0', async () => {
    const { booking, dispute, confirmed } = await disputedBooking({ disputeFirst: true, confirmLater: true });
    await lose(dispute.id);
    await confirmed();
    expect(await transferStatuses(booking.bookingId)).toEqual(['canceled', 'canceled']);
    expect((await h.queues.transfers()).sent).toBe(0);
    expect((await h.stripe.transfers.list({ transfer_group: booking.bookingId })).data).toEqual([]);
    const ledger = await journalsOf(booking.bookingId);
    expect(ledger.unbalanced).toEqual([]);
    // The chargeback took the partners' unpaid shares back from their payables; the platform's fee is its loss.
    for (const t of await transfersOf(booking.bookingId)) {
      expect(await balanceOf(booking.bookingId, 'partner_payable', t.partner_id)).toBe(0);
    }
    expect(await balanceOf(booking.bookingId, 'dispute_losses')).toBe(await platformFeeOf(booking.bookingId));
  });

  it('reconciles open, won and lost disputes with 0 mismatches, and names a planted dispute and a wrong chargeback', async () => {
    const { booking: open, dispute: openDispute } = await disputedBooking();
    states.open = open.bookingId;
    const clean = await reconcile();
    expect(clean.latest!.mismatches).toEqual([]);
    // Every booking of this file: won ×2, lost ×3 (one before its confirmation), open.
    expect(clean.runs[0]).toMatchObject({ status: 'succeeded', bookingsChecked: 6, mismatchCount: 0 });

    // A lost dispute billing records that Stripe never opened, and a chargeback posted for the open one.
    const [charge] = await h.rows<{ charge_id: string }>(
      "SELECT charge_id FROM billing.payments WHERE booking_id = $1 AND status = 'succeeded'",
      [states.won],
    );
    await h.rows(
      `INSERT INTO billing.disputes (id, booking_id, charge_id, amount_minor, currency, status, reason)
       VALUES ('dp_planted', $1, $2, $3, 'EUR', 'lost', 'fraudulent')`,
      [states.won, charge!.charge_id, CHARGE],
    );
    await h.rows(
      `WITH j AS (
         INSERT INTO billing.ledger_journals (id, booking_id, kind, source, currency)
         VALUES ($1, $2, 'dispute_lost', $3, 'EUR') RETURNING id, booking_id)
       INSERT INTO billing.ledger_entries (journal_id, account, booking_id, debit_minor, credit_minor, currency)
       SELECT j.id, v.account, j.booking_id, v.debit, v.credit, 'EUR'
         FROM j, (VALUES ('platform_cash', 0, ${CHARGE}), ('dispute_losses', ${CHARGE}, 0)) AS v(account, debit, credit)`,
      [randomUUID(), states.open, `dispute_lost:${openDispute.id}`],
    );
    const planted = await reconcile();
    expect(planted.runs[0]).toMatchObject({ status: 'succeeded', bookingsChecked: 6, mismatchCount: 2 });
    const found = planted.latest!.mismatches.map((m) => ({
      bookingId: m.bookingId,
      kind: m.kind,
      causeCode: m.causeCode,
      causeParams: m.causeParams,
    }));
    expect(found).toEqual(
      expect.arrayContaining([
        {
          bookingId: states.won,
          kind: 'dispute',
          causeCode: 'dispute_unknown_to_stripe',
          causeParams: { dispute: 'dp_planted', status: 'lost', ledgerMinor: 0 },
        },
        {
          bookingId: states.open,
          kind: 'dispute',
          causeCode: 'dispute_posted_not_lost',
          causeParams: { dispute: openDispute.id, status: 'needs_response', ledgerMinor: CHARGE },
        },
      ]),
    );
  });
});
