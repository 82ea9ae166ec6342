import { describe, expect, it } from 'vitest';
import {
  assertBalanced,
  disputeFeeLines,
  disputeLostLines,
  paymentCapturedLines,
  platformFeeRefundedLines,
  refundIssuedLines,
  reversalReceivedLines,
  reversedLines,
  stripeFeeLines,
  transferSentLines,
  type JournalLine,
} from '../../src/domain/journals.ts';
import { splitRefund } from '../../src/domain/refund-split.ts';
import { splitPayment } from '../../src/domain/split.ts';

const debits = (lines: JournalLine[]) => lines.reduce((sum, l) => sum + (l.debitMinor ?? 0), 0);
const credits = (lines: JournalLine[]) => lines.reduce((sum, l) => sum + (l.creditMinor ?? 0), 0);

/** Σ debit − Σ credit per account (and partner), as the ledger's balances report it. */
function balances(journals: JournalLine[][]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of journals.flat()) {
    const key = line.partnerId ? `${line.account}:${line.partnerId}` : line.account;
    out.set(key, (out.get(key) ?? 0) + (line.debitMinor ?? 0) - (line.creditMinor ?? 0));
  }
  return out;
}

describe('journal builders', () => {
  const builders: [string, JournalLine[]][] = [
    [
      'payment captured with an affiliate',
      paymentCapturedLines({
        chargeMinor: 30_000,
        partners: [
          { partnerId: 'a', shareMinor: 14_400 },
          { partnerId: 'b', shareMinor: 11_900 },
        ],
        platformFeeMinor: 3700,
        affiliateCommissionMinor: 500,
      }),
    ],
    ['stripe fee', stripeFeeLines(465)],
    ['transfer sent', transferSentLines({ partnerId: 'a', amountMinor: 14_400 })],
    [
      'refund issued',
      refundIssuedLines({
        refundMinor: 12_000,
        reversals: [
          { partnerId: 'a', amountMinor: 5760 },
          { partnerId: 'b', amountMinor: 4760 },
        ],
        platformRefundMinor: 1480,
      }),
    ],
    ['reversal received', reversalReceivedLines({ partnerId: 'a', amountMinor: 5760 })],
    ['platform fee refunded', platformFeeRefundedLines(1480)],
  ];

  it.each(builders)('%s balances', (_name, lines) => {
    expect(lines.length).toBeGreaterThan(0);
    expect(debits(lines)).toBe(credits(lines));
    expect(() => assertBalanced(lines)).not.toThrow();
  });

  it('pays the affiliate from the platform revenue', () => {
    const lines = paymentCapturedLines({
      chargeMinor: 10_000,
      partners: [{ partnerId: 'a', shareMinor: 8500 }],
      platformFeeMinor: 1500,
      affiliateCommissionMinor: 500,
    });
    const b = balances([lines]);
    expect(b.get('platform_revenue')).toBe(-1000);
    expect(b.get('affiliate_payable')).toBe(-500);
    expect(b.get('partner_payable:a')).toBe(-8500);
  });

  it('writes no posting for a zero amount (a partner with a zero share gets no payable line)', () => {
    const lines = paymentCapturedLines({
      chargeMinor: 1000,
      partners: [
        { partnerId: 'a', shareMinor: 1000 },
        { partnerId: 'b', shareMinor: 0 },
      ],
      platformFeeMinor: 0,
    });
    expect(lines).toEqual([
      { account: 'platform_cash', debitMinor: 1000 },
      { account: 'partner_payable', partnerId: 'a', creditMinor: 1000 },
    ]);
    expect(stripeFeeLines(0)).toEqual([]);
  });

  it('refuses a capture whose shares and fee do not make the charge', () => {
    expect(() =>
      paymentCapturedLines({
        chargeMinor: 1000,
        partners: [{ partnerId: 'a', shareMinor: 900 }],
        platformFeeMinor: 99,
      }),
    ).toThrow(expect.objectContaining({ code: 'unbalanced' }));
  });

  it('refuses a negative amount and a partner on a non-payable account', () => {
    expect(() => transferSentLines({ partnerId: 'a', amountMinor: -1 })).toThrow(
      expect.objectContaining({ code: 'invalid_line' }),
    );
    expect(() => assertBalanced([{ account: 'platform_cash', partnerId: 'a', debitMinor: 1 }])).toThrow(
      expect.objectContaining({ code: 'invalid_line' }),
    );
  });

  it('undoes a journal by swapping its sides', () => {
    const lines = transferSentLines({ partnerId: 'a', amountMinor: 700 });
    expect(balances([lines, reversedLines(lines)])).toEqual(
      new Map([
        ['partner_payable:a', 0],
        ['platform_cash', 0],
      ]),
    );
  });
});

