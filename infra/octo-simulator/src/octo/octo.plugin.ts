// The OCTO API (mounted under /octo): capability headers, Bearer auth, injected faults and
// hold expiry run before every handler.
import type { FastifyInstance } from 'fastify';
import { corruptIfMarked, injectFaults } from '../faults/fault-injector.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import { registerAvailabilityRoutes } from './availability.routes.ts';
import { registerBookingRoutes } from './bookings.routes.ts';
import { CONTENT_LANGUAGE, parseCapabilitiesHeader } from './capabilities.ts';
import { authenticate, setOctoContext } from './context.ts';
import { registerCatalogueRoutes } from './catalogue.routes.ts';
import { registerWebhookRoutes } from './webhooks.routes.ts';

export function octoPlugin(runtime: SimulatorRuntime) {
  return async function octo(app: FastifyInstance): Promise<void> {
    app.addHook('onRequest', async (request, reply) => {
      const caps = parseCapabilitiesHeader(request.headers['octo-capabilities']);
      reply.header('Octo-Capabilities', caps.list.join(', '));
      if (caps.content) {
        reply.header('Content-Language', CONTENT_LANGUAGE);
        reply.header('Available-Languages', CONTENT_LANGUAGE);
      }
      const state = authenticate(runtime.store, request.headers.authorization);
      if (await injectFaults(runtime, state, request, reply)) return reply;
      runtime.sweep(state);
      setOctoContext(request, { state, caps, now: runtime.clock.now() });
      return undefined;
    });
    app.addHook('onSend', async (request, _reply, payload) => corruptIfMarked(request, payload));
    registerCatalogueRoutes(app);
    registerAvailabilityRoutes(app);
    registerBookingRoutes(app, runtime);
    registerWebhookRoutes(app);
  };
}
