import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { JournalFacts, PaymentRow } from '../../src/db/reconciliation.repository.ts';
import { checkBooking, journalClass, ledgerTotals, type BookingFacts } from '../../src/domain/reconcile-checks.ts';
import { createStripeReader, StripeReadError } from '../../src/domain/reconcile-stripe.ts';

// The reconciliation's comparisons on hand-made facts: a booking of 100.00 EUR, 85.00 to one
// partner, 15.00 platform fee, as the money path books it (domain/journals.ts).

const bookingId = '00000000-0000-4000-8000-000000000001';
let journalCounter = 0;

function journal(
  kind: string,
  source: string,
  cash: { debit?: number; credit?: number },
  total?: number,
): JournalFacts {
  const amount = total ?? cash.debit ?? cash.credit ?? 0;
  journalCounter += 1;
  return {
    id: `j${journalCounter}`,
    bookingId,
    kind,
    source,
    currency: 'EUR',
    cashDebit: cash.debit ?? 0,
    cashCredit: cash.credit ?? 0,
    debit: amount,
    credit: amount,
  };
}

const payment: PaymentRow = {
  id: 'pay1',
  bookingId,
  paymentIntentId: 'pi_1',
  amountMinor: 10_000,
  currency: 'EUR',
  status: 'succeeded',
  chargeId: 'ch_1',
  stripeFeeMinor: 320,
  createdAt: new Date(),
};

function clean(): BookingFacts {
  return {
    payment,
    journals: [
      journal('payment_captured', 'charge:ch_1', { debit: 10_000 }),
      journal('stripe_fee', 'stripe_fee:ch_1', { credit: 320 }),
      journal('transfer_sent', 'transfer:tr_1', { credit: 8_500 }),
    ],
    records: {
      split: { feeMinor: 1_500, shareMinor: 8_500 },
      transfers: [{ id: 't1', amountMinor: 8_500, status: 'sent', stripeTransferId: 'tr_1' }],
      nettedMinor: 0,
      refunds: [],
      disputes: [],
    },
    stripe: {
      paymentIntentId: 'pi_1',
      status: 'succeeded',
      amountReceived: 10_000,
      currency: 'EUR',
      chargeId: 'ch_1',
      amountRefunded: 0,
      stripeFee: 320,
      transfers: [{ id: 'tr_1', amount: 8_500, amountReversed: 0, currency: 'EUR' }],
      disputes: [],
    },
  };
}

describe('reconciliation checks', () => {
  it('finds nothing in a booking whose ledger, records and Stripe agree', () => {
    expect(checkBooking(clean())).toEqual([]);
  });

  it('reads the money path’s journal kinds, and an undo journal cancels what it undoes', () => {
    expect(journalClass({ kind: 'refund_failed', source: 'refund_failed:r1' })).toBe('refund');
    expect(journalClass({ kind: 'reversal_received', source: 'reversal:trr_1' })).toBe('reversal');
    expect(journalClass({ kind: 'stripe_fee', source: 'stripe_fee:ch_1' })).toBe('other');
    const totals = ledgerTotals([
      journal('refund_issued', 'refund:r1', { credit: 2_000 }),
      journal('refund_failed', 'refund_failed:r1', { debit: 2_000 }),
    ]);
    expect(totals.refunds).toBe(0);
  });

  it('says a lost payment webhook when Stripe was paid and billing was not', () => {
    const facts = clean();
    facts.payment = { ...payment, status: 'processing' };
    const [found] = checkBooking(facts);
    expect(found).toMatchObject({ kind: 'payment_status', details: { causeCode: 'stripe_paid_billing_not' } });
    expect(found!.cause).toContain('webhook was lost');
  });

  it('lets a refund still queued be ahead of Stripe, but not a refund that went nowhere', () => {
    const facts = clean();
    facts.journals.push(journal('refund_issued', 'refund:r1', { credit: 3_000 }));
    facts.records.refunds = [
      { id: 'r1', amountMinor: 3_000, platformRefundMinor: 450, reversedMinor: 2_550, status: 'pending' },
    ];
    expect(checkBooking(facts)).toEqual([]);
    facts.records.refunds[0]!.status = 'succeeded';
    expect(checkBooking(facts).map((m) => m.details?.causeCode)).toEqual(['refund_not_at_stripe']);
  });

  it('reports a transfer amount that differs from the partner’s share before any refund', () => {
    const facts = clean();
    facts.records.transfers[0]!.amountMinor = 8_400;
    expect(checkBooking(facts)).toEqual([
      expect.objectContaining({ kind: 'split_invariant', expectedMinor: 10_000, actualMinor: 9_900 }),
    ]);
  });
});

