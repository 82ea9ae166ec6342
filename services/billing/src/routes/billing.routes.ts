import { z } from 'zod';
import { roleSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BillingContext } from '../domain/context.ts';

// The scaffold's example route: replace it with the service's first real one. Schemas the
// portal also uses belong in libs/contracts/src/http/.
const callerView = z.object({
  service: z.literal('billing'),
  caller: z.object({ id: z.string(), roles: z.array(roleSchema) }),
});

export function billingRoutes(app: ServiceApp, _ctx: BillingContext): void {
  app.get(
    '/api/billing/whoami',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['billing'],
        summary: 'The caller as billing sees them (example route)',
        security: [{ bearer: [] }],
        // Documents the answer in /openapi.json and filters it: request.user also holds the
        // e-mail, which this schema does not list, so it never leaves the service.
        response: { 200: callerView },
      },
    },
    async (request) => ({ service: 'billing' as const, caller: request.user! }),
  );
}
