// Webhook endpoints of the platform. `connect: true` endpoints receive the events of
// connected accounts (event.account set); others receive the platform's own events.
import type { FastifyInstance } from 'fastify';
import { invalidParam, invalidRequest, resourceMissing } from '../core/errors.ts';
import { newId, newSecret } from '../core/ids.ts';
import { applyMetadata } from '../core/metadata.ts';
import { paginate } from '../core/pagination.ts';
import type { Params } from '../core/param-validator.ts';
import { registerRoute, type RouteDeps } from '../http/route.ts';
import type { Kernel, RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';

const VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;

function checkUrl(value: unknown): string {
  const url = String(value);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidParam(`Invalid URL: ${url}`, 'url', 'url_invalid');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw invalidParam(`Invalid URL: ${url}. URLs must use http or https.`, 'url', 'url_invalid');
  return url;
}

function platformOnly(ctx: RequestContext): void {
  if (!ctx.isPlatform)
    throw invalidRequest(
      'Webhook endpoints belong to the platform; remove the Stripe-Account header (use connect=true to receive connected-account events).',
    );
}

function findEndpoint(k: Kernel, ctx: RequestContext, id: string): StoredRecord {
  platformOnly(ctx);
  const record = k.store.find('webhook_endpoint', id, ctx.account);
  if (!record) throw resourceMissing('webhook_endpoint', id);
  return record;
}

function update(record: StoredRecord, params: Params): ApiObject {
  const endpoint = record.data;
  if (params.url !== undefined) endpoint.url = checkUrl(params.url);
  if (params.enabled_events !== undefined) endpoint.enabled_events = params.enabled_events;
  if (params.description !== undefined) endpoint.description = params.description === '' ? null : params.description;
  if (params.disabled !== undefined) endpoint.status = params.disabled ? 'disabled' : 'enabled';
  endpoint.metadata = applyMetadata(endpoint.metadata as Record<string, string>, params.metadata);
  return endpoint;
}

export function webhookEndpointRoutes(app: FastifyInstance, deps: RouteDeps): void {
  registerRoute(app, deps, 'POST', '/v1/webhook_endpoints', ({ k, ctx, params }) => {
    platformOnly(ctx);
    if (params.api_version !== undefined && !VERSION_PATTERN.test(String(params.api_version))) {
      throw invalidParam(`Invalid api_version: ${String(params.api_version)}`, 'api_version');
    }
    const endpoint: ApiObject = {
      id: newId('we'),
      object: 'webhook_endpoint',
      api_version: params.api_version ?? null,
      application: null,
      created: k.clock.now(),
      description: params.description ?? null,
      enabled_events: params.enabled_events,
      livemode: false,
      metadata: applyMetadata({}, params.metadata),
      status: 'enabled',
      url: checkUrl(params.url),
    };
    const secret = newSecret('whsec', 32);
    k.store.insert(endpoint, ctx.account, { secret, connect: params.connect === true });
    // The secret is shown once, at creation, as Stripe does.
    return { ...endpoint, secret };
  });

  registerRoute(app, deps, 'GET', '/v1/webhook_endpoints', ({ k, ctx, params }) => {
    platformOnly(ctx);
    return paginate(
      k.store.all('webhook_endpoint', ctx.account),
      params,
      '/v1/webhook_endpoints',
      'webhook_endpoint',
      (r) => r.data,
    );
  });

  registerRoute(
    app,
    deps,
    'GET',
    '/v1/webhook_endpoints/:webhook_endpoint',
    ({ k, ctx, path }) => findEndpoint(k, ctx, path.webhook_endpoint!).data,
  );

  registerRoute(app, deps, 'POST', '/v1/webhook_endpoints/:webhook_endpoint', ({ k, ctx, params, path }) =>
    update(findEndpoint(k, ctx, path.webhook_endpoint!), params),
  );

  registerRoute(app, deps, 'DELETE', '/v1/webhook_endpoints/:webhook_endpoint', ({ k, ctx, path }) => {
    const record = findEndpoint(k, ctx, path.webhook_endpoint!);
    k.store.remove(record.id);
    return { id: record.id, object: 'webhook_endpoint', deleted: true };
  });
}
