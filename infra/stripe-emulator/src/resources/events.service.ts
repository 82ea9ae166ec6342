// Every state change becomes an Event holding a snapshot of the object; endpoints that
// subscribe to it (connect endpoints for connected-account events) get a delivery queued.
import { newId } from '../core/ids.ts';
import type { EventOrigin, Kernel } from '../kernel.ts';
import type { ApiObject, ResponseObject, StoredRecord } from '../state/types.ts';
import { JsonSnapshot } from '../core/clone.ts';

function matchingEndpoints(k: Kernel, type: string, connected: boolean): StoredRecord[] {
  return k.store.all('webhook_endpoint', k.store.platformAccountId).filter((endpoint) => {
    if (endpoint.data.status !== 'enabled') return false;
    if (Boolean(endpoint.internal.connect) !== connected) return false;
    const enabled = endpoint.data.enabled_events as string[];
    return enabled.includes('*') || enabled.includes(type);
  });
}

/** Top-level fields whose value changed, with their previous values (for *.updated events). */
export function previousAttributes(before: ApiObject, after: ApiObject): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key] ?? null;
  }
  return previous;
}

export function emitEvent(
  k: Kernel,
  type: string,
  object: ResponseObject,
  origin: EventOrigin,
  previous?: Record<string, unknown>,
): ApiObject {
  const connected = origin.account !== k.store.platformAccountId;
  const endpoints = matchingEndpoints(k, type, connected);
  const data: Record<string, unknown> = { object: new JsonSnapshot(object) };
  if (previous && Object.keys(previous).length > 0) data.previous_attributes = new JsonSnapshot(previous);
  const event: ApiObject = {
    id: newId('evt'),
    object: 'event',
    api_version: k.apiVersion,
    created: k.clock.now(),
    data,
    livemode: false,
    pending_webhooks: endpoints.length,
    request: { id: origin.requestId, idempotency_key: origin.idempotencyKey },
    type,
  };
  if (connected) event.account = origin.account;
  k.store.insert(event, origin.account);
  k.webhooks.enqueue(
    event.id,
    endpoints.map((endpoint) => endpoint.id),
  );
  return event;
}
