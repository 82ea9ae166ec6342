// The seeded catalogue, the availability window, capability headers, and the spec checks
// themselves (both spec files agree on response schemas; the validator does reject bad bodies).
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocalIso, localToUtc } from '../src/lib/time.ts';
import { productsByKind } from './helpers/catalogue.ts';
import { ALL_CAPS } from './helpers/octo-client.ts';
import { loadSpec, OctoSpec, TYPES_SPEC } from './helpers/octo-spec.ts';
import { startSimulator, T0, type TestSimulator } from './helpers/simulator.ts';

describe('seeded catalogue', () => {
  let t: TestSimulator;
  let twin: TestSimulator;

  beforeAll(async () => {
    [t, twin] = await Promise.all([startSimulator(), startSimulator()]);
  });
  afterAll(() => Promise.all([t.close(), twin.close()]));

  it('is deterministic per key and different between keys', async () => {
    const a = await t.octo.products({ caps: ALL_CAPS });
    const b = await twin.octo.products({ caps: ALL_CAPS });
    expect(b.body).toEqual(a.body);
    const acme = await t.octo.products({ key: 'acme' });
    expect(acme.body.map((p: any) => p.id)).not.toEqual(a.body.map((p: any) => p.id));
    const [test, other] = await Promise.all([t.octo.supplier(), t.octo.supplier({ key: 'acme' })]);
    expect(test.body.id).not.toBe(other.body.id);
  });

  it('has timed tours, an attraction with opening hours and a transfer, priced in minor units', async () => {
    const { products, tour, secondTour, attraction, transfer } = await productsByKind(t.octo);
    expect(products).toHaveLength(4);
    expect([tour, secondTour, attraction, transfer].every(Boolean)).toBe(true);
    expect(attraction.availabilityType).toBe('OPENING_HOURS');
    expect(attraction.options[0].availabilityLocalStartTimes).toEqual(['00:00']);
    expect(transfer.options[0].availabilityLocalStartTimes).toHaveLength(9);
    const priced = (await t.octo.products({ caps: ['octo/pricing'] })).body;
    for (const product of priced) {
      for (const unit of product.options.flatMap((o: any) => o.units)) {
        const [price] = unit.pricingFrom;
        expect(Number.isInteger(price.retail) && Number.isInteger(price.net)).toBe(true);
        expect(price.net).toBeLessThanOrEqual(price.retail);
        expect(price.currency).toBe(product.defaultCurrency);
      }
    }
    const family = attraction.options[0].units.find((u: any) => u.type === 'FAMILY');
    expect(family.restrictions.paxCount).toBe(4);
    expect(tour.options[0]).toMatchObject({
      cancellationCutoff: '24 hours',
      cancellationCutoffAmount: 24,
      cancellationCutoffUnit: 'hour',
    });
  });

  it('publishes a rolling availability window that follows the clock', async () => {
    const { tour } = await productsByKind(t.octo);
    const calendar = async () =>
      (
        await t.octo.calendar({
          productId: tour.id,
          optionId: 'DEFAULT',
          localDateStart: '2025-06-02',
          localDateEnd: '2025-10-20',
        })
      ).body;
    const days = await calendar();
    const lastOpen = days.filter((d: any) => d.status !== 'CLOSED').at(-1).localDate;
    expect(lastOpen >= '2025-09-25' && lastOpen <= '2025-09-29').toBe(true); // today + 119 days
    expect(days.slice(120).every((d: any) => d.status === 'CLOSED' && d.capacity === 0)).toBe(true);
    t.clock.set(new Date(T0.getTime() + 10 * 86_400_000));
    try {
      const moved = await t.octo.calendar({
        productId: tour.id,
        optionId: 'DEFAULT',
        localDateStart: '2025-06-12',
        localDateEnd: '2025-10-20',
      });
      expect(moved.body.filter((d: any) => d.status !== 'CLOSED').at(-1).localDate > lastOpen).toBe(true);
    } finally {
      t.clock.set(T0);
    }
  });

  it('carries the zone offset in availability ids, daylight saving included', () => {
    expect(formatLocalIso(localToUtc('2025-01-15', '09:00', 'Europe/London'), 'Europe/London')).toBe(
      '2025-01-15T09:00:00+00:00',
    );
    expect(formatLocalIso(localToUtc('2025-07-15', '09:00', 'Europe/London'), 'Europe/London')).toBe(
      '2025-07-15T09:00:00+01:00',
    );
    expect(localToUtc('2025-11-03', '09:30', 'America/New_York').toISOString()).toBe('2025-11-03T14:30:00.000Z');
    expect(formatLocalIso(localToUtc('2025-06-02', '00:00', 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(
      '2025-06-02T00:00:00+09:00',
    );
  });

  it('echoes supported capabilities and sends content headers; trailing slashes work', async () => {
    const res = await fetch(`${t.url}/octo/products/`, {
      headers: { authorization: 'Bearer test', 'octo-capabilities': 'octo/content,octo/cart,OCTO/PRICING' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('octo-capabilities')).toBe('octo/content, octo/pricing');
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('available-languages')).toBe('en');
    const plain = await fetch(`${t.url}/octo/supplier/`, { headers: { authorization: 'Bearer test' } });
    expect(plain.headers.get('octo-capabilities')).toBe('');
    expect(plain.headers.get('content-language')).toBeNull();
    const missing = await fetch(`${t.url}/octo/vouchers`, { headers: { authorization: 'Bearer test' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: 'BAD_REQUEST',
      errorMessage: 'No such endpoint: GET /octo/vouchers',
    });
  });
});

describe('the OCTO spec checks', () => {
  const spec = new OctoSpec();

  it('both spec files define the same response schemas, so validating against one covers both', () => {
    const canonical = spec.doc.components.schemas;
    const types = loadSpec(TYPES_SPEC).components.schemas;
    const reachable = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') {
          const name = v.replace('#/components/schemas/', '');
          if (!reachable.has(name)) {
            reachable.add(name);
            visit(canonical[name]);
          }
        } else visit(v);
      }
    };
    for (const methods of Object.values(spec.doc.paths)) {
      for (const op of Object.values(methods)) visit(op.responses);
    }
    expect(reachable.size).toBeGreaterThan(40);
    expect([...reachable].filter((name) => !isDeepStrictEqual(canonical[name], types[name]))).toEqual([]);
  });

  it('rejects bodies that are off spec', () => {
    const pricing = { original: 100, retail: 100, net: 80, currency: 'EUR', currencyPrecision: 2, includedTaxes: [] };
    expect(() => spec.assert('Pricing', pricing)).not.toThrow();
    expect(() => spec.assert('Pricing', { ...pricing, net: null })).not.toThrow(); // nullable
    expect(() => spec.assert('Pricing', { ...pricing, retail: null })).toThrow(/retail/);
    expect(() => spec.assert('Pricing', { ...pricing, retail: 1.5 })).toThrow();
    expect(() => spec.assert('Pricing', { ...pricing, discount: 0 })).toThrow(/additional/);
    const { currency: _c, ...missing } = pricing;
    expect(() => spec.assert('Pricing', missing)).toThrow(/currency/);
    const error = { error: 'INVALID_PRODUCT_ID', errorMessage: 'x', productId: 'p' };
    expect(() => spec.assert('ErrorInvalidProductID', error)).not.toThrow();
    expect(() => spec.assert('ErrorInvalidProductID', { ...error, productId: undefined })).toThrow(/productId/);
    const supplier = {
      id: 's',
      name: 'n',
      endpoint: 'http://x/octo',
      contact: { website: null, email: null, telephone: null, address: null },
    };
    expect(() => spec.assert('Supplier', supplier)).not.toThrow();
    expect(() => spec.assert('Supplier', supplier, ['octo/content'])).toThrow(/shortDescription/);
    expect(() => spec.assert('Supplier', { ...supplier, shortDescription: null, media: [] })).toThrow(/additional/);
    expect(() => spec.assert('Supplier', { ...supplier, endpoint: 'not a uri' })).toThrow(/uri/);
  });
});
