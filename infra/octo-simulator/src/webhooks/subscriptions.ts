// POST /webhooks body → subscription. The capabilities in the Octo-Capabilities header of
// that request decide which capability fields later payloads carry.
import { bodyObject, failBadRequest as fail, isObject, optBoolean, optString } from '../octo/body.ts';
import type { Caps } from '../octo/capabilities.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookSubscription } from './webhook-types.ts';

function parseUrl(value: string | undefined): string {
  if (!value) throw fail('url is required');
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.toString();
  } catch {
    throw fail('url must be an absolute http(s) URL');
  }
}

function parseHeaders(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw) || !Object.values(raw).every((v) => typeof v === 'string')) {
    throw fail('headers must be an object of strings');
  }
  return raw as Record<string, string>;
}

export function createSubscription(state: SupplierState, rawBody: unknown, caps: Caps, now: Date): WebhookSubscription {
  const body = bodyObject(rawBody, fail);
  const url = parseUrl(optString(body, 'url', fail));
  const event = optString(body, 'event', fail);
  if (!event || !(WEBHOOK_EVENTS as readonly string[]).includes(event)) {
    throw fail(`event must be one of ${WEBHOOK_EVENTS.join(', ')}`);
  }
  const secret = optString(body, 'secret', fail);
  if (secret !== undefined && secret.length < 16) throw fail('secret must be at least 16 characters');
  const subscription: WebhookSubscription = {
    id: state.webhookIds.uuid(),
    event: event as WebhookEvent,
    url,
    secret: secret ?? `whsec_${state.webhookIds.hex(24)}`,
    retryOnError: optBoolean(body, 'retryOnError', fail) ?? true,
    headers: parseHeaders(body.headers),
    capabilities: caps.list,
    createdAt: now,
  };
  state.subscriptions.set(subscription.id, subscription);
  return subscription;
}

export function renderSubscription(sub: WebhookSubscription) {
  return {
    id: sub.id,
    event: sub.event,
    url: sub.url,
    retryOnError: sub.retryOnError,
    useContactLanguage: false,
    headers: sub.headers,
    capabilities: sub.capabilities,
    secret: sub.secret,
  };
}
