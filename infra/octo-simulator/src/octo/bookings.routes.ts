// The booking endpoints. Each state change is announced through webhooks: booking_update
// for changes to an existing booking, availability_update when seats were taken or freed.
import type { FastifyInstance } from 'fastify';
import { seatsOf } from '../availability/vacancy.ts';
import type { BookingRecord } from '../bookings/booking-types.ts';
import { cancel, confirm, extend, getBooking, optionOf } from '../bookings/lifecycle.ts';
import { listBookings } from '../bookings/list.ts';
import { reserve } from '../bookings/reserve.ts';
import { update } from '../bookings/update.ts';
import { renderBooking } from '../render/booking.render.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import { bookingSlot } from '../webhooks/notifier.ts';
import { octoContext } from './context.ts';

type UuidRoute = { Params: { uuid: string } };

export function registerBookingRoutes(app: FastifyInstance, runtime: SimulatorRuntime): void {
  const { notifier } = runtime;

  app.post('/bookings', async (request) => {
    const { state, caps, now } = octoContext(request);
    const { booking, created } = reserve(state, request.body, now, caps);
    if (created) notifier.availabilityChanged(state, [bookingSlot(booking)]);
    return renderBooking(state, booking, caps, now);
  });

  app.get('/bookings', async (request) => {
    const { state, caps, now } = octoContext(request);
    return listBookings(state, request.query).map((b) => renderBooking(state, b, caps, now));
  });

  app.get<UuidRoute>('/bookings/:uuid', async (request) => {
    const { state, caps, now } = octoContext(request);
    return renderBooking(state, getBooking(state, request.params.uuid), caps, now);
  });

  app.patch<UuidRoute>('/bookings/:uuid', async (request) => {
    const { state, caps, now } = octoContext(request);
    const { booking, touchedSlots } = update(state, request.params.uuid, request.body, now);
    notifier.bookingChanged(state, booking);
    if (touchedSlots.length > 0) {
      notifier.availabilityChanged(
        state,
        touchedSlots.map((key) => {
          const [productId = '', optionId = '', availabilityId = ''] = key.split('|');
          return { productId, optionId, availabilityId };
        }),
      );
    }
    return renderBooking(state, booking, caps, now);
  });

  app.post<UuidRoute>('/bookings/:uuid/confirm', async (request) => {
    const { state, caps, now } = octoContext(request);
    const seats = (b: BookingRecord): number => seatsOf(optionOf(state, b), b);
    const before = state.bookings.has(request.params.uuid) ? seats(getBooking(state, request.params.uuid)) : 0;
    const booking = confirm(state, request.params.uuid, request.body, now);
    notifier.bookingChanged(state, booking);
    if (seats(booking) !== before) notifier.availabilityChanged(state, [bookingSlot(booking)]);
    return renderBooking(state, booking, caps, now);
  });

  app.post<UuidRoute>('/bookings/:uuid/extend', async (request) => {
    const { state, caps, now } = octoContext(request);
    const booking = extend(state, request.params.uuid, request.body, now);
    notifier.bookingChanged(state, booking);
    return renderBooking(state, booking, caps, now);
  });

  app.post<UuidRoute>('/bookings/:uuid/cancel', async (request) => {
    const { state, caps, now } = octoContext(request);
    const { booking, changed } = cancel(state, request.params.uuid, request.body, now);
    if (changed) {
      notifier.bookingChanged(state, booking);
      notifier.availabilityChanged(state, [bookingSlot(booking)]);
    }
    return renderBooking(state, booking, caps, now);
  });
}
