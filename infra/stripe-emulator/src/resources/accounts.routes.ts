import type { FastifyInstance } from 'fastify';
import { invalidRequest } from '../core/errors.ts';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import { createAccount, deleteAccount, findAccount, updateAccount } from './accounts.service.ts';

export function accountRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'POST', '/v1/accounts', ({ k, ctx, params }) => createAccount(k, ctx, params));

  registerRoute(app, deps, 'GET', '/v1/accounts', ({ k, ctx, params }) => {
    if (!ctx.isPlatform)
      throw invalidRequest('Only the platform can list connected accounts; remove the Stripe-Account header.');
    const platform = k.store.platformAccountId;
    const records = k.store
      .all('account', platform)
      .filter((r) => r.id !== platform && !r.internal.deleted && matchesRange(Number(r.data.created), params.created));
    return paginate(records, params, '/v1/accounts', 'account', (r) => r.data);
  });

  registerRoute(app, deps, 'GET', '/v1/account', ({ k, ctx }) => findAccount(k, ctx, ctx.account).data);

  registerRoute(
    app,
    deps,
    'GET',
    '/v1/accounts/:account',
    ({ k, ctx, path }) => findAccount(k, ctx, path.account!).data,
  );

  registerRoute(app, deps, 'POST', '/v1/accounts/:account', ({ k, ctx, params, path }) =>
    updateAccount(k, ctx, findAccount(k, ctx, path.account!), params),
  );

  registerRoute(app, deps, 'DELETE', '/v1/accounts/:account', ({ k, ctx, path }) => {
    if (!ctx.isPlatform) throw invalidRequest('Only the platform can delete connected accounts.');
    const record = findAccount(k, ctx, path.account!);
    if (record.id === k.store.platformAccountId) throw invalidRequest('The platform account cannot be deleted.');
    return deleteAccount(k, record);
  });
}
