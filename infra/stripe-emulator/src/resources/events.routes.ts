import type { FastifyInstance } from 'fastify';
import { resourceMissing } from '../core/errors.ts';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';

/** Event type filters accept one `*` wildcard, as Stripe's do (`charge.*`). */
function typeMatches(type: string, pattern: string): boolean {
  if (!pattern.includes('*')) return type === pattern;
  const [prefix = '', suffix = ''] = pattern.split('*', 2);
  return type.startsWith(prefix) && type.endsWith(suffix);
}

export function eventRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'GET', '/v1/events', ({ k, ctx, params }) => {
    const types = Array.isArray(params.types) ? params.types.map(String) : undefined;
    const records = k.store.all('event', ctx.account).filter((r) => {
      const type = String(r.data.type);
      if (!matchesRange(Number(r.data.created), params.created)) return false;
      if (typeof params.type === 'string' && !typeMatches(type, params.type)) return false;
      if (types && !types.includes(type)) return false;
      if (params.delivery_success !== undefined && (Number(r.data.pending_webhooks) === 0) !== params.delivery_success)
        return false;
      return true;
    });
    return paginate(records, params, '/v1/events', 'event', (r) => r.data);
  });

  registerRoute(app, deps, 'GET', '/v1/events/:id', ({ k, ctx, path }) => {
    const record = k.store.find('event', path.id!, ctx.account);
    if (!record) throw resourceMissing('event', path.id!);
    return record.data;
  });
}
