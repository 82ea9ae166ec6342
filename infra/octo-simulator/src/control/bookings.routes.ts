// Supplier-side cancellation (weather, overbooking…): ignores the cancellation cut-off.
import type { FastifyInstance } from 'fastify';
import { cancelBySupplier } from '../bookings/lifecycle.ts';
import { bodyObject, failBadRequest as fail, optNullableString } from '../octo/body.ts';
import { capsFromList } from '../octo/capabilities.ts';
import { renderBooking } from '../render/booking.render.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import { bookingSlot } from '../webhooks/notifier.ts';
import { supplierFor } from './control-context.ts';

export function registerBookingControlRoutes(app: FastifyInstance, runtime: SimulatorRuntime): void {
  app.post<{ Params: { uuid: string } }>('/bookings/:uuid/cancel', async (request) => {
    const state = supplierFor(runtime, request);
    const body = bodyObject(request.body, fail, true);
    const reason = optNullableString(body, 'reason', fail) ?? 'Cancelled by the supplier';
    const now = runtime.clock.now();
    const booking = cancelBySupplier(state, request.params.uuid, reason, now);
    runtime.notifier.bookingChanged(state, booking);
    runtime.notifier.availabilityChanged(state, [bookingSlot(booking)]);
    return renderBooking(state, booking, capsFromList([]), now);
  });
}