describe('a booking through its whole life in the ledger', () => {
  it('pay → transfers → 40 % refund → reversals leaves the payables and refunds at 0 and the cash as expected', () => {
    const split = splitPayment({
      currency: 'EUR',
      sellerPartnerId: 'seller',
      totalMinor: 30_000,
      lines: [
        {
          position: 1,
          itemId: 't',
          itemType: 'tour',
          partnerId: 'seller',
          netMinor: 10_000,
          supplierShareMinor: 10_000,
        },
        {
          position: 2,
          itemId: 'h',
          itemType: 'service',
          partnerId: 'hotel',
          netMinor: 20_000,
          supplierShareMinor: 16_000,
        },
      ],
      feeBps: (id) => (id === 'hotel' ? 1000 : 1500),
    });
    const stripeFee = 465;
    const journals: JournalLine[][] = [
      paymentCapturedLines({ chargeMinor: 30_000, partners: split.partners, platformFeeMinor: split.platformFeeMinor }),
      stripeFeeLines(stripeFee),
      ...split.partners.map((p) => transferSentLines({ partnerId: p.partnerId, amountMinor: p.shareMinor })),
    ];
    const refund = splitRefund({
      refundMinor: 12_000,
      chargedMinor: 30_000,
      platformFeeMinor: split.platformFeeMinor,
      alreadyRefundedMinor: 0,
      partners: split.partners.map((p) => ({
        partnerId: p.partnerId,
        transferId: `tr_${p.partnerId}`,
        shareMinor: p.shareMinor,
        alreadyReversedMinor: 0,
      })),
    });
    journals.push(refundIssuedLines({ refundMinor: 12_000, ...refund }));
    // Between the refund and the reversals, each partner owes the platform its part.
    const owed = balances(journals);
    for (const r of refund.reversals) expect(owed.get(`partner_payable:${r.partnerId}`)).toBe(r.amountMinor);
    journals.push(...refund.reversals.map((r) => reversalReceivedLines(r)));

    const b = balances(journals);
    const transfers = split.partners.reduce((sum, p) => sum + p.shareMinor, 0);
    const reversals = refund.reversals.reduce((sum, r) => sum + r.amountMinor, 0);
    expect(b.get('platform_cash')).toBe(30_000 - stripeFee - transfers - 12_000 + reversals);
    expect(b.get('partner_payable:hotel')).toBe(0);
    expect(b.get('partner_payable:seller')).toBe(0);
    expect(b.get('refunds')).toBe(0);
    expect(b.get('platform_revenue')).toBe(-(split.platformFeeMinor - refund.platformRefundMinor));
    expect(b.get('stripe_fees')).toBe(stripeFee);
    expect([...b.values()].reduce((a, v) => a + v, 0)).toBe(0);
  });

  it('a refund before a transfer is withheld from it: payable still ends at 0 with no reversal', () => {
    const journals = [
      paymentCapturedLines({
        chargeMinor: 10_000,
        partners: [{ partnerId: 'a', shareMinor: 8500 }],
        platformFeeMinor: 1500,
      }),
      refundIssuedLines({
        refundMinor: 4000,
        reversals: [{ partnerId: 'a', amountMinor: 3400 }],
        platformRefundMinor: 600,
      }),
      transferSentLines({ partnerId: 'a', amountMinor: 8500 - 3400 }),
    ];
    const b = balances(journals);
    expect(b.get('partner_payable:a')).toBe(0);
    expect(b.get('refunds')).toBe(0);
    expect(b.get('platform_cash')).toBe(10_000 - 4000 - 5100);
  });

  it('books a lost dispute: the canceled share back from the partner, the sent share and the fee as the platform’s loss', () => {
    const journals = [
      paymentCapturedLines({
        chargeMinor: 10_000,
        partners: [
          { partnerId: 'a', shareMinor: 5000 },
          { partnerId: 'b', shareMinor: 3500 },
        ],
        platformFeeMinor: 1500,
      }),
      transferSentLines({ partnerId: 'a', amountMinor: 5000 }),
      disputeLostLines({ disputedMinor: 10_000, canceled: [{ partnerId: 'b', amountMinor: 3500 }] }),
      disputeFeeLines(1500),
    ];
    journals.forEach((lines) => assertBalanced(lines));
    const b = balances(journals);
    expect(b.get('partner_payable:a')).toBe(0);
    expect(b.get('partner_payable:b')).toBe(0);
    expect(b.get('dispute_losses')).toBe(5000 + 1500);
    expect(b.get('platform_cash')).toBe(10_000 - 5000 - 10_000 - 1500);
  });

  it('credits the loss account when canceled shares exceed a partial dispute', () => {
    const lines = disputeLostLines({ disputedMinor: 3000, canceled: [{ partnerId: 'b', amountMinor: 3500 }] });
    expect(lines).toEqual([
      { account: 'platform_cash', creditMinor: 3000 },
      { account: 'partner_payable', partnerId: 'b', debitMinor: 3500 },
      { account: 'dispute_losses', creditMinor: 500 },
    ]);
  });
});
