import type { FastifyInstance } from 'fastify';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import { createReversal, findReversal, updateReversal } from './transfer-reversals.service.ts';
import { createTransfer, findTransfer, updateTransfer } from './transfers.service.ts';

export function transferRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'POST', '/v1/transfers', ({ k, ctx, params }) => createTransfer(k, ctx, params));

  registerRoute(app, deps, 'GET', '/v1/transfers', ({ k, ctx, params }) => {
    const records = k.store
      .all('transfer', ctx.account)
      .filter(
        (r) =>
          matchesRange(Number(r.data.created), params.created) &&
          (params.destination === undefined || r.data.destination === params.destination) &&
          (params.transfer_group === undefined || r.data.transfer_group === params.transfer_group),
      );
    return paginate(records, params, '/v1/transfers', 'transfer', (r) => r.data);
  });

  registerRoute(
    app,
    deps,
    'GET',
    '/v1/transfers/:transfer',
    ({ k, ctx, path }) => findTransfer(k, ctx, path.transfer!).data,
  );

  registerRoute(app, deps, 'POST', '/v1/transfers/:transfer', ({ k, ctx, params, path }) =>
    updateTransfer(k, ctx, findTransfer(k, ctx, path.transfer!), params),
  );

  registerRoute(app, deps, 'POST', '/v1/transfers/:id/reversals', ({ k, ctx, params, path }) =>
    createReversal(k, ctx, findTransfer(k, ctx, path.id!), params),
  );

  registerRoute(app, deps, 'GET', '/v1/transfers/:id/reversals', ({ k, ctx, params, path }) => {
    const transfer = findTransfer(k, ctx, path.id!);
    const records = k.store.all('transfer_reversal', transfer.owner).filter((r) => r.data.transfer === transfer.id);
    return paginate(records, params, `/v1/transfers/${transfer.id}/reversals`, 'transfer_reversal', (r) => r.data);
  });

  registerRoute(
    app,
    deps,
    'GET',
    '/v1/transfers/:transfer/reversals/:id',
    ({ k, ctx, path }) => findReversal(k, findTransfer(k, ctx, path.transfer!), path.id!).data,
  );

  registerRoute(app, deps, 'POST', '/v1/transfers/:transfer/reversals/:id', ({ k, ctx, params, path }) => {
    const transfer = findTransfer(k, ctx, path.transfer!);
    return updateReversal(k, transfer, findReversal(k, transfer, path.id!), params);
  });
}
