import { z } from 'zod';
import { AppError, notFound, type ServiceApp } from '@tourconnect/service-kit';
import type { ServiceName } from '../config.ts';
import { fanOut } from '../upstream-client.ts';

interface Listed {
  items?: Record<string, unknown>[];
}

/**
 * One admin view over every service's dead letters and audit chain. Each service keeps its
 * own (in its own schema); the gateway asks them all with the admin's own token.
 */
export function registerAdminRoutes(app: ServiceApp, upstreams: Partial<Record<ServiceName, string>>): void {
  const guard = { preHandler: app.requireUser('admin') };
  const auth = (authorization?: string) => ({ authorization: authorization ?? '' });

  app.get(
    '/api/admin/dead-letters',
    {
      ...guard,
      schema: {
        tags: ['admin'],
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (request) => {
      const answers = await fanOut<Listed>(upstreams, `/internal/dead-letters?limit=${request.query.limit}`, {
        headers: auth(request.headers.authorization),
      });
      const items = merged(answers);
      items.sort((a, b) => String(b.deadAt ?? '').localeCompare(String(a.deadAt ?? '')));
      return { items: items.slice(0, request.query.limit), unavailable: unavailable(answers) };
    },
  );

  app.post(
    '/api/admin/dead-letters/:id/replay',
    { ...guard, schema: { tags: ['admin'], params: z.object({ id: z.string().uuid() }) } },
    async (request) => {
      const answers = await fanOut<{ replayed: boolean; error?: string }>(
        upstreams,
        `/internal/dead-letters/${request.params.id}/replay`,
        {
          method: 'POST',
          headers: auth(request.headers.authorization),
          timeoutMs: 30_000,
        },
      );
      const owner = answers.find((a) => a.status === 200);
      if (!owner) {
        if (answers.some((a) => a.status === 0 || a.status >= 500))
          throw new AppError(503, 'service_unavailable', 'A service did not answer; try again');
        throw notFound('Dead letter');
      }
      return { service: owner.service, ...owner.body };
    },
  );

  const auditQuery = z.strictObject({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    action: z.string().max(100).optional(),
    entityId: z.string().max(200).optional(),
  });
  app.get('/api/admin/audit', { ...guard, schema: { tags: ['admin'], querystring: auditQuery } }, async (request) => {
    const params = new URLSearchParams(
      Object.entries(request.query).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]])),
    );
    const answers = await fanOut<Listed>(upstreams, `/internal/audit?${params}`, {
      headers: auth(request.headers.authorization),
    });
    const items = merged(answers);
    items.sort((a, b) => String(b.occurredAt ?? '').localeCompare(String(a.occurredAt ?? '')));
    return { items: items.slice(0, request.query.limit), unavailable: unavailable(answers) };
  });

  app.get('/api/admin/audit/verify', { ...guard, schema: { tags: ['admin'] } }, async (request) => {
    const answers = await fanOut<{ ok: boolean; checked: number; firstBroken?: unknown }>(
      upstreams,
      '/internal/audit/verify',
      {
        headers: auth(request.headers.authorization),
        timeoutMs: 60_000,
      },
    );
    const services = answers
      .filter((a) => a.status !== 404)
      .map((a) =>
        a.status === 200 && a.body
          ? { service: a.service, ...a.body }
          : { service: a.service, ok: false, checked: 0, error: 'unavailable' },
      );
    return { ok: services.every((s) => s.ok), services };
  });
}

function merged(answers: { service: string; status: number; body?: Listed }[]): Record<string, unknown>[] {
  return answers.flatMap((a) =>
    a.status === 200 ? (a.body?.items ?? []).map((item) => ({ ...item, service: a.service })) : [],
  );
}

function unavailable(answers: { service: string; status: number }[]): string[] {
  return answers.filter((a) => a.status === 0 || a.status >= 500).map((a) => a.service);
}
