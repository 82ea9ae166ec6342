// Bad input is answered with an OCTO error and changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSlot, productsByKind, unitOfType, vacanciesOf } from './helpers/catalogue.ts';
import { startSimulator, type TestSimulator } from './helpers/simulator.ts';

describe('bad input', () => {
  let t: TestSimulator;
  let tour: any;
  let slot: any;
  let adult: string;
  let seats: number;

  const reserveBody = (patch: Record<string, unknown> = {}) => ({
    productId: tour.id,
    optionId: 'DEFAULT',
    availabilityId: slot.id,
    unitItems: [{ unitId: adult }],
    ...patch,
  });
  const bookingCount = async () => (await t.control('GET', '/state')).body.bookings.length as number;

  beforeAll(async () => {
    t = await startSimulator();
    ({ tour } = await productsByKind(t.octo));
    adult = unitOfType(tour, 'ADULT');
    slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 2);
  });
  beforeEach(async () => {
    await t.control('POST', '/reset');
    seats = (await vacanciesOf(t.octo, tour.id, slot.id)).vacancies;
  });
  afterAll(async () => {
    // Nothing that was refused may have taken a seat.
    expect((await vacanciesOf(t.octo, tour.id, slot.id)).vacancies).toBe(seats);
    await t.close();
  });

  it('malformed JSON → BAD_REQUEST on every body-taking endpoint', async () => {
    const broken = { rawBody: '{"productId": "x",', offList: true };
    expect((await t.octo.call('Bookings_BookingReservation', 'POST', '/bookings', broken)).body).toMatchObject({
      error: 'BAD_REQUEST',
      errorMessage: 'The request body is not valid JSON',
    });
    expect((await t.octo.call('Availabilities_AvailabilityCheck', 'POST', '/availability', broken)).body.error).toBe(
      'BAD_REQUEST',
    );
    expect(
      (await t.octo.call('Availabilities_AvailabilityCalendar', 'POST', '/availability/calendar', broken)).body.error,
    ).toBe('BAD_REQUEST');
    const plain = { rawBody: 'productId=x', contentType: 'text/plain', offList: true };
    expect((await t.octo.call('Bookings_BookingReservation', 'POST', '/bookings', plain)).body).toMatchObject({
      error: 'BAD_REQUEST',
      errorMessage: 'Content-Type must be application/json',
    });
    expect(await bookingCount()).toBe(0);
  });

  it('missing fields → the error code the operation documents', async () => {
    expect((await t.octo.reserve(reserveBody({ unitItems: undefined }))).body).toMatchObject({
      error: 'UNPROCESSABLE_ENTITY',
      errorMessage: 'unitItems must be a non-empty array',
    });
    expect((await t.octo.reserve(reserveBody({ unitItems: [] }))).body.error).toBe('UNPROCESSABLE_ENTITY');
    expect((await t.octo.reserve([1, 2])).body.error).toBe('UNPROCESSABLE_ENTITY');
    expect((await t.octo.calendar({ productId: tour.id, optionId: 'DEFAULT' })).body).toMatchObject({
      error: 'BAD_REQUEST',
      errorMessage: 'localDateStart and localDateEnd are required',
    });
    expect((await t.octo.availability({ productId: tour.id, optionId: 'DEFAULT' })).body).toMatchObject({
      error: 'BAD_REQUEST',
      errorMessage: 'either localDate, localDateStart/localDateEnd or availabilityIds is required',
    });
    expect(
      (await t.octo.availability({ productId: tour.id, optionId: 'DEFAULT', localDateStart: '2025-06-05' })).body.error,
    ).toBe('BAD_REQUEST');
    expect((await t.octo.bookings({}, { offList: true })).body).toMatchObject({
      error: 'BAD_REQUEST',
      errorMessage: 'either resellerReference, supplierReference, localDate or localDateStart/localDateEnd is required',
    });
    expect(await bookingCount()).toBe(0);
  });

  it('dates out of order, in the past, malformed or too far apart → BAD_REQUEST', async () => {
    const ask = (localDateStart: string, localDateEnd: string) =>
      t.octo.calendar({ productId: tour.id, optionId: 'DEFAULT', localDateStart, localDateEnd });
    expect((await ask('2025-06-10', '2025-06-05')).body.errorMessage).toBe(
      'localDateEnd must not be before localDateStart',
    );
    expect((await ask('2025-05-30', '2025-06-05')).body.errorMessage).toBe('localDateStart 2025-05-30 is in the past');
    expect((await ask('2025-06-31', '2025-07-05')).body.error).toBe('BAD_REQUEST');
    expect((await ask('2025-06-05', '2026-06-06')).body.errorMessage).toBe(
      'cannot request more than 1 year of availability',
    );
    const past = await t.octo.availability({ productId: tour.id, optionId: 'DEFAULT', localDate: '2025-06-01' });
    expect(past.body.error).toBe('BAD_REQUEST');
    expect(
      (await t.octo.bookings({ localDateStart: '2025-06-09', localDateEnd: '2025-06-01' }, { offList: true })).body
        .error,
    ).toBe('BAD_REQUEST');
  });

  it('wrong types → the documented validation error, no hold taken', async () => {
    expect((await t.octo.reserve(reserveBody({ expirationMinutes: 'ten' }))).body.error).toBe('UNPROCESSABLE_ENTITY');
    expect((await t.octo.reserve(reserveBody({ expirationMinutes: 0 }))).body.error).toBe('UNPROCESSABLE_ENTITY');
    expect((await t.octo.reserve(reserveBody({ uuid: 'not-a-uuid' }))).body.errorMessage).toBe('uuid must be a UUID');
    expect((await t.octo.reserve(reserveBody({ contact: { emailAddress: 'nope' } }))).body.error).toBe(
      'UNPROCESSABLE_ENTITY',
    );
    expect((await t.octo.reserve(reserveBody({ productId: 42 }))).body.error).toBe('UNPROCESSABLE_ENTITY');
    const units = { productId: tour.id, optionId: 'DEFAULT', availabilityIds: [slot.id] };
    expect((await t.octo.availability({ ...units, units: [{ id: adult, quantity: -1 }] })).body.error).toBe(
      'BAD_REQUEST',
    );
    expect((await t.octo.availability({ ...units, units: [{ id: 'ghost', quantity: 1 }] })).body.error).toBe(
      'BAD_REQUEST',
    );
    expect(await bookingCount()).toBe(0);
  });

  it('quantities beyond vacancies, maxUnits or unit rules → UNPROCESSABLE_ENTITY', async () => {
    const many = Array.from({ length: seats + 1 }, () => ({ unitId: adult }));
    const beyond = await t.octo.reserve(reserveBody({ unitItems: many }));
    expect(beyond.body.error).toBe('UNPROCESSABLE_ENTITY');
    const eleven = Array.from({ length: 11 }, () => ({ unitId: adult }));
    expect((await t.octo.reserve(reserveBody({ unitItems: eleven }))).body.errorMessage).toBe(
      'Validation failed: Maximum units is 10',
    );
    const infantAlone = [{ unitId: unitOfType(tour, 'INFANT') }];
    expect((await t.octo.reserve(reserveBody({ unitItems: infantAlone }))).body.errorMessage).toMatch(
      /accompanied by an adult/,
    );
    const check = await t.octo.availability({
      productId: tour.id,
      optionId: 'DEFAULT',
      availabilityIds: [slot.id],
      units: [{ id: adult, quantity: seats + 1 }],
    });
    expect(check.body[0]).toMatchObject({ status: 'SOLD_OUT', available: false, vacancies: seats });
    expect(await bookingCount()).toBe(0);
  });

  it('a confirmation missing required contact fields is refused and the hold stays', async () => {
    const held = (await t.octo.reserve(reserveBody())).body;
    const refused = await t.octo.confirm(held.uuid, { contact: { firstName: 'Ada' } });
    expect(refused.body).toMatchObject({
      error: 'UNPROCESSABLE_ENTITY',
      errorMessage: 'Validation failed: contact.lastName, contact.emailAddress is required',
    });
    expect((await t.octo.confirm(held.uuid, {})).body.error).toBe('UNPROCESSABLE_ENTITY');
    expect((await t.octo.booking(held.uuid)).body.status).toBe('ON_HOLD');
    expect((await t.octo.extend(held.uuid, { expirationMinutes: 100_000 })).body.error).toBe('UNPROCESSABLE_ENTITY');
    await t.octo.cancel(held.uuid, {});
  });

  it('a slot past its booking cut-off is closed for sale', async () => {
    t.clock.set(new Date(new Date(slot.utcCutoffAt).getTime() + 60_000));
    try {
      const closed = await vacanciesOf(t.octo, tour.id, slot.id);
      expect(closed).toMatchObject({ status: 'CLOSED', available: false });
      expect((await t.octo.reserve(reserveBody())).body.errorMessage).toMatch(/closed for sale/);
      expect(await bookingCount()).toBe(0);
    } finally {
      t.clock.set(new Date('2025-06-02T12:00:00Z'));
    }
  });
});
