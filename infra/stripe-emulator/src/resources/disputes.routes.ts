import type { FastifyInstance } from 'fastify';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import { closeDispute, findDispute, updateDispute } from './disputes.service.ts';

export function disputeRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'GET', '/v1/disputes', ({ k, ctx, params }) => {
    const records = k.store
      .all('dispute', ctx.account)
      .filter(
        (r) =>
          matchesRange(Number(r.data.created), params.created) &&
          (params.charge === undefined || r.data.charge === params.charge) &&
          (params.payment_intent === undefined || r.data.payment_intent === params.payment_intent),
      );
    return paginate(records, params, '/v1/disputes', 'dispute', (r) => r.data);
  });

  registerRoute(
    app,
    deps,
    'GET',
    '/v1/disputes/:dispute',
    ({ k, ctx, path }) => findDispute(k, ctx, path.dispute!).data,
  );

  registerRoute(app, deps, 'POST', '/v1/disputes/:dispute', ({ k, ctx, params, path }) =>
    updateDispute(k, ctx, findDispute(k, ctx, path.dispute!), params),
  );

  registerRoute(app, deps, 'POST', '/v1/disputes/:dispute/close', ({ k, ctx, path }) =>
    closeDispute(k, ctx, findDispute(k, ctx, path.dispute!)),
  );
}
