import type { FastifyInstance } from 'fastify';
import { resourceMissing } from '../core/errors.ts';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import { balanceObject, refreshTxnStatus } from './ledger.ts';

export function balanceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'GET', '/v1/balance', ({ k, ctx }) => {
    const account = k.store.get(ctx.account)!;
    return balanceObject(k, ctx.account, String(account.data.default_currency));
  });

  registerRoute(app, deps, 'GET', '/v1/balance_transactions', ({ k, ctx, params }) => {
    const records = k.store.all('balance_transaction', ctx.account).filter((r) => {
      const txn = r.data;
      if (!matchesRange(Number(txn.created), params.created)) return false;
      if (params.currency !== undefined && txn.currency !== String(params.currency).toLowerCase()) return false;
      if (params.type !== undefined && txn.type !== params.type) return false;
      if (params.source !== undefined && txn.source !== params.source) return false;
      if (params.payout !== undefined && r.internal.payout !== params.payout && txn.source !== params.payout)
        return false;
      return true;
    });
    for (const record of records) refreshTxnStatus(k, record);
    return paginate(records, params, '/v1/balance_transactions', 'balance_transaction', (r) => r.data);
  });

  registerRoute(app, deps, 'GET', '/v1/balance_transactions/:id', ({ k, ctx, path }) => {
    const record = k.store.find('balance_transaction', path.id!, ctx.account);
    if (!record) throw resourceMissing('balance_transaction', path.id!);
    refreshTxnStatus(k, record);
    return record.data;
  });
}
