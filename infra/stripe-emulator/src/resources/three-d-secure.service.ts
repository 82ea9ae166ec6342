// 3-D Secure as Stripe's test cards ask for it (pm_card_authenticationRequired,
// pm_card_threeDSecure2Required): confirming leaves the PaymentIntent in `requires_action`
// with a `next_action` that sends the cardholder to the issuer's page, served by the emulator
// (src/authentication/). Completing it charges the card; failing it returns the intent to
// `requires_payment_method` with `payment_intent_authentication_failure`, as Stripe does.
import { clone } from '../core/clone.ts';
import { newSecret } from '../core/ids.ts';
import { originOf, systemOrigin, type Kernel, type RequestContext } from '../kernel.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';
import { emitEvent } from './events.service.ts';
import { chargeIntent } from './payment-intents.confirm.ts';

export const AUTHENTICATION_PATH = '/3d_secure/authenticate';
const SESSION = 'three_d_secure_session';

/** Parks the intent in `requires_action` behind a fresh issuer page. */
export function requireAuthentication(
  k: Kernel,
  ctx: RequestContext,
  record: StoredRecord,
  returnUrl: string | null,
): ApiObject {
  const intent = record.data;
  const token = newSecret('tds', 24);
  k.store.insert({ id: token, object: SESSION }, record.owner, {
    intent: intent.id,
    return_url: returnUrl,
    used: false,
  });
  record.internal.authentication = token; // a newer confirmation makes older pages stale
  const url = `${ctx.baseUrl}${AUTHENTICATION_PATH}/${token}`;
  // A server-side confirm with a return_url gets a plain redirect; without one Stripe.js
  // would handle the challenge (use_stripe_sdk), so the page's URL is given there instead.
  intent.next_action = returnUrl
    ? { type: 'redirect_to_url', redirect_to_url: { return_url: returnUrl, url } }
    : { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: token } };
  intent.status = 'requires_action';
  emitEvent(k, 'payment_intent.requires_action', intent, originOf(ctx));
  return intent;
}

export interface AuthenticationSession {
  token: string;
  intent: StoredRecord;
  returnUrl: string | null;
}

/** The session behind an issuer page while its intent still waits for the cardholder. */
export function openSession(k: Kernel, token: string): AuthenticationSession | undefined {
  const session = k.store.find(SESSION, token);
  if (!session || session.internal.used === true) return undefined;
  const intent = k.store.get(String(session.internal.intent));
  if (!intent || intent.data.status !== 'requires_action') return undefined;
  if (intent.internal.authentication !== token) return undefined;
  const returnUrl = session.internal.return_url;
  return { token, intent, returnUrl: typeof returnUrl === 'string' ? returnUrl : null };
}

export type AuthenticationOutcome = 'succeeded' | 'failed';

/** The cardholder's answer on the issuer page; returns what the redirect reports. */
export function finishAuthentication(
  k: Kernel,
  session: AuthenticationSession,
  completed: boolean,
): AuthenticationOutcome {
  const record = session.intent;
  const intent = record.data;
  k.store.find(SESSION, session.token)!.internal.used = true;
  intent.next_action = null;
  const origin = systemOrigin(record.owner);
  const paymentMethod = k.store.get(String(intent.payment_method))!;
  if (completed) {
    try {
      chargeIntent(k, origin, record, paymentMethod, 'authenticated');
      return intent.status === 'succeeded' || intent.status === 'requires_capture' ? 'succeeded' : 'failed';
    } catch {
      return 'failed'; // a decline after authentication: the intent already says so
    } finally {
      k.store.changed();
    }
  }
  intent.last_payment_error = {
    type: 'invalid_request_error',
    code: 'payment_intent_authentication_failure',
    doc_url: 'https://stripe.com/docs/error-codes/payment-intent-authentication-failure',
    message:
      'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
    payment_method: clone(paymentMethod.data),
  };
  intent.payment_method = null;
  intent.status = 'requires_payment_method';
  emitEvent(k, 'payment_intent.payment_failed', intent, origin);
  k.store.changed();
  return 'failed';
}

/** Where the cardholder goes back to, with the parameters Stripe appends. */
export function returnTarget(session: AuthenticationSession, outcome: AuthenticationOutcome): string | undefined {
  if (!session.returnUrl) return undefined;
  const url = new URL(session.returnUrl);
  url.searchParams.set('payment_intent', session.intent.id);
  url.searchParams.set('payment_intent_client_secret', String(session.intent.data.client_secret));
  url.searchParams.set('redirect_status', outcome);
  return url.toString();
}
