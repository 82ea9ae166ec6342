import type { FastifyInstance } from 'fastify';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import { createPayout, findPayout, updatePayout } from './payouts.service.ts';

export function payoutRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'POST', '/v1/payouts', ({ k, ctx, params }) => createPayout(k, ctx, params));

  registerRoute(app, deps, 'GET', '/v1/payouts', ({ k, ctx, params }) => {
    const records = k.store
      .all('payout', ctx.account)
      .filter(
        (r) =>
          matchesRange(Number(r.data.created), params.created) &&
          matchesRange(Number(r.data.arrival_date), params.arrival_date) &&
          (params.status === undefined || r.data.status === params.status) &&
          (params.destination === undefined || r.data.destination === params.destination),
      );
    return paginate(records, params, '/v1/payouts', 'payout', (r) => r.data);
  });

  registerRoute(app, deps, 'GET', '/v1/payouts/:payout', ({ k, ctx, path }) => findPayout(k, ctx, path.payout!).data);

  registerRoute(app, deps, 'POST', '/v1/payouts/:payout', ({ k, ctx, params, path }) =>
    updatePayout(k, ctx, findPayout(k, ctx, path.payout!), params),
  );
}
