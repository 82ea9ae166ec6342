import type { FastifyInstance } from 'fastify';
import { invalidParam, resourceMissing } from '../core/errors.ts';
import { applyMetadata } from '../core/metadata.ts';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import { originOf, type Kernel, type RequestContext } from '../kernel.ts';
import type { StoredRecord } from '../state/types.ts';
import { emitEvent, previousAttributes } from './events.service.ts';
import { clone } from '../core/clone.ts';

export function findCharge(k: Kernel, ctx: RequestContext, id: string, param?: string): StoredRecord {
  const record = k.store.find('charge', id, ctx.account);
  if (!record) throw resourceMissing('charge', id, param);
  return record;
}

export function chargeRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'GET', '/v1/charges', ({ k, ctx, params }) => {
    const records = k.store
      .all('charge', ctx.account)
      .filter(
        (r) =>
          matchesRange(Number(r.data.created), params.created) &&
          (params.payment_intent === undefined || r.data.payment_intent === params.payment_intent) &&
          (params.transfer_group === undefined || r.data.transfer_group === params.transfer_group),
      );
    return paginate(records, params, '/v1/charges', 'charge', (r) => r.data);
  });

  registerRoute(app, deps, 'GET', '/v1/charges/:charge', ({ k, ctx, path }) => findCharge(k, ctx, path.charge!).data);

  registerRoute(app, deps, 'POST', '/v1/charges/:charge', ({ k, ctx, params, path }) => {
    const charge = findCharge(k, ctx, path.charge!).data;
    if (typeof params.customer === 'string') throw resourceMissing('customer', params.customer, 'customer');
    if (
      params.transfer_group !== undefined &&
      charge.transfer_group !== null &&
      charge.transfer_group !== params.transfer_group
    ) {
      throw invalidParam('The transfer_group of a charge can only be set once.', 'transfer_group');
    }
    const before = clone(charge);
    for (const field of ['description', 'receipt_email', 'transfer_group'])
      if (params[field] !== undefined) charge[field] = params[field];
    if (params.fraud_details !== undefined) charge.fraud_details = params.fraud_details;
    charge.metadata = applyMetadata(charge.metadata as Record<string, string>, params.metadata);
    const previous = previousAttributes(before, charge);
    if (Object.keys(previous).length > 0) emitEvent(k, 'charge.updated', charge, originOf(ctx), previous);
    return charge;
  });
}
