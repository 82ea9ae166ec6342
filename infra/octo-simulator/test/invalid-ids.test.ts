// Every invalid-id case the OCTO validator probes, each with its error code and field, and
// the auth errors. A refused request must leave the supplier unchanged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSlot, productsByKind, unitOfType, vacanciesOf } from './helpers/catalogue.ts';
import { ALL_CAPS } from './helpers/octo-client.ts';
import { startSimulator, type TestSimulator } from './helpers/simulator.ts';

const contact = { firstName: 'Grace', lastName: 'Hopper', emailAddress: 'grace@example.com' };

describe('invalid ids', () => {
  let t: TestSimulator;
  let tour: any;
  let slot: any;
  let adult: string;
  let booking: any;
  const unknownUuid = randomUUID();

  beforeAll(async () => {
    t = await startSimulator();
    ({ tour } = await productsByKind(t.octo));
    adult = unitOfType(tour, 'ADULT');
    slot = await findSlot(t.octo, tour, '2025-06-05', '2025-06-12', 2);
    booking = (
      await t.octo.reserve({
        productId: tour.id,
        optionId: 'DEFAULT',
        availabilityId: slot.id,
        unitItems: [{ unitId: adult }],
      })
    ).body;
  });
  afterAll(() => t.close());

  const reserveBody = (patch: Record<string, unknown>) => ({
    productId: tour.id,
    optionId: 'DEFAULT',
    availabilityId: slot.id,
    unitItems: [{ unitId: adult }],
    ...patch,
  });

  it('GET /products/{id}: INVALID_PRODUCT_ID', async () => {
    const { body } = await t.octo.product('no-such-product', { caps: ALL_CAPS });
    expect(body).toEqual({
      error: 'INVALID_PRODUCT_ID',
      errorMessage: 'The productId was missing or invalid',
      productId: 'no-such-product',
    });
  });

  it('availability calendar and check: INVALID_PRODUCT_ID and INVALID_OPTION_ID', async () => {
    const dates = { localDateStart: '2025-06-05', localDateEnd: '2025-06-06' };
    for (const call of [t.octo.calendar, t.octo.availability]) {
      expect((await call({ productId: 'nope', optionId: 'DEFAULT', ...dates })).body).toMatchObject({
        error: 'INVALID_PRODUCT_ID',
        productId: 'nope',
      });
      expect((await call({ productId: tour.id, optionId: 'nope', ...dates })).body).toMatchObject({
        error: 'INVALID_OPTION_ID',
        optionId: 'nope',
      });
      expect((await call({ optionId: 'DEFAULT', ...dates })).body).toMatchObject({
        error: 'INVALID_PRODUCT_ID',
        productId: '',
      });
    }
  });

  it('reserve: INVALID_PRODUCT_ID, INVALID_OPTION_ID, INVALID_AVAILABILITY_ID, INVALID_UNIT_ID', async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ productId: 'nope' }, { error: 'INVALID_PRODUCT_ID', productId: 'nope' }],
      [{ optionId: 'nope' }, { error: 'INVALID_OPTION_ID', optionId: 'nope' }],
      [
        { availabilityId: '2025-06-05T03:17:00-04:00' },
        { error: 'INVALID_AVAILABILITY_ID', availabilityId: '2025-06-05T03:17:00-04:00' },
      ],
      [{ availabilityId: 'tomorrow' }, { error: 'INVALID_AVAILABILITY_ID', availabilityId: 'tomorrow' }],
      [{ availabilityId: '2026-06-05T09:30:00-04:00' }, { error: 'INVALID_AVAILABILITY_ID' }], // beyond the window
      [{ availabilityId: undefined }, { error: 'INVALID_AVAILABILITY_ID', availabilityId: '' }],
      [{ unitItems: [{ unitId: 'senior_nope' }] }, { error: 'INVALID_UNIT_ID', unitId: 'senior_nope' }],
      [{ unitItems: [{ contact }] }, { error: 'INVALID_UNIT_ID', unitId: '' }],
    ];
    const before = await vacanciesOf(t.octo, tour.id, slot.id);
    for (const [patch, expected] of cases) {
      const { body } = await t.octo.reserve(reserveBody(patch), { caps: ALL_CAPS });
      expect(body).toMatchObject(expected);
    }
    expect(await vacanciesOf(t.octo, tour.id, slot.id)).toEqual(before);
    expect((await t.control('GET', '/state')).body.bookings).toHaveLength(1);
  });

  it('extend, confirm, update, cancel and get: INVALID_BOOKING_UUID with the uuid', async () => {
    const expected = { error: 'INVALID_BOOKING_UUID', uuid: unknownUuid };
    expect((await t.octo.extend(unknownUuid, { expirationMinutes: 10 })).body).toMatchObject(expected);
    expect((await t.octo.confirm(unknownUuid, { contact })).body).toMatchObject(expected);
    expect((await t.octo.update(unknownUuid, { notes: 'x' })).body).toMatchObject(expected);
    expect((await t.octo.cancel(unknownUuid, {})).body).toMatchObject(expected);
    expect((await t.octo.booking(unknownUuid)).body).toMatchObject(expected);
    expect((await t.octo.booking('not-a-uuid')).body).toMatchObject({
      error: 'INVALID_BOOKING_UUID',
      uuid: 'not-a-uuid',
    });
  });

  it('a booking of one supplier is an invalid uuid for another', async () => {
    const { body } = await t.octo.booking(booking.uuid, { key: 'acme' });
    expect(body).toMatchObject({ error: 'INVALID_BOOKING_UUID', uuid: booking.uuid });
  });

  it('update: invalid product, option, availability and unit ids leave the booking untouched', async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ productId: 'nope' }, { error: 'INVALID_PRODUCT_ID', productId: 'nope' }],
      [{ optionId: 'nope' }, { error: 'INVALID_OPTION_ID', optionId: 'nope' }],
      [{ availabilityId: '2025-06-05T03:17:00-04:00' }, { error: 'INVALID_AVAILABILITY_ID' }],
      [{ unitItems: [{ unitId: 'nope' }] }, { error: 'INVALID_UNIT_ID', unitId: 'nope' }],
    ];
    for (const [patch, expected] of cases) {
      expect((await t.octo.update(booking.uuid, { notes: 'should not stick', ...patch })).body).toMatchObject(expected);
    }
    const { body } = await t.octo.booking(booking.uuid);
    expect(body).toMatchObject({ notes: null, availabilityId: slot.id, status: 'ON_HOLD' });
    expect(body.unitItems).toHaveLength(1);
  });

  it('auth: UNAUTHORIZED without a key, FORBIDDEN with an unknown key', async () => {
    expect((await t.octo.supplier({ key: null })).body.error).toBe('UNAUTHORIZED');
    expect((await t.octo.products({ key: 'stolen' })).body.error).toBe('FORBIDDEN');
    expect((await t.octo.reserve(reserveBody({}), { key: 'stolen' })).body.error).toBe('FORBIDDEN');
    expect((await t.octo.capabilities({ key: null, offList: true })).body.error).toBe('UNAUTHORIZED');
    expect((await t.control('GET', '/state')).body.bookings).toHaveLength(1);
  });
});
