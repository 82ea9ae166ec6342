// Bearer (or Basic) secret-key auth and Stripe-Account scoping, as Stripe answers them:
// 401 without a usable key, 403 for an account the key cannot act for.
import type { IncomingHttpHeaders } from 'node:http';
import { authError, invalidRequest, StripeError } from '../core/errors.ts';
import type { Kernel, RequestContext } from '../kernel.ts';

const KEY_PATTERN = /^(sk|rk)_test_[A-Za-z0-9_]+$/;
const VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;

function mask(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(Math.min(key.length - 12, 20))}${key.slice(-4)}` : key;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function extractKey(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const [scheme, credentials = ''] = authorization.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'bearer') return credentials;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    return decoded.split(':', 1)[0];
  }
  return '';
}

export interface AuthOptions {
  /** When set, only these keys are accepted; otherwise any well-formed test-mode key. */
  apiKeys?: string[];
  /** Base of the browser-facing pages' links; the request's Host when absent. */
  publicUrl?: string;
}

export function authenticate(
  k: Kernel,
  headers: IncomingHttpHeaders,
  requestId: string,
  options: AuthOptions,
): RequestContext {
  const key = extractKey(headerValue(headers, 'authorization'));
  if (key === undefined) {
    throw authError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (!KEY_PATTERN.test(key) || (options.apiKeys && !options.apiKeys.includes(key))) {
    throw authError(`Invalid API Key provided: ${mask(key)}`);
  }
  const version = headerValue(headers, 'stripe-version');
  if (version !== undefined && !VERSION_PATTERN.test(version)) {
    throw invalidRequest(`Invalid Stripe API version: ${version}`);
  }
  const platform = k.store.platformAccountId;
  const requested = headerValue(headers, 'stripe-account');
  let account = platform;
  if (requested && requested !== platform) {
    const connected = k.store.find('account', requested, platform);
    if (!connected || connected.internal.deleted) {
      throw new StripeError(403, {
        type: 'invalid_request_error',
        code: 'account_invalid',
        message: `The provided key '${mask(key)}' does not have access to account '${requested}' (or that account does not exist). Application access may have been revoked.`,
      });
    }
    account = requested;
  }
  const idempotencyKey = headerValue(headers, 'idempotency-key') ?? null;
  const host = headerValue(headers, 'host') ?? '127.0.0.1';
  return {
    account,
    isPlatform: account === platform,
    requestId,
    idempotencyKey,
    baseUrl: options.publicUrl ?? `http://${host}`,
  };
}
