import { describe, expect, it } from 'vitest';
import { assertFeeBps, assertFeeRule, feeBpsResolver, resolveFeeBps, type FeeRule } from '../../src/domain/fees.ts';

const rules: FeeRule[] = [
  { scope: 'global', scopeKey: '*', bps: 1400 },
  { scope: 'partner_type', scopeKey: 'hotel', bps: 1200 },
  { scope: 'partner', scopeKey: 'p-contract', bps: 1000 },
];

describe('resolveFeeBps', () => {
  it("takes the partner's own contract rule over its type's", () => {
    expect(resolveFeeBps({ partnerId: 'p-contract', partnerType: 'hotel' }, rules, 1500)).toBe(1000);
  });

  it("takes the partner type's rule over the global one", () => {
    expect(resolveFeeBps({ partnerId: 'p-other', partnerType: 'hotel' }, rules, 1500)).toBe(1200);
  });

  it('takes the global rule when neither partner nor type has one', () => {
    expect(resolveFeeBps({ partnerId: 'p-other', partnerType: 'tour_operator' }, rules, 1500)).toBe(1400);
    expect(resolveFeeBps({ partnerId: 'p-other', partnerType: null }, rules, 1500)).toBe(1400);
  });

  it('falls back to the configured default without any rule', () => {
    expect(resolveFeeBps({ partnerId: 'p-other', partnerType: 'hotel' }, [], 1500)).toBe(1500);
  });

  it("a type rule does not match a partner whose id happens to equal the type's key", () => {
    expect(resolveFeeBps({ partnerId: 'hotel', partnerType: null }, rules.slice(0, 2), 1500)).toBe(1400);
  });
});

describe('feeBpsResolver', () => {
  it("answers each booking partner's bps, and the type-less chain for a partner it was not given", () => {
    const feeBps = feeBpsResolver([{ partnerId: 'p-h', partnerType: 'hotel' }], rules, 1500);
    expect(feeBps('p-h')).toBe(1200);
    expect(feeBps('p-contract')).toBe(1000);
    expect(feeBps('p-unknown')).toBe(1400);
  });
});

describe('fee validation', () => {
  it('accepts 10 % to 20 % inclusive', () => {
    expect(assertFeeBps(1000)).toBe(1000);
    expect(assertFeeBps(2000)).toBe(2000);
  });

  it.each([999, 2001, 0, 1500.5, Number.NaN])('refuses %s bps with fee_out_of_range', (bps) => {
    expect(() => assertFeeBps(bps)).toThrow(expect.objectContaining({ code: 'fee_out_of_range' }));
  });

  it("refuses a global rule with a key other than '*' and a partner rule without a key", () => {
    expect(() => assertFeeRule({ scope: 'global', scopeKey: 'x', bps: 1500 })).toThrow(
      expect.objectContaining({ code: 'fee_scope_invalid' }),
    );
    expect(() => assertFeeRule({ scope: 'partner', scopeKey: ' ', bps: 1500 })).toThrow(
      expect.objectContaining({ code: 'fee_scope_invalid' }),
    );
    expect(assertFeeRule({ scope: 'partner_type', scopeKey: 'hotel', bps: 1100 })).toEqual({
      scope: 'partner_type',
      scopeKey: 'hotel',
      bps: 1100,
    });
  });
});
