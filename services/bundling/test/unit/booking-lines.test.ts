import { describe, expect, it } from 'vitest';
import type { Breakdown } from '@tourconnect/contracts/http';
import { bookingItems, lineStarts } from '../../src/domain/booking-lines.ts';

type Line = Breakdown['lines'][number];

function line(overrides: Partial<Line>): Line {
  return {
    position: 0,
    itemId: 'item-1',
    itemKind: 'tour',
    title: 'Walk',
    partnerId: 'partner-1',
    partnerName: 'Trails',
    dates: [],
    units: [],
    grossMinor: 0,
    bundleDiscountMinor: 0,
    couponDiscountMinor: 0,
    netMinor: 0,
    supplierShareMinor: 0,
    ...overrides,
  };
}

const breakdown = (lines: Line[]): Breakdown => ({
  currency: 'EUR',
  lines,
  partners: [],
  appliedRules: [],
  subtotalMinor: lines.reduce((s, l) => s + l.grossMinor, 0),
  bundleDiscountMinor: 0,
  couponDiscountMinor: 0,
  totalMinor: lines.reduce((s, l) => s + l.netMinor, 0),
});

describe('booking event lines', () => {
  const start = new Date('2027-05-01T07:00:00Z');
  const starts = new Map([[0, { availabilityId: 'row-1', startsAt: start }]]);

  it('gives each unit type its own line so unit price × quantity is the gross, amounts summing exactly', () => {
    const items = bookingItems(
      breakdown([
        line({
          units: [
            { code: 'adult', quantity: 2, unitPriceMinor: 1500 },
            { code: 'child', quantity: 1, unitPriceMinor: 800 },
          ],
          grossMinor: 3800,
          bundleDiscountMinor: 101,
          couponDiscountMinor: 0,
          netMinor: 3699,
          supplierShareMinor: 3000,
        }),
      ]),
      starts,
      new Map([[0, 1849]]),
    );
    expect(items.map((i) => [i.quantity, i.unitPriceMinor, i.grossMinor])).toEqual([
      [2, 1500n, 3000n],
      [1, 800n, 800n],
    ]);
    const sum = (key: 'discountMinor' | 'netMinor' | 'supplierShareMinor' | 'refundMinor') =>
      items.reduce((acc, i) => acc + (i[key] as bigint), 0n);
    expect([sum('discountMinor'), sum('netMinor'), sum('supplierShareMinor'), sum('refundMinor')]).toEqual([
      101n,
      3699n,
      3000n,
      1849n,
    ]);
    expect(items.every((i) => i.netMinor === (i.grossMinor as bigint) - (i.discountMinor as bigint))).toBe(true);
    expect(
      items.every((i) => i.availabilityId === 'row-1' && i.startsAt?.seconds === BigInt(start.getTime() / 1000)),
    ).toBe(true);
    // Receipts and e-mails name the item as the traveller read it.
    expect(items.map((i) => i.title)).toEqual(items.map(() => 'Walk'));
  });

  it('keeps a line whose unit prices do not add up to its gross as one item', () => {
    const [item, ...rest] = bookingItems(
      breakdown([
        line({
          units: [{ code: 'room', quantity: 2, unitPriceMinor: 10000 }],
          grossMinor: 21000,
          netMinor: 21000,
          supplierShareMinor: 21000,
        }),
      ]),
      starts,
    );
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ quantity: 2, unitPriceMinor: 10500n, grossMinor: 21000n, netMinor: 21000n });
  });

  it('puts amounts of an all-free line on its first unit type', () => {
    const items = bookingItems(
      breakdown([
        line({
          units: [
            { code: 'adult', quantity: 1, unitPriceMinor: 0 },
            { code: 'infant', quantity: 1, unitPriceMinor: 0 },
          ],
        }),
      ]),
      starts,
      new Map([[0, 0]]),
    );
    expect(items.map((i) => i.grossMinor)).toEqual([0n, 0n]);
  });

  it('takes a line’s earliest row as its start', () => {
    const later = new Date('2027-05-02T07:00:00Z');
    const map = lineStarts([
      { position: 1, availabilityId: 'night-2', startsAt: later },
      { position: 1, availabilityId: 'night-1', startsAt: start },
    ]);
    expect(map.get(1)).toEqual({ availabilityId: 'night-1', startsAt: start });
  });
});
