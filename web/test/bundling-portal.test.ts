import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ItemView, PackageView } from '../../libs/contracts/src/http/index.ts';

// The portal resolves '@contracts/http' through a Vite alias the repository-wide vitest config
// does not know; point it at the same source file here.
vi.mock('@contracts/http', () => import('../../libs/contracts/src/http/index.ts'));

const money = await import('../src/pages/partner/catalogue/money.ts');
const items = await import('../src/pages/partner/catalogue/item-values.ts');
const calendar = await import('../src/pages/partner/catalogue/availability-values.ts');
const packages = await import('../src/pages/partner/packages/package-values.ts');
const api = await import('../src/api/bundling-api.ts');
const { isApiError } = await import('../src/api/api-error.ts');

const partnerId = '0190a000-0000-7000-8000-000000000001';
const otherPartnerId = '0190a000-0000-7000-8000-000000000002';

function item(overrides: Partial<ItemView> = {}): ItemView {
  return {
    id: '0190a000-0000-7000-8000-0000000000a1',
    partnerId,
    partnerName: 'Dolomiti Trails',
    partnerVerified: true,
    kind: 'tour',
    status: 'draft',
    translations: { en: { title: 'Sunrise hike', description: 'Up early.' } },
    title: 'Sunrise hike',
    description: 'Up early.',
    language: 'en',
    destination: { place: 'Cortina', regionCode: 'IT-21', latitude: 46.54, longitude: 12.14 },
    durationMinutes: 150,
    tags: ['mountain'],
    currency: 'EUR',
    units: [
      { code: 'adult', priceMinor: 4950, netRateMinor: 4000 },
      { code: 'child', priceMinor: 2500, netRateMinor: 2000 },
    ],
    capacityModel: 'slots',
    cutoffHours: 12,
    startTimes: ['06:00'],
    bundleTerms: { kind: 'net_rate' },
    images: [],
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('prices typed by a partner', () => {
  it('become integer minor units without a float, in the currency’s own decimals', () => {
    expect(money.toMinor('12.50', 'EUR')).toBe(1250);
    expect(money.toMinor('12,5', 'EUR')).toBe(1250);
    expect(money.toMinor('0.1', 'EUR')).toBe(10);
    expect(money.toMinor(' 129 ', 'EUR')).toBe(12900);
    expect(money.toMinor('1500', 'HUF')).toBe(150000);
    expect(money.toDecimalText(1250, 'EUR')).toBe('12.50');
  });

  it('are refused when they are not a plain amount', () => {
    for (const text of ['', '12.345', '-5', '+5', '1e3', '12,50,1', 'abc', '1 000']) {
      expect(money.toMinor(text, 'EUR'), text).toBeNull();
    }
    expect(money.toMinor('12.50', 'XXX')).toBeNull();
  });

  it('and percentages become basis points exactly', () => {
    expect(money.percentToBps('12.5')).toBe(1250);
    expect(money.percentToBps('12,55')).toBe(1255);
    expect(money.percentToBps('100')).toBe(10_000);
    expect(money.percentToBps('100.01')).toBeNull();
    expect(money.percentToBps('1.234')).toBeNull();
    expect(money.bpsToPercentText(1250)).toBe('12.5');
    expect(money.bpsToPercentText(1000)).toBe('10');
  });

  it('are shown in the portal’s language', () => {
    expect(money.formatMinor(1250, 'EUR', 'en')).toBe('€12.50');
    expect(money.formatMinor(1250, 'EUR', 'de')).toBe('12,50\u00a0€');
  });
});

describe('the item editor', () => {
  it('turns an item into form values and back into the same body', () => {
    const values = items.itemToValues(item());
    expect(values.units[0]).toEqual({ code: 'adult', price: '49.50', netRate: '40.00' });
    expect(values.durationHours).toBe('2');
    expect(values.durationMinutes).toBe('30');
    const result = items.itemBody(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.units).toEqual([
      { code: 'adult', priceMinor: 4950, netRateMinor: 4000 },
      { code: 'child', priceMinor: 2500, netRateMinor: 2000 },
    ]);
    expect(result.body.durationMinutes).toBe(150);
    expect(result.body.translations).toEqual({ en: { title: 'Sunrise hike', description: 'Up early.' } });
    expect(Number.isInteger(result.body.units[0]!.priceMinor)).toBe(true);
    expect(items.updateBody(result.body)).not.toHaveProperty('kind');
    expect(items.updateBody(result.body)).not.toHaveProperty('currency');
  });

  it('says which field is wrong, by path, with the codes the portal translates', () => {
    const values = {
      ...items.emptyItemValues(),
      units: [
        { code: 'adult' as const, price: '12.345', netRate: '' },
        { code: 'room' as const, price: '80', netRate: '' },
      ],
      bundleable: true,
    };
    const result = items.itemBody(values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['units.0.price']).toEqual(['invalid_amount']);
    expect(result.errors['units.0.netRate']).toEqual(['net_rate_required']);
    expect(result.errors.units).toEqual(['mixed_units']);
    expect(result.errors.translations).toEqual(['translation_required']);
    expect(result.errors.startTimes).toEqual(['start_times_required']);
    expect(result.errors['destination.latitude']).toEqual(['required']);
  });

  it('refuses a net rate above the price and takes a commission in percent', () => {
    const base = items.itemToValues(item());
    const above = items.itemBody({ ...base, units: [{ code: 'adult', price: '40', netRate: '45' }] });
    expect(above.ok ? {} : above.errors['units.0.netRate']).toEqual(['net_rate_above_price']);
    const commission = items.itemBody({ ...base, termsKind: 'commission', commissionPercent: '12,5' });
    expect(commission.ok && commission.body.bundleTerms).toEqual({ kind: 'commission', commissionBps: 1250 });
    expect(commission.ok && commission.body.units.every((u) => u.netRateMinor === null)).toBe(true);
  });

  it('maps the service’s field paths onto the form', () => {
    expect(items.formPath('body.units.1.netRateMinor')).toBe('units.1.netRate');
    expect(items.formPath('units.0.priceMinor')).toBe('units.0.price');
    expect(items.formPath('bundleTerms.commissionBps')).toBe('bundleTerms');
    expect(items.formPath('/destination/place')).toBe('destination.place');
    expect(
      items.problemPathErrors([{ path: 'units.0.netRateMinor', code: 'net_rate_required', message: 'x' }]),
    ).toEqual({ 'units.0.netRate': ['net_rate_required'] });
  });

  it('shows the lowest paid unit price as the from-price (a free infant is no from-price)', () => {
    expect(items.priceFrom(item())).toBe(2500);
    const withInfant = item({ units: [...item().units, { code: 'infant', priceMinor: 0, netRateMinor: 0 }] });
    expect(items.priceFrom(withInfant)).toBe(2500);
    expect(items.priceFrom(item({ units: [{ code: 'infant', priceMinor: 0, netRateMinor: null }] }))).toBeNull();
  });
});

describe('the availability calendar', () => {
  it('lays a month out Monday first, whatever the browser’s time zone', () => {
    const march = calendar.monthGrid({ year: 2026, month: 3 });
    // 1 March 2026 is a Sunday: six blanks before it.
    expect(march[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(march.flat().filter(Boolean)).toHaveLength(31);
    expect(march.every((week) => week.length === 7)).toBe(true);
    expect(calendar.addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(calendar.shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(calendar.monthRange({ year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('sums a day’s slots into remaining of capacity and tells closed and sold-out days apart', () => {
    const slot = (over: object) => ({
      id: 's',
      itemId: 'i',
      date: '2026-06-01',
      startTime: '09:00',
      startsAt: '2026-06-01T07:00:00Z',
      capacity: 10,
      held: 0,
      sold: 0,
      remaining: 10,
      closed: false,
      priceOverrides: {},
      ...over,
    });
    const days = calendar.summariseDays([
      slot({ id: 'a', sold: 4, remaining: 6 }),
      slot({ id: 'b', startTime: '14:00', closed: true, remaining: 0 }),
      slot({ id: 'c', date: '2026-06-02', held: 10, remaining: 0 }),
      slot({ id: 'd', date: '2026-06-03', closed: true, remaining: 0, priceOverrides: { adult: 100 } }),
    ]);
    expect(days.get('2026-06-01')).toMatchObject({ capacity: 20, remaining: 6, closed: false });
    expect(calendar.dayTone(days.get('2026-06-01'))).toBe('open');
    expect(calendar.dayTone(days.get('2026-06-02'))).toBe('sold-out');
    expect(calendar.dayTone(days.get('2026-06-03'))).toBe('closed');
    expect(days.get('2026-06-03')!.priced).toBe(true);
    expect(calendar.dayTone(undefined)).toBe('none');
  });

  it('builds the bulk edit with only what changes, prices in minor units', () => {
    const values = {
      ...calendar.emptyBulkValues('2026-07-01', '2026-07-31', ['09:00', '14:00']),
      weekdays: [6, 0],
      startTimes: ['09:00'],
      capacity: '12',
      prices: { adult: '55.5' },
    };
    const result = calendar.bulkBody(values, 'EUR', ['09:00', '14:00']);
    expect(result).toEqual({
      ok: true,
      body: {
        from: '2026-07-01',
        to: '2026-07-31',
        weekdays: [0, 6],
        startTimes: ['09:00'],
        capacity: 12,
        priceOverrides: { adult: 5550 },
      },
    });
    const everyDay = calendar.bulkBody(
      { ...values, weekdays: [1, 2, 3, 4, 5, 6, 0], startTimes: ['09:00', '14:00'] },
      'EUR',
      ['09:00', '14:00'],
    );
    expect(everyDay.ok && everyDay.body).not.toHaveProperty('weekdays');
    expect(everyDay.ok && everyDay.body).not.toHaveProperty('startTimes');
    const close = calendar.bulkBody(
      { ...values, capacity: '', prices: {}, state: 'close', clearPrices: true },
      'EUR',
      [],
    );
    expect(close.ok && close.body).toMatchObject({ closed: true, priceOverrides: null });
  });

  it('refuses an edit that changes nothing or goes backwards', () => {
    const empty = calendar.bulkBody(calendar.emptyBulkValues('2026-07-10', '2026-07-01', []), 'EUR', []);
    expect(empty.ok ? {} : empty.errors).toEqual({ form: ['nothing_to_update'], to: ['invalid_date_range'] });
  });
});

describe('the package builder', () => {
  const pkg: PackageView = {
    id: '0190a000-0000-7000-8000-0000000000b1',
    partnerId,
    partnerName: 'Dolomiti Trails',
    partnerVerified: true,
    status: 'draft',
    translations: { en: { title: 'Garda family weekend', description: '' } },
    title: 'Garda family weekend',
    description: '',
    language: 'en',
    currency: 'EUR',
    basePriceMinor: 0,
    lines: [
      {
        position: 0,
        itemId: '0190a000-0000-7000-8000-0000000000a1',
        itemKind: 'service',
        title: 'Hotel night',
        partnerId,
        partnerName: 'Dolomiti Trails',
        partnerVerified: true,
        capacityModel: 'daily',
        qty: 1,
        dayOffset: 0,
        days: 2,
        bundled: false,
      },
      {
        position: 1,
        itemId: '0190a000-0000-7000-8000-0000000000a2',
        itemKind: 'transport',
        title: 'Ferry',
        partnerId: otherPartnerId,
        partnerName: 'Costa Ferries',
        partnerVerified: true,
        capacityModel: 'slots',
        qty: 2,
        dayOffset: 1,
        days: 1,
        bundled: true,
      },
    ],
    discountRules: [
      { id: 'family', type: 'percentage', bps: 1000, conditions: { minChildren: 1 } },
      { id: 'early', type: 'fixed', amountMinor: 1500, conditions: {} },
    ],
    policy: {
      tiers: [
        { hoursBefore: 168, refundPercent: 100 },
        { hoursBefore: 48, refundPercent: 50 },
      ],
    },
    tags: ['family'],
    destination: null,
    availableFrom: null,
    availableTo: null,
    images: [],
    durationDays: 2,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    publishedAt: null,
  };

  it('round-trips a package: rules in percent and currency, tiers in days or hours', () => {
    const values = packages.packageToValues(pkg);
    expect(values.rules.map((rule) => rule.value)).toEqual(['10', '15.00']);
    expect(values.tiers).toEqual([
      { amount: '7', unit: 'days', refundPercent: '100' },
      { amount: '2', unit: 'days', refundPercent: '50' },
    ]);
    const result = packages.packageBody(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.lines).toEqual([
      { itemId: pkg.lines[0]!.itemId, qty: 1, dayOffset: 0, days: 2 },
      { itemId: pkg.lines[1]!.itemId, qty: 2, dayOffset: 1, days: 1 },
    ]);
    expect(result.body.discountRules).toEqual(pkg.discountRules);
    expect(result.body.policy).toEqual(pkg.policy);
  });

  it('orders tiers typed in any order and refuses a later cancellation refunding more', () => {
    const values = packages.packageToValues(pkg);
    const reversed = packages.packageBody({
      ...values,
      tiers: [
        { amount: '48', unit: 'hours', refundPercent: '50' },
        { amount: '7', unit: 'days', refundPercent: '100' },
      ],
    });
    expect(reversed.ok && reversed.body.policy.tiers.map((tier) => tier.hoursBefore)).toEqual([168, 48]);
    const generousLate = packages.packageBody({
      ...values,
      tiers: [
        { amount: '7', unit: 'days', refundPercent: '50' },
        { amount: '1', unit: 'days', refundPercent: '100' },
      ],
    });
    expect(generousLate.ok ? {} : generousLate.errors.tiers).toEqual(['policy_tiers_unordered']);
  });

  it('checks lines, rules and currencies before anything is sent', () => {
    const values = packages.packageToValues(pkg);
    const hotelInChf = { ...values.lines[1]!, currency: 'CHF' };
    const result = packages.packageBody({
      ...values,
      lines: [{ ...values.lines[0]!, qty: '0' }, hotelInChf],
      rules: [
        { ...values.rules[0]!, value: '120' },
        { ...values.rules[1]!, value: '' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['lines.0.qty']).toEqual(['invalid_quantity']);
    expect(result.errors['lines.1']).toEqual(['currency_mismatch']);
    expect(result.errors['rules.0.value']).toEqual(['invalid_percent']);
    expect(result.errors['rules.1.value']).toEqual(['required']);
    expect(packages.packageBody(packages.emptyPackageValues()).ok).toBe(false);
  });

  it('maps the service’s paths (rule ids, tiers, lines) onto the form', () => {
    const rules = [{ id: 'family' }, { id: 'early' }];
    expect(packages.formPath('discountRules.early', rules)).toBe('rules.1.value');
    expect(packages.formPath('body.discountRules.0.conditions.minChildren', rules)).toBe('rules.0.minChildren');
    expect(packages.formPath('lines.3', rules)).toBe('lines.3');
    expect(packages.formPath('lines.1.qty', rules)).toBe('lines.1.qty');
    expect(packages.formPath('policy.tiers.1.refundPercent', rules)).toBe('tiers.1.refundPercent');
    expect(packages.formPath('policy.tiers', rules)).toBe('tiers');
  });

  it('adds another partner’s item as a bundled line', () => {
    const line = packages.lineFromItem(item({ partnerId: otherPartnerId, partnerName: 'Costa Ferries' }), partnerId);
    expect(line).toMatchObject({ bundled: true, qty: '1', dayOffset: '0', days: '1', partnerName: 'Costa Ferries' });
    expect(packages.newRule([{ id: 'rule-1' } as never]).id).toBe('rule-2');
  });
});

describe('the bundling API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  function stub(body: unknown, status = 200) {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
      });
    });
    return calls;
  }

  it('sends list filters as a query and skips the empty ones', async () => {
    const calls = stub({ items: [item()], page: 1, pageSize: 20, total: 1 });
    const page = await api.listItems({ kind: 'tour', lang: 'de', page: 2 });
    expect(page.items[0]!.title).toBe('Sunrise hike');
    expect(calls[0]!.url).toBe('/api/catalogue/items?kind=tour&lang=de&page=2');
  });

  it('books with the Idempotency-Key header', async () => {
    const calls = stub({}, 200);
    await expect(api.bookPackage('p1', { date: '2026-07-01', party: { adult: 2 } }, 'key-1')).rejects.toMatchObject({
      code: 'invalid_response',
    });
    expect((calls[0]!.init.headers as Record<string, string>)['Idempotency-Key']).toBe('key-1');
    expect(calls[0]!.url).toBe('/api/packages/p1/book');
  });

  it('checks answers against the contract and surfaces problem codes', async () => {
    stub({ slots: [{ id: 'x' }] });
    await expect(api.getItemAvailability('i1', '2026-07-01', '2026-07-31')).rejects.toMatchObject({
      code: 'invalid_response',
    });
    stub({ type: 'about:blank', title: 'No', status: 409, code: 'partner_not_verified' }, 409);
    const error = await api.changeItemStatus('i1', 'publish').catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('partner_not_verified');
  });
});
