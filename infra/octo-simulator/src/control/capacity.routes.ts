// Capacity changes from the supplier's other sales channels: selling seats elsewhere (which
// can push a slot past its capacity: overbooking), releasing them, closing/opening a slot.
import type { FastifyInstance } from 'fastify';
import { slotKey } from '../bookings/booking-types.ts';
import { resolveSlot } from '../bookings/slot-check.ts';
import { backgroundLoad, slotState } from '../availability/vacancy.ts';
import { bodyObject, failBadRequest as fail, optInteger } from '../octo/body.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import { slotOverride, type SlotOverride } from '../state/supplier-state.ts';
import { productAndOption, supplierFor } from './control-context.ts';

type Change = (override: SlotOverride, quantity: number, background: number) => void;

const CHANGES: Record<string, { needsQuantity: boolean; apply: Change }> = {
  sell: { needsQuantity: true, apply: (o, q) => (o.otherChannelSold += q) },
  // Releasing cannot free more seats than other channels hold (background sales included).
  release: { needsQuantity: true, apply: (o, q, bg) => (o.otherChannelSold = Math.max(-bg, o.otherChannelSold - q)) },
  close: { needsQuantity: false, apply: (o) => (o.closed = true) },
  open: { needsQuantity: false, apply: (o) => (o.closed = false) },
};

export function registerCapacityRoutes(app: FastifyInstance, runtime: SimulatorRuntime): void {
  app.post<{ Params: { action: string } }>('/availability/:action', async (request, reply) => {
    const change = CHANGES[request.params.action];
    if (!change) return reply.callNotFound();
    const state = supplierFor(runtime, request);
    const now = runtime.clock.now();
    const body = bodyObject(request.body, fail);
    const { product, option } = productAndOption(state, body.productId, body.optionId);
    const slot = resolveSlot(product, option, typeof body.availabilityId === 'string' ? body.availabilityId : '', now);
    const quantity = optInteger(body, 'quantity', fail, { min: 1, max: 100_000 });
    if (change.needsQuantity && quantity === undefined) throw fail('quantity is required');
    const override = slotOverride(state, slotKey(product.id, option.id, slot.id));
    change.apply(override, quantity ?? 0, backgroundLoad(state, slot, option.capacity));
    runtime.notifier.availabilityChanged(state, [
      { productId: product.id, optionId: option.id, availabilityId: slot.id },
    ]);
    const current = slotState(state, product, option, slot, now);
    return {
      productId: product.id,
      optionId: option.id,
      availabilityId: slot.id,
      otherChannelSold: override.otherChannelSold,
      closed: override.closed,
      ...current,
    };
  });
}
