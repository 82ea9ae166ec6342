import { z } from 'zod';
import { roleSchema } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { BundlingContext } from '../domain/context.ts';

// The scaffold's example route: replace it with the service's first real one. Schemas the
// portal also uses belong in libs/contracts/src/http/.
const callerView = z.object({
  service: z.literal('bundling'),
  caller: z.object({ id: z.string(), roles: z.array(roleSchema) }),
});

export function bundlingRoutes(app: ServiceApp, _ctx: BundlingContext): void {
  app.get(
    '/api/packages/whoami',
    {
      preHandler: app.requireUser(),
      schema: {
        tags: ['bundling'],
        summary: 'The caller as bundling sees them (example route)',
        security: [{ bearer: [] }],
        // Documents the answer in /openapi.json and filters it: request.user also holds the
        // e-mail, which this schema does not list, so it never leaves the service.
        response: { 200: callerView },
      },
    },
    async (request) => ({ service: 'bundling' as const, caller: request.user! }),
  );
}
