import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RefundSplitError,
  splitRefund,
  splitRefundByPartner,
  type RefundByPartnerInput,
  type RefundSplitInput,
  type RefundSplitResult,
} from '../../src/domain/refund-split.ts';

// A 30 000 charge: hotel share 14 400 (fee 1 600), seller share 11 900 (fee 2 100), platform fee 3 700.
const paid = (extra: Partial<RefundSplitInput> = {}): RefundSplitInput => ({
  refundMinor: 0,
  chargedMinor: 30_000,
  platformFeeMinor: 3700,
  alreadyRefundedMinor: 0,
  partners: [
    { partnerId: 'hotel', transferId: 'tr_hotel', shareMinor: 14_400, alreadyReversedMinor: 0 },
    { partnerId: 'seller', transferId: null, shareMinor: 11_900, alreadyReversedMinor: 0 },
  ],
  ...extra,
});
const total = (r: RefundSplitResult) => r.reversals.reduce((sum, x) => sum + x.amountMinor, 0) + r.platformRefundMinor;

describe('splitRefund (pro rata over what remains)', () => {
  it('takes a 40 % refund back 40 % from every part', () => {
    const result = splitRefund(paid({ refundMinor: 12_000 }));
    expect(result).toEqual({
      reversals: [
        { partnerId: 'hotel', transferId: 'tr_hotel', amountMinor: 5760 },
        { partnerId: 'seller', transferId: null, amountMinor: 4760 },
      ],
      platformRefundMinor: 1480,
      method: 'pro_rata',
    });
  });

  it('splits a second refund over what the first one left, and a full remainder empties every part', () => {
    const first = splitRefund(paid({ refundMinor: 10_001 }));
    const second = splitRefund(
      paid({
        refundMinor: 30_000 - 10_001,
        alreadyRefundedMinor: 10_001,
        partners: paid().partners.map((p, i) => ({ ...p, alreadyReversedMinor: first.reversals[i]!.amountMinor })),
      }),
    );
    expect(total(second)).toBe(19_999);
    expect(second.reversals.map((r, i) => r.amountMinor + first.reversals[i]!.amountMinor)).toEqual([14_400, 11_900]);
    expect(second.platformRefundMinor + first.platformRefundMinor).toBe(3700);
  });

  it('refuses a refund above what is left of the payment', () => {
    const run = () => splitRefund(paid({ refundMinor: 5001, alreadyRefundedMinor: 25_000 }));
    expect(run).toThrow(RefundSplitError);
    expect(run).toThrow(expect.objectContaining({ code: 'refund_exceeds_payment' }));
  });

  it('refuses shares and fee that do not add up to the charge', () => {
    expect(() => splitRefund(paid({ refundMinor: 1, platformFeeMinor: 3699 }))).toThrow(
      expect.objectContaining({ code: 'inconsistent_split' }),
    );
  });

  it('refunds nothing for a zero refund', () => {
    expect(total(splitRefund(paid()))).toBe(0);
  });
});

