import type { FastifyInstance } from 'fastify';
import { matchesRange, paginate } from '../core/pagination.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import { captureIntent, confirmIntent } from './payment-intents.confirm.ts';
import { cancelIntent, createIntent, findIntent, updateIntent } from './payment-intents.service.ts';
import { resourceMissing } from '../core/errors.ts';

export function paymentIntentRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'POST', '/v1/payment_intents', ({ k, ctx, params }) => createIntent(k, ctx, params));

  registerRoute(app, deps, 'GET', '/v1/payment_intents', ({ k, ctx, params }) => {
    const records = k.store
      .all('payment_intent', ctx.account)
      .filter((r) => matchesRange(Number(r.data.created), params.created));
    return paginate(records, params, '/v1/payment_intents', 'payment_intent', (r) => r.data);
  });

  registerRoute(
    app,
    deps,
    'GET',
    '/v1/payment_intents/:intent',
    ({ k, ctx, path }) => findIntent(k, ctx, path.intent!).data,
  );

  registerRoute(app, deps, 'POST', '/v1/payment_intents/:intent', ({ k, ctx, params, path }) =>
    updateIntent(k, ctx, findIntent(k, ctx, path.intent!), params),
  );

  registerRoute(app, deps, 'POST', '/v1/payment_intents/:intent/confirm', ({ k, ctx, params, path }) =>
    confirmIntent(k, ctx, findIntent(k, ctx, path.intent!), params),
  );

  registerRoute(app, deps, 'POST', '/v1/payment_intents/:intent/cancel', ({ k, ctx, params, path }) =>
    cancelIntent(k, ctx, findIntent(k, ctx, path.intent!), params),
  );

  registerRoute(app, deps, 'POST', '/v1/payment_intents/:intent/capture', ({ k, ctx, params, path }) =>
    captureIntent(k, ctx, findIntent(k, ctx, path.intent!), params),
  );

  registerRoute(app, deps, 'GET', '/v1/payment_methods/:payment_method', ({ k, ctx, path }) => {
    const record = k.store.find('payment_method', path.payment_method!, ctx.account);
    if (!record) throw resourceMissing('payment_method', path.payment_method!);
    return record.data;
  });
}
