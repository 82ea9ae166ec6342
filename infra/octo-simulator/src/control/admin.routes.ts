// Health, supplier overview, state inspection, webhook deliveries, clock and reset.
import type { FastifyInstance } from 'fastify';
import { bodyObject, failBadRequest as fail, optInteger } from '../octo/body.ts';
import { toUtcIso } from '../lib/time.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import { bearerKey } from '../octo/context.ts';
import { octoErrors } from '../octo/errors.ts';
import { supplierFor } from './control-context.ts';

function overview(state: SupplierState) {
  const s = state.catalogue;
  return {
    key: state.key,
    supplierId: s.id,
    name: s.name,
    city: s.city,
    timeZone: s.timeZone,
    currency: s.currency,
    products: s.products.map((p) => ({
      id: p.id,
      kind: p.kind,
      internalName: p.internalName,
      availabilityType: p.availabilityType,
      options: p.options.map((o) => ({
        id: o.id,
        internalName: o.internalName,
        removed: o.removed,
        capacity: o.capacity,
        units: o.units.map((u) => ({ id: u.id, type: u.type, removed: u.removed, ...u.price })),
      })),
    })),
  };
}

export function registerAdminRoutes(app: FastifyInstance, runtime: SimulatorRuntime): void {
  app.get('/health', async () => ({ status: 'ok', suppliers: runtime.store.all().length }));

  app.get('/suppliers', async () => runtime.store.all().map(overview));

  app.get('/state', async (request) => {
    const state = supplierFor(runtime, request);
    return {
      ...overview(state),
      now: toUtcIso(runtime.clock.now()),
      faults: state.faults,
      webhooks: state.subscriptions.size,
      bookings: [...state.bookings.values()].map((b) => ({
        uuid: b.uuid,
        status: b.status,
        supplierReference: b.supplierReference,
        productId: b.productId,
        optionId: b.optionId,
        availabilityId: b.availabilityId,
        units: b.unitItems.length,
      })),
    };
  });

  app.get('/webhooks/deliveries', async (request) => supplierFor(runtime, request).deliveries);

  app.get('/clock', async () => ({ now: toUtcIso(runtime.clock.now()) }));

  app.post('/clock/advance', async (request) => {
    const body = bodyObject(request.body, fail);
    const minutes = optInteger(body, 'minutes', fail, { min: 1, max: 525_600 });
    if (minutes === undefined) throw fail('minutes is required');
    runtime.clock.advance(minutes);
    runtime.sweepAll();
    return { now: toUtcIso(runtime.clock.now()) };
  });

  /** With a Bearer key: that supplier only; without: every supplier and the clock offset. */
  app.post('/reset', async (request) => {
    const auth = request.headers.authorization;
    if (auth) {
      const key = bearerKey(auth);
      if (!key || !runtime.store.get(key)) throw octoErrors.forbidden();
      runtime.reset(key);
      return { reset: [key] };
    }
    const keys = runtime.store.all().map((s) => s.key);
    for (const key of keys) runtime.reset(key);
    runtime.clock.reset();
    return { reset: keys };
  });
}
