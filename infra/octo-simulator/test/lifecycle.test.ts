// Hold expiry, the cancellation cut-off, overbooking, supplier-side cancellation and
// catalogue drift, driven through the injected clock and the control surface.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSlot, productsByKind, unitOfType, vacanciesOf } from './helpers/catalogue.ts';
import { ALL_CAPS } from './helpers/octo-client.ts';
import { startSimulator, T0, type TestSimulator } from './helpers/simulator.ts';

const contact = { firstName: 'Alan', lastName: 'Turing', emailAddress: 'alan@example.com' };

describe('booking lifecycle', () => {
  let t: TestSimulator;
  let tour: any;
  let adult: string;

  const hold = async (slot: any, count = 2, extra: Record<string, unknown> = {}) =>
    (
      await t.octo.reserve({
        productId: tour.id,
        optionId: 'DEFAULT',
        availabilityId: slot.id,
        unitItems: Array.from({ length: count }, () => ({ unitId: adult })),
        ...extra,
      })
    ).body;

  beforeAll(async () => {
    t = await startSimulator();
    ({ tour } = await productsByKind(t.octo));
    adult = unitOfType(tour, 'ADULT');
  });
  beforeEach(async () => {
    t.clock.set(T0);
    await t.control('POST', '/reset', undefined, null); // all suppliers and the clock offset
  });
  afterAll(() => t.close());

  it('an expired hold frees its vacancies and can no longer be confirmed or extended', async () => {
    const slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 2);
    const held = await hold(slot, 2, { expirationMinutes: 5 });
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(slot.vacancies - 2);
    t.clock.advanceMinutes(4);
    expect((await t.octo.booking(held.uuid)).body.status).toBe('ON_HOLD');
    t.clock.advanceMinutes(2);
    const expired = (await t.octo.booking(held.uuid)).body;
    expect(expired).toMatchObject({ status: 'EXPIRED', cancellable: false });
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(slot.vacancies);
    expect((await t.octo.confirm(held.uuid, { contact })).body).toMatchObject({
      error: 'INVALID_BOOKING_UUID',
      uuid: held.uuid,
    });
    expect((await t.octo.extend(held.uuid, {})).body.error).toBe('UNPROCESSABLE_ENTITY');
    expect((await t.octo.cancel(held.uuid, {})).body.error).toBe('UNPROCESSABLE_ENTITY');
  });

  it('holds expire through the control clock too (demo without an injected clock)', async () => {
    const slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 1);
    const held = await hold(slot, 1, { expirationMinutes: 30 });
    await t.control('POST', '/clock/advance', { minutes: 31 }, null);
    expect((await t.octo.booking(held.uuid)).body.status).toBe('EXPIRED');
  });

  it('cancellation is refused after the cut-off with UNPROCESSABLE_ENTITY, allowed before', async () => {
    const slot = await findSlot(t.octo, tour, '2025-06-06', '2025-06-12', 4);
    const early = await hold(slot, 1);
    const late = await hold(slot, 1);
    for (const b of [early, late]) await t.octo.confirm(b.uuid, { contact });
    const deadline = new Date(slot.localDateTimeStart).getTime() - 24 * 3_600_000; // option: 24 hours
    t.clock.set(new Date(deadline - 60_000));
    expect((await t.octo.cancel(early.uuid, { reason: 'change of plans' })).body.status).toBe('CANCELLED');
    t.clock.set(new Date(deadline + 60_000));
    const afterCutoff = await vacanciesOf(t.octo, tour.id, slot.id);
    const refused = await t.octo.cancel(late.uuid, { reason: 'too late', force: true });
    expect(refused.body).toMatchObject({ error: 'UNPROCESSABLE_ENTITY' });
    expect(refused.body.errorMessage).toMatch(/cut-off/);
    const kept = (await t.octo.booking(late.uuid, { caps: ALL_CAPS })).body;
    expect(kept).toMatchObject({ status: 'CONFIRMED', cancellable: false, cancellation: null });
    expect((await t.octo.update(late.uuid, { notes: 'late change' })).body.error).toBe('UNPROCESSABLE_ENTITY');
    expect(await vacanciesOf(t.octo, tour.id, slot.id)).toEqual(afterCutoff);
  });

  it('selling on another channel overbooks; the supplier cancels; releasing restores', async () => {
    const slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 2);
    const booked = await hold(slot, 2);
    await t.octo.confirm(booked.uuid, { contact });
    const free = (await vacanciesOf(t.octo, tour.id, slot.id)).vacancies;
    const sold = await t.control('POST', '/availability/sell', {
      productId: tour.id,
      optionId: 'DEFAULT',
      availabilityId: slot.id,
      quantity: free + 3,
    });
    expect(sold.body).toMatchObject({ vacancies: 0, overbookedBy: 3, status: 'SOLD_OUT', otherChannelSold: free + 3 });
    expect(await vacanciesOf(t.octo, tour.id, slot.id)).toMatchObject({
      vacancies: 0,
      status: 'SOLD_OUT',
      available: false,
    });
    expect((await hold(slot, 1)).error).toBe('UNPROCESSABLE_ENTITY');
    const cancelled = await t.control('POST', `/bookings/${booked.uuid}/cancel`, { reason: 'Overbooked' });
    expect(cancelled.body).toMatchObject({
      status: 'CANCELLED',
      cancellation: { refund: 'FULL', reason: 'Overbooked' },
    });
    expect((await t.octo.booking(booked.uuid)).body.status).toBe('CANCELLED');
    const released = await t.control('POST', '/availability/release', {
      productId: tour.id,
      optionId: 'DEFAULT',
      availabilityId: slot.id,
      quantity: free + 3,
    });
    expect(released.body).toMatchObject({ overbookedBy: 0, vacancies: free + 2 });
    expect(
      (
        await t.control('POST', '/availability/sell', {
          productId: tour.id,
          optionId: 'DEFAULT',
          availabilityId: 'nope',
          quantity: 1,
        })
      ).body.error,
    ).toBe('INVALID_AVAILABILITY_ID');
  });

  it('a slot closed by the supplier cannot be sold until reopened', async () => {
    const slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 1);
    const ref = { productId: tour.id, optionId: 'DEFAULT', availabilityId: slot.id };
    await t.control('POST', '/availability/close', ref);
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).status).toBe('CLOSED');
    expect((await hold(slot, 1)).error).toBe('UNPROCESSABLE_ENTITY');
    await t.control('POST', '/availability/open', ref);
    expect((await hold(slot, 1)).status).toBe('ON_HOLD');
  });

  it('catalogue drift: removed options and units become invalid ids, old bookings still render', async () => {
    const { tour: withSunset } = await productsByKind(t.octo);
    const sunset = withSunset.options[1];
    const slot = await findSlot(t.octo, withSunset, '2025-06-05', '2025-06-12', 1, sunset.id);
    const booked = (
      await t.octo.reserve({
        productId: withSunset.id,
        optionId: sunset.id,
        availabilityId: slot.id,
        unitItems: [{ unitId: sunset.units[0].id }],
      })
    ).body;
    await t.control('DELETE', `/products/${withSunset.id}/options/${sunset.id}`);
    const after = (await t.octo.product(withSunset.id, { caps: ALL_CAPS })).body;
    expect(after.options.map((o: any) => o.id)).toEqual(['DEFAULT']);
    const again = await t.octo.reserve({
      productId: withSunset.id,
      optionId: sunset.id,
      availabilityId: slot.id,
      unitItems: [{ unitId: sunset.units[0].id }],
    });
    expect(again.body).toMatchObject({ error: 'INVALID_OPTION_ID', optionId: sunset.id });
    const old = (await t.octo.booking(booked.uuid, { caps: ALL_CAPS })).body;
    expect(old.option).toBeUndefined();
    expect(old.optionId).toBe(sunset.id);

    const child = unitOfType(tour, 'CHILD');
    await t.control('DELETE', `/products/${tour.id}/options/DEFAULT/units/${child}`);
    const daySlot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 2);
    const refused = await t.octo.reserve({
      productId: tour.id,
      optionId: 'DEFAULT',
      availabilityId: daySlot.id,
      unitItems: [{ unitId: adult }, { unitId: child }],
    });
    expect(refused.body).toMatchObject({ error: 'INVALID_UNIT_ID', unitId: child });
  });

  it('price changes apply to new sales only', async () => {
    const slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 2);
    const before = (
      await t.octo.reserve(
        { productId: tour.id, optionId: 'DEFAULT', availabilityId: slot.id, unitItems: [{ unitId: adult }] },
        { caps: ALL_CAPS },
      )
    ).body;
    const changed = await t.control('PUT', `/products/${tour.id}/options/DEFAULT/units/${adult}/price`, {
      retail: 9900,
      net: 7000,
    });
    expect(changed.body).toMatchObject({ retail: 9900, net: 7000, original: 9900 });
    const product = (await t.octo.product(tour.id, { caps: ['octo/pricing'] })).body;
    expect(product.options[0].units[0].pricingFrom[0]).toMatchObject({ retail: 9900, net: 7000 });
    const after = (
      await t.octo.reserve(
        { productId: tour.id, optionId: 'DEFAULT', availabilityId: slot.id, unitItems: [{ unitId: adult }] },
        { caps: ALL_CAPS },
      )
    ).body;
    expect(after.pricing.retail).toBe(9900);
    expect((await t.octo.booking(before.uuid, { caps: ALL_CAPS })).body.pricing.retail).toBe(before.pricing.retail);
    expect(before.pricing.retail).not.toBe(9900);
    expect(
      (await t.control('PUT', `/products/${tour.id}/options/DEFAULT/units/${adult}/price`, { retail: 100, net: 200 }))
        .body.error,
    ).toBe('BAD_REQUEST');
  });

  it('reset brings back the seeded catalogue and forgets bookings', async () => {
    const seeded = (await t.octo.product(tour.id, { caps: ALL_CAPS })).body;
    const child = unitOfType(tour, 'CHILD');
    await t.control('DELETE', `/products/${tour.id}/options/DEFAULT/units/${child}`);
    await t.control('PUT', `/products/${tour.id}/options/DEFAULT/units/${adult}/price`, { retail: 1 });
    const slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 1);
    const held = await hold(slot, 1);
    expect((await t.octo.product(tour.id, { caps: ALL_CAPS })).body).not.toEqual(seeded);
    await t.control('POST', '/reset', undefined, 'test');
    expect((await t.octo.booking(held.uuid)).body.error).toBe('INVALID_BOOKING_UUID');
    expect((await t.octo.product(tour.id, { caps: ALL_CAPS })).body).toEqual(seeded);
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(slot.vacancies);
  });
});