describe('splitRefundByPartner (bundling attributes the refund per partner)', () => {
  const byPartner = (partnerRefunds: { partnerId: string; refundMinor: number }[]): RefundByPartnerInput => ({
    ...paid({ refundMinor: partnerRefunds.reduce((sum, r) => sum + r.refundMinor, 0) }),
    partners: [
      { partnerId: 'hotel', transferId: 'tr_hotel', shareMinor: 14_400, feeMinor: 1600, alreadyReversedMinor: 0 },
      { partnerId: 'seller', transferId: null, shareMinor: 11_900, feeMinor: 2100, alreadyReversedMinor: 0 },
    ],
    partnerRefunds,
  });

  it('reverses only the partner whose item was refunded, the platform giving back its fee on that part', () => {
    // The hotel is owed 16 000 of the traveller's money (share 14 400 + fee 1 600): half back.
    const result = splitRefundByPartner(byPartner([{ partnerId: 'hotel', refundMinor: 8000 }]));
    expect(result).toEqual({
      reversals: [
        { partnerId: 'hotel', transferId: 'tr_hotel', amountMinor: 7200 },
        { partnerId: 'seller', transferId: null, amountMinor: 0 },
      ],
      platformRefundMinor: 800,
      method: 'by_partner',
    });
  });

  it("takes a partner's fee from the booking's split rows when the partner list does not carry it", () => {
    const input = byPartner([{ partnerId: 'seller', refundMinor: 1400 }]);
    const result = splitRefundByPartner({
      ...input,
      partners: paid().partners,
      rows: [
        { position: 1, partnerId: 'seller', shareMinor: 8500, feeMinor: 1500 },
        { position: 2, partnerId: 'hotel', shareMinor: 14_400, feeMinor: 1600 },
        { position: 2, partnerId: 'seller', shareMinor: 3400, feeMinor: 600 },
      ],
    });
    expect(result.reversals[1]!.amountMinor).toBe(1190);
    expect(result.platformRefundMinor).toBe(210);
  });

  it('falls back to pro rata when an earlier refund already took what the attribution asks for', () => {
    const input = byPartner([{ partnerId: 'hotel', refundMinor: 16_000 }]);
    input.alreadyRefundedMinor = 5000;
    input.partners = input.partners.map((p) => (p.partnerId === 'hotel' ? { ...p, alreadyReversedMinor: 4000 } : p));
    const result = splitRefundByPartner(input);
    expect(result.method).toBe('pro_rata');
    expect(total(result)).toBe(16_000);
    expect(result.reversals[0]!.amountMinor).toBeLessThanOrEqual(14_400 - 4000);
  });

  it('refuses per-partner refunds that do not add up to the refund', () => {
    const input = { ...byPartner([{ partnerId: 'hotel', refundMinor: 100 }]), refundMinor: 101 };
    expect(() => splitRefundByPartner(input)).toThrow(expect.objectContaining({ code: 'inconsistent_split' }));
  });
});

// ─── Properties ──────────────────────────────────────────────────────────────────────────

/** A paid booking: 1–4 partners with shares, a platform fee, maybe earlier refunds. */
const arbPaid = fc
  .record({
    shares: fc.array(fc.nat({ max: 2_000_000 }), { minLength: 1, maxLength: 4 }),
    fee: fc.nat({ max: 500_000 }),
    reversedPermille: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }),
    platformRefundedPermille: fc.integer({ min: 0, max: 1000 }),
  })
  .filter(({ shares, fee }) => shares.reduce((a, b) => a + b, 0) + fee > 0)
  .map(({ shares, fee, reversedPermille, platformRefundedPermille }) => {
    const partners = shares.map((shareMinor, i) => ({
      partnerId: `p${i}`,
      transferId: `tr_${i}`,
      shareMinor,
      alreadyReversedMinor: Math.floor((shareMinor * reversedPermille[i]!) / 1000),
    }));
    const platformRefunded = Math.floor((fee * platformRefundedPermille) / 1000);
    const reversed = partners.reduce((sum, p) => sum + p.alreadyReversedMinor, 0);
    return {
      chargedMinor: shares.reduce((a, b) => a + b, 0) + fee,
      platformFeeMinor: fee,
      alreadyRefundedMinor: reversed + platformRefunded,
      partners,
    };
  });
const left = (p: Omit<RefundSplitInput, 'refundMinor'>) => p.chargedMinor - p.alreadyRefundedMinor;
const withRefund = fc.tuple(arbPaid, fc.double({ min: 0, max: 1, noNaN: true }));

