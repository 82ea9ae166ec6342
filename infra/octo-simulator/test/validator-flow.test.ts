// The flow the public OCTO validator runs, against the simulator, with every response body
// checked against the OCTO OpenAPI (see helpers/octo-client.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSlot, productsByKind, unitOfType, vacanciesOf } from './helpers/catalogue.ts';
import { ALL_CAPS, validatedSchemas } from './helpers/octo-client.ts';
import { startSimulator, T0, type TestSimulator } from './helpers/simulator.ts';

const at = (minutes: number): string => new Date(T0.getTime() + minutes * 60_000).toISOString().replace('.000Z', 'Z');
const contact = {
  fullName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  emailAddress: 'ada@example.com',
  phoneNumber: '+44 20 7946 0000',
  locales: ['en-GB'],
  country: 'GB',
};

describe('OCTO validator flow', () => {
  let t: TestSimulator;
  let tour: any;
  let slot: any;
  let seatsBefore: number;
  let reserved: any;
  const uuid = randomUUID();
  const pricingOf = (unitId: string) => tour.options[0].units.find((u: any) => u.id === unitId).pricingFrom[0].retail;

  beforeAll(async () => {
    t = await startSimulator();
  });
  afterAll(() => t.close());

  it('serves capabilities and the supplier', async () => {
    const caps = await t.octo.capabilities();
    expect(caps.body.map((c: any) => c.id)).toEqual(['octo/content', 'octo/pricing', 'octo/webhooks']);
    const supplier = await t.octo.supplier({ caps: ALL_CAPS });
    expect(supplier.body.endpoint).toBe(`${t.url}/octo`);
    expect(supplier.headers.get('content-language')).toBe('en');
    expect((await t.octo.supplier()).body.shortDescription).toBeUndefined();
  });

  it('lists products with capability fields only when asked for', async () => {
    for (const caps of [[], ['octo/pricing'], ['octo/content'], ALL_CAPS]) {
      const { body } = await t.octo.products({ caps });
      expect(body).toHaveLength(4);
      expect('defaultCurrency' in body[0]).toBe(caps.includes('octo/pricing'));
      expect('title' in body[0]).toBe(caps.includes('octo/content'));
    }
    ({ tour } = await productsByKind(t.octo));
    const one = await t.octo.product(tour.id, { caps: ['octo/pricing', 'octo/unknown'] });
    expect(one.headers.get('octo-capabilities')).toBe('octo/pricing');
    tour = (await t.octo.product(tour.id, { caps: ALL_CAPS })).body;
    expect(tour.options[0].units.map((u: any) => u.type)).toEqual(['ADULT', 'CHILD', 'INFANT']);
  });

  it('answers the availability calendar with one entry per day', async () => {
    const { body } = await t.octo.calendar(
      { productId: tour.id, optionId: 'DEFAULT', localDateStart: '2025-06-03', localDateEnd: '2025-06-16' },
      { caps: ALL_CAPS },
    );
    expect(body.map((d: any) => d.localDate)).toEqual(
      Array.from({ length: 14 }, (_, i) => `2025-06-${String(3 + i).padStart(2, '0')}`),
    );
    expect(body.some((d: any) => d.status === 'CLOSED')).toBe(true); // one closed weekday
    expect(body.some((d: any) => d.available)).toBe(true);
  });

  it('checks availability by date range and by availabilityIds, priced for the units asked', async () => {
    slot = await findSlot(t.octo, tour, '2025-06-04', '2025-06-10', 4);
    const adult = unitOfType(tour, 'ADULT');
    const child = unitOfType(tour, 'CHILD');
    const { body } = await t.octo.availability(
      {
        productId: tour.id,
        optionId: 'DEFAULT',
        availabilityIds: [slot.id],
        units: [
          { id: adult, quantity: 2 },
          { id: child, quantity: 1 },
        ],
      },
      { caps: ALL_CAPS },
    );
    expect(body.map((a: any) => a.id)).toEqual([slot.id]);
    expect(body[0].pricing.retail).toBe(2 * pricingOf(adult) + pricingOf(child));
    seatsBefore = slot.vacancies;
  });

  it('reserves: seats are held until utcExpiresAt; a retried uuid returns the same hold', async () => {
    const adult = unitOfType(tour, 'ADULT');
    const child = unitOfType(tour, 'CHILD');
    const request = {
      uuid,
      productId: tour.id,
      optionId: 'DEFAULT',
      availabilityId: slot.id,
      expirationMinutes: 15,
      resellerReference: 'RES-1',
      notes: 'Window seat please',
      unitItems: [{ unitId: adult }, { unitId: adult }, { unitId: child }],
    };
    reserved = (await t.octo.reserve(request, { caps: ALL_CAPS })).body;
    expect(reserved).toMatchObject({
      uuid,
      status: 'ON_HOLD',
      utcExpiresAt: at(15),
      availabilityId: slot.id,
      resellerReference: 'RES-1',
    });
    expect(reserved.pricing.retail).toBe(2 * pricingOf(adult) + pricingOf(child));
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(seatsBefore - 3);
    const retried = await t.octo.reserve(request);
    expect(retried.body.id).toBe(reserved.id);
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(seatsBefore - 3);
  });

  it('extends the hold', async () => {
    const { body } = await t.octo.extend(uuid, { expirationMinutes: 60 }, { caps: ALL_CAPS });
    expect(body).toMatchObject({ status: 'ON_HOLD', utcExpiresAt: at(60) });
  });

  it('confirms: tickets issued, the hold becomes a sale', async () => {
    t.clock.advanceMinutes(5);
    const { body } = await t.octo.confirm(uuid, { contact, resellerReference: 'RES-1' }, { caps: ALL_CAPS });
    expect(body).toMatchObject({ status: 'CONFIRMED', utcConfirmedAt: at(5), utcExpiresAt: null, cancellable: true });
    expect(body.contact.emailAddress).toBe('ada@example.com');
    expect(body.voucher.deliveryOptions[0].deliveryFormat).toBe('QRCODE');
    expect(body.unitItems.every((i: any) => i.ticket !== null && i.status === 'CONFIRMED')).toBe(true);
    expect(body.unitItems.map((i: any) => i.uuid)).toEqual(reserved.unitItems.map((i: any) => i.uuid));
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(seatsBefore - 3);
  });

  it('updates references, notes and units', async () => {
    const child = unitOfType(tour, 'CHILD');
    const unitItems = [...reserved.unitItems.map((i: any) => ({ uuid: i.uuid, unitId: i.unitId })), { unitId: child }];
    const { body } = await t.octo.update(
      uuid,
      { resellerReference: 'RES-1-B', notes: 'Changed', unitItems },
      { caps: ALL_CAPS },
    );
    expect(body).toMatchObject({ status: 'CONFIRMED', resellerReference: 'RES-1-B', notes: 'Changed' });
    expect(body.unitItems).toHaveLength(4);
    expect(body.pricing.retail).toBe(reserved.pricing.retail + pricingOf(child));
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(seatsBefore - 4);
  });

  it('cancels before the cut-off with a full refund and frees the seats', async () => {
    const { body } = await t.octo.cancel(uuid, { reason: 'Customer request' }, { caps: ALL_CAPS });
    expect(body).toMatchObject({ status: 'CANCELLED', cancellable: false });
    expect(body.cancellation).toMatchObject({ refund: 'FULL', reason: 'Customer request', utcCancelledAt: at(5) });
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(seatsBefore);
  });

  it('gets the booking', async () => {
    expect((await t.octo.booking(uuid, { caps: ALL_CAPS })).body.status).toBe('CANCELLED');
    expect((await t.octo.booking(uuid)).body.pricing).toBeUndefined();
  });

  it('lists bookings by resellerReference, supplierReference and localDate', async () => {
    const localDate = slot.id.slice(0, 10);
    const uuids = async (query: Record<string, string>) =>
      (await t.octo.bookings(query, { caps: ALL_CAPS })).body.map((b: any) => b.uuid);
    expect(await uuids({ resellerReference: 'RES-1-B' })).toEqual([uuid]);
    expect(await uuids({ resellerReference: 'RES-1' })).toEqual([]);
    expect(await uuids({ supplierReference: reserved.supplierReference })).toEqual([uuid]);
    expect(await uuids({ localDate })).toEqual([uuid]);
    expect(await uuids({ localDateStart: '2025-06-01', localDateEnd: localDate, productId: tour.id })).toEqual([uuid]);
    expect(await uuids({ localDate, optionId: 'other' })).toEqual([]);
  });

  it('books an attraction (all-day, FAMILY counts four seats) and a transfer', async () => {
    const { attraction, transfer } = await t.octo.products().then(() => productsByKind(t.octo));
    const day = await findSlot(t.octo, attraction, '2025-06-03', '2025-06-05', 6);
    expect(day).toMatchObject({ allDay: true, openingHours: attraction.options[0].units ? expect.any(Array) : [] });
    expect(day.openingHours).toHaveLength(1);
    const family = unitOfType(attraction, 'FAMILY');
    const held = await t.octo.reserve(
      { productId: attraction.id, optionId: 'DEFAULT', availabilityId: day.id, unitItems: [{ unitId: family }] },
      { caps: ALL_CAPS },
    );
    expect((await vacanciesOf(t.octo, attraction.id, day.id)).vacancies).toBe(day.vacancies - 4);
    await t.octo.confirm(held.body.uuid, { contact }, { caps: ALL_CAPS });
    const ride = await findSlot(t.octo, transfer, '2025-06-05', '2025-06-06', 1);
    const booked = await t.octo.reserve({
      productId: transfer.id,
      optionId: 'DEFAULT',
      availabilityId: ride.id,
      unitItems: [{ unitId: unitOfType(transfer, 'ADULT') }],
    });
    const confirmed = await t.octo.confirm(booked.body.uuid, {
      contact: { ...contact, phoneNumber: '+1 212 555 0100' },
    });
    expect(confirmed.body.status).toBe('CONFIRMED');
  });

  it('validated the success schema of every OCTO operation', () => {
    const ops = Object.values(t.octo.spec.doc.paths).flatMap((m) => Object.values(m).map((op) => op.operationId));
    const expected = new Set(ops.map((op) => t.octo.spec.successSchema(op)));
    expect([...expected].filter((s) => !validatedSchemas.has(s))).toEqual([]);
  });
});
