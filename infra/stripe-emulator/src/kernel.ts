// The emulated Stripe's shared runtime: state, clock, settings and the services every
// resource needs (events, webhook delivery, fault injection).
import type { EmulatorClock } from './core/clock.ts';
import type { Store } from './state/store.ts';
import type { Faults } from './control/faults.ts';
import type { WebhookDispatcher } from './webhooks/dispatcher.ts';

/** Who a call acts for and what it carries; built by the auth hook for every /v1 request. */
export interface RequestContext {
  /** Account whose objects the call reads and writes (platform, or Stripe-Account). */
  account: string;
  isPlatform: boolean;
  requestId: string;
  idempotencyKey: string | null;
  /** http://host:port as the caller reached us; used for account-link URLs. */
  baseUrl: string;
}

/** Where an event comes from: a request, or the emulator itself (scheduler, onboarding). */
export interface EventOrigin {
  account: string;
  requestId: string | null;
  idempotencyKey: string | null;
}

export interface Kernel {
  store: Store;
  clock: EmulatorClock;
  faults: Faults;
  webhooks: WebhookDispatcher;
  /** The API version events are rendered with (the pinned SDK's). */
  apiVersion: string;
}

export function originOf(ctx: RequestContext): EventOrigin {
  return { account: ctx.account, requestId: ctx.requestId, idempotencyKey: ctx.idempotencyKey };
}

export function systemOrigin(account: string): EventOrigin {
  return { account, requestId: null, idempotencyKey: null };
}