describe('reconciliation of disputes', () => {
  const dispute = (status: string, withdrawnMinor: number, feeMinor: number) => ({
    id: 'dp_1',
    status,
    amount: 10_000,
    currency: 'EUR',
    withdrawnMinor,
    feeMinor,
  });
  /** The clean booking with its charge disputed: Stripe's and billing's view of the dispute. */
  function disputed(stripeStatus: string, withdrawnMinor: number, feeMinor: number, billingStatus = stripeStatus) {
    const facts = clean();
    facts.stripe.disputes = [dispute(stripeStatus, withdrawnMinor, feeMinor)];
    facts.records.disputes = [{ id: 'dp_1', status: billingStatus, amountMinor: 10_000, currency: 'EUR' }];
    return facts;
  }
  const causes = (facts: BookingFacts) => checkBooking(facts).map((m) => [m.kind, m.details?.causeCode]);

  it('expects the withdrawal of an open dispute, and a won one’s to net to 0, with nothing in the ledger', () => {
    expect(checkBooking(disputed('needs_response', 10_000, 1_500))).toEqual([]);
    expect(checkBooking(disputed('under_review', 10_000, 1_500, 'needs_response'))).toEqual([]);
    expect(checkBooking(disputed('won', 0, 0))).toEqual([]);
    expect(causes(disputed('won', 10_000, 1_500))).toEqual([['dispute', 'dispute_not_reinstated']]);
  });

  it('matches a lost dispute’s withdrawal and fee with the ledger’s chargeback journals', () => {
    const lost = disputed('lost', 10_000, 1_500);
    expect(causes(lost)).toEqual([
      ['dispute', 'dispute_loss_not_posted'],
      ['dispute', 'dispute_fee_differs'],
    ]);
    lost.journals.push(
      journal('dispute_lost', 'dispute_lost:dp_1', { credit: 10_000 }),
      journal('dispute_fee', 'dispute_fee:dp_1', { credit: 1_500 }),
    );
    expect(checkBooking(lost)).toEqual([]);
    lost.journals.push(journal('dispute_lost', 'dispute_lost:dp_1', { credit: 100 }));
    expect(checkBooking(lost)).toMatchObject([
      { kind: 'dispute', expectedMinor: 10_000, actualMinor: 10_100, details: { causeCode: 'dispute_loss_differs' } },
    ]);
  });

  it('names a dispute only one side knows, a status that differs and a chargeback posted for an open dispute', () => {
    const fake = clean();
    fake.records.disputes = [{ id: 'dp_fake', status: 'lost', amountMinor: 10_000, currency: 'EUR' }];
    expect(causes(fake)).toEqual([['dispute', 'dispute_unknown_to_stripe']]);
    const unknown = clean();
    unknown.stripe.disputes = [dispute('needs_response', 10_000, 1_500)];
    expect(causes(unknown)).toEqual([['dispute', 'dispute_unknown_to_billing']]);
    const closedUnheard = disputed('lost', 10_000, 1_500, 'needs_response');
    closedUnheard.journals.push(journal('dispute_fee', 'dispute_fee:dp_1', { credit: 1_500 }));
    expect(causes(closedUnheard)).toEqual([
      ['dispute', 'dispute_status_differs'],
      ['dispute', 'dispute_loss_not_posted'],
    ]);
    const early = disputed('needs_response', 10_000, 1_500);
    early.journals.push(journal('dispute_lost', 'dispute_lost:dp_1', { credit: 10_000 }));
    expect(causes(early)).toEqual([['dispute', 'dispute_posted_not_lost']]);
  });
});

describe('Stripe reads for reconciliation', () => {
  function fakeStripe(failures: { statusCode?: number }[]) {
    let calls = 0;
    const intent = {
      status: 'succeeded',
      amount_received: 10_000,
      currency: 'eur',
      latest_charge: { id: 'ch_1', amount_refunded: 0, balance_transaction: { fee: 320 } },
    };
    const stripe = {
      paymentIntents: {
        retrieve: async () => {
          calls += 1;
          const failure = failures.shift();
          if (failure) throw Object.assign(new Error('Stripe says no'), failure);
          return intent;
        },
      },
      transfers: { list: async () => ({ data: [], has_more: false }) },
    } as unknown as Stripe;
    return { stripe, calls: () => calls };
  }

  it('retries 429 and 5xx answers and then reads the booking', async () => {
    const fake = fakeStripe([{ statusCode: 429 }, { statusCode: 503 }]);
    const reader = createStripeReader(fake.stripe, { perSecond: 100, baseDelayMs: 1 });
    const facts = await reader.booking('pi_1', bookingId);
    expect(facts).toMatchObject({ amountReceived: 10_000, currency: 'EUR', stripeFee: 320, chargeId: 'ch_1' });
    expect(fake.calls()).toBe(3);
  });

  it('does not retry an answer a retry cannot change (404)', async () => {
    const fake = fakeStripe([{ statusCode: 404 }]);
    const reader = createStripeReader(fake.stripe, { perSecond: 100, baseDelayMs: 1 });
    await expect(reader.booking('pi_1', bookingId)).rejects.toBeInstanceOf(StripeReadError);
    expect(fake.calls()).toBe(1);
  });
});
