import { z } from 'zod';
import type { ServiceApp } from './service.ts';
import { notFound } from './errors.ts';

/** What a service exposes so the gateway can offer one admin view over every service. */
export interface OpsSources {
  deadLetters?: {
    list(opts: { limit: number }): Promise<unknown[]>;
    replay(id: string): Promise<{ replayed: boolean; error?: string; notFound?: boolean }>;
  };
  audit?: {
    list(query: { limit: number; beforeSeq?: number; action?: string; entityId?: string }): Promise<unknown[]>;
    verify(): Promise<{ ok: boolean; checked: number; firstBroken?: unknown }>;
  };
}

const listQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  beforeSeq: z.coerce.number().int().positive().optional(),
  action: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
});

/**
 * Internal admin endpoints (never proxied as-is: the gateway aggregates them under
 * /api/admin/*). Admin role required, with the caller's own token forwarded by the gateway.
 */
export function installOpsRoutes(app: ServiceApp, sources: OpsSources): void {
  const admin = { preHandler: app.requireUser('admin'), schema: { hide: true } } as const;
  if (sources.deadLetters) {
    const dl = sources.deadLetters;
    app.get(
      '/internal/dead-letters',
      { ...admin, schema: { hide: true, querystring: listQuery } },
      async (request) => ({
        items: await dl.list({ limit: request.query.limit }),
      }),
    );
    app.post(
      '/internal/dead-letters/:id/replay',
      { ...admin, schema: { hide: true, params: z.object({ id: z.string().uuid() }) } },
      async (request) => {
        const result = await dl.replay(request.params.id);
        if (result.notFound) throw notFound('Dead letter');
        return result;
      },
    );
  }
  if (sources.audit) {
    const audit = sources.audit;
    app.get('/internal/audit', { ...admin, schema: { hide: true, querystring: auditQuery } }, async (request) => ({
      items: await audit.list(request.query),
    }));
    app.get('/internal/audit/verify', admin, async () => audit.verify());
  }
}
