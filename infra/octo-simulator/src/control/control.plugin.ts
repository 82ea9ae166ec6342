// The control surface for tests and demos (mounted under /_simulator). Not part of OCTO.
import type { FastifyInstance } from 'fastify';
import type { SimulatorRuntime } from '../state/runtime.ts';
import { registerAdminRoutes } from './admin.routes.ts';
import { registerBookingControlRoutes } from './bookings.routes.ts';
import { registerCapacityRoutes } from './capacity.routes.ts';
import { registerCatalogueControlRoutes } from './catalogue.routes.ts';
import { registerFaultRoutes } from './faults.routes.ts';

export function controlPlugin(runtime: SimulatorRuntime) {
  return async function control(app: FastifyInstance): Promise<void> {
    registerAdminRoutes(app, runtime);
    registerCapacityRoutes(app, runtime);
    registerCatalogueControlRoutes(app, runtime);
    registerBookingControlRoutes(app, runtime);
    registerFaultRoutes(app, runtime);
  };
}
