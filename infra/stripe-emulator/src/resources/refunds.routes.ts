import type { FastifyInstance } from 'fastify';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import { createRefund, findRefund, updateRefund } from './refunds.service.ts';

export function refundRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'POST', '/v1/refunds', ({ k, ctx, params }) => createRefund(k, ctx, params));

  registerRoute(app, deps, 'GET', '/v1/refunds', ({ k, ctx, params }) => {
    const records = k.store
      .all('refund', ctx.account)
      .filter(
        (r) =>
          matchesRange(Number(r.data.created), params.created) &&
          (params.charge === undefined || r.data.charge === params.charge) &&
          (params.payment_intent === undefined || r.data.payment_intent === params.payment_intent),
      );
    return paginate(records, params, '/v1/refunds', 'refund', (r) => r.data);
  });

  registerRoute(app, deps, 'GET', '/v1/refunds/:refund', ({ k, ctx, path }) => findRefund(k, ctx, path.refund!).data);

  registerRoute(app, deps, 'POST', '/v1/refunds/:refund', ({ k, ctx, params, path }) =>
    updateRefund(k, ctx, findRefund(k, ctx, path.refund!), params),
  );
}