describe('splitRefund — properties', () => {
  it('Σ reversals + platform refund = refund exactly, and no part exceeds what remains of it', () => {
    fc.assert(
      fc.property(withRefund, ([booking, fraction]) => {
        const refundMinor = Math.floor(left(booking) * fraction);
        const result = splitRefund({ ...booking, refundMinor });
        expect(total(result)).toBe(refundMinor);
        result.reversals.forEach((r, i) => {
          const p = booking.partners[i]!;
          expect(r.amountMinor).toBeGreaterThanOrEqual(0);
          expect(r.amountMinor).toBeLessThanOrEqual(p.shareMinor - p.alreadyReversedMinor);
        });
        const platformRefunded =
          booking.alreadyRefundedMinor - booking.partners.reduce((s, p) => s + p.alreadyReversedMinor, 0);
        expect(result.platformRefundMinor).toBeLessThanOrEqual(booking.platformFeeMinor - platformRefunded);
      }),
    );
  });

  it('a larger refund takes at least as much in total, and never one minor unit less than a part gave for a smaller one', () => {
    fc.assert(
      fc.property(withRefund, fc.double({ min: 0, max: 1, noNaN: true }), ([booking, a], b) => {
        const small = Math.floor(left(booking) * Math.min(a, b));
        const large = Math.floor(left(booking) * Math.max(a, b));
        const s = splitRefund({ ...booking, refundMinor: small });
        const l = splitRefund({ ...booking, refundMinor: large });
        // Largest remainder keeps each part within one unit of its exact share, so a part can
        // be one unit smaller for a larger refund (Alabama paradox), never more.
        l.reversals.forEach((r, i) => expect(r.amountMinor).toBeGreaterThanOrEqual(s.reversals[i]!.amountMinor - 1));
        expect(l.platformRefundMinor).toBeGreaterThanOrEqual(s.platformRefundMinor - 1);
        if (booking.partners.length === 1) {
          // Two parts (one partner and the platform): strictly monotone.
          expect(l.reversals[0]!.amountMinor).toBeGreaterThanOrEqual(s.reversals[0]!.amountMinor);
          expect(l.platformRefundMinor).toBeGreaterThanOrEqual(s.platformRefundMinor);
        }
      }),
    );
  });

  it('refuses any refund above what is left of the payment', () => {
    fc.assert(
      fc.property(arbPaid, fc.integer({ min: 1, max: 1000 }), (booking, over) => {
        expect(() => splitRefund({ ...booking, refundMinor: left(booking) + over })).toThrow(
          expect.objectContaining({ code: 'refund_exceeds_payment' }),
        );
      }),
    );
  });
});

describe('splitRefundByPartner — properties', () => {
  /** A fresh booking (no earlier refund) with fees per partner, refunded partly per partner. */
  const arbCancellation = fc
    .array(
      fc.record({
        share: fc.nat({ max: 1_000_000 }),
        fee: fc.nat({ max: 200_000 }),
        permille: fc.integer({ min: 0, max: 1000 }),
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((parts) => {
      const partners = parts.map((p, i) => ({
        partnerId: `p${i}`,
        transferId: null,
        shareMinor: p.share,
        feeMinor: p.fee,
        alreadyReversedMinor: 0,
      }));
      const partnerRefunds = parts.map((p, i) => ({
        partnerId: `p${i}`,
        refundMinor: Math.floor(((p.share + p.fee) * p.permille) / 1000),
      }));
      const fee = parts.reduce((sum, p) => sum + p.fee, 0);
      return {
        chargedMinor: parts.reduce((sum, p) => sum + p.share, 0) + fee,
        platformFeeMinor: fee,
        alreadyRefundedMinor: 0,
        partners,
        partnerRefunds,
        refundMinor: partnerRefunds.reduce((sum, r) => sum + r.refundMinor, 0),
      };
    });

  it("is exact, keeps each partner's reversal within its own refund and share, and reverses nothing from an unrefunded partner", () => {
    fc.assert(
      fc.property(arbCancellation, (input) => {
        const result = splitRefundByPartner(input);
        expect(result.method).toBe('by_partner');
        expect(total(result)).toBe(input.refundMinor);
        result.reversals.forEach((r, i) => {
          expect(r.amountMinor).toBeLessThanOrEqual(input.partnerRefunds[i]!.refundMinor);
          expect(r.amountMinor).toBeLessThanOrEqual(input.partners[i]!.shareMinor);
          if (input.partnerRefunds[i]!.refundMinor === 0) expect(r.amountMinor).toBe(0);
        });
      }),
    );
  });

  it('a larger refund of a partner never reverses less from it', () => {
    fc.assert(
      fc.property(arbCancellation, fc.nat({ max: 1000 }), (input, extra) => {
        const p0 = input.partners[0]!;
        const room = p0.shareMinor + p0.feeMinor - input.partnerRefunds[0]!.refundMinor;
        const more = Math.min(extra, room);
        const larger = {
          ...input,
          refundMinor: input.refundMinor + more,
          partnerRefunds: input.partnerRefunds.map((r, i) =>
            i === 0 ? { ...r, refundMinor: r.refundMinor + more } : r,
          ),
        };
        const a = splitRefundByPartner(input);
        const b = splitRefundByPartner(larger);
        expect(b.reversals[0]!.amountMinor).toBeGreaterThanOrEqual(a.reversals[0]!.amountMinor);
        expect(b.platformRefundMinor).toBeGreaterThanOrEqual(a.platformRefundMinor);
      }),
    );
  });
});
