// Test harness: an in-memory emulator on port 0 and an official `stripe` SDK client whose
// HTTP client hands every response body it receives to the spec validator.
import Stripe from 'stripe';
import { createStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from '../../src/index.ts';
import { SpecValidator } from './spec-validator.ts';

export interface Violation {
  request: string;
  status: number;
  schema: string;
  errors: string[];
}

export interface Harness {
  emulator: StripeEmulator;
  stripe: Stripe;
  baseUrl: string;
  /** Bodies that did not match the spec (the suite asserts this stays empty). */
  violations: Violation[];
  /** How many response bodies were validated, and against which schemas. */
  validated: { count: number; schemas: Set<string> };
  client(options?: Partial<Stripe.StripeConfig>, apiKey?: string): Stripe;
  control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

let sharedValidator: SpecValidator | undefined;
export function validator(): SpecValidator {
  sharedValidator ??= new SpecValidator();
  return sharedValidator;
}

type HttpClient = ReturnType<typeof Stripe.createNodeHttpClient>;

function validatingHttpClient(inner: HttpClient, h: Pick<Harness, 'violations' | 'validated'>): HttpClient {
  const client = Object.create(inner) as HttpClient;
  client.makeRequest = async (host, port, path, method, headers, data, protocol, timeout) => {
    const response = await inner.makeRequest(host, port, path, method, headers, data, protocol, timeout);
    const wrapped = Object.create(response) as typeof response;
    wrapped.toJSON = async () => {
      const body: unknown = await response.toJSON();
      const status = response.getStatusCode();
      const result = validator().validateResponse(method, path, status, body);
      h.validated.count += 1;
      h.validated.schemas.add(result.schema);
      if (result.errors.length > 0)
        h.violations.push({ request: `${method} ${path}`, status, schema: result.schema, errors: result.errors });
      return body;
    };
    return wrapped;
  };
  return client;
}

export async function startHarness(options: StripeEmulatorOptions = {}): Promise<Harness> {
  const emulator = createStripeEmulator({ webhookRetryDelaysMs: [100, 200, 400], tickMs: 20, ...options });
  const { port, url } = await emulator.listen(0, '127.0.0.1');
  const partial = { violations: [] as Violation[], validated: { count: 0, schemas: new Set<string>() } };
  const client = (extra: Partial<Stripe.StripeConfig> = {}, apiKey = 'sk_test_emulator') =>
    new Stripe(apiKey, {
      host: '127.0.0.1',
      port,
      protocol: 'http',
      maxNetworkRetries: 0,
      httpClient: validatingHttpClient(Stripe.createNodeHttpClient(), partial),
      ...extra,
    });
  return {
    emulator,
    stripe: client(),
    baseUrl: url,
    ...partial,
    client,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const init: RequestInit = { method };
      if (body !== undefined) init.body = JSON.stringify(body);
      if (body !== undefined) init.headers = { 'content-type': 'application/json' };
      const response = await fetch(`${url}${path}`, init);
      return (await response.json()) as T;
    },
    close: () => emulator.close(),
  };
}

/** Polls until `check` returns a value (not undefined/false) or the timeout passes. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Creates an Express account and completes its onboarding through the account link page. */
export async function onboardedAccount(h: Harness, name: string): Promise<Stripe.Account> {
  const account = await h.stripe.accounts.create({
    type: 'express',
    country: 'US',
    email: `${name}@partners.test`,
    capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
    metadata: { partner: name },
  });
  const link = await h.stripe.accountLinks.create({
    account: account.id,
    type: 'account_onboarding',
    refresh_url: 'https://portal.test/onboarding/refresh',
    return_url: 'https://portal.test/onboarding/done',
  });
  const submitted = await fetch(link.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ business_name: name, bank: 'btok_us_verified' }).toString(),
    redirect: 'manual',
  });
  if (submitted.status !== 303) throw new Error(`onboarding failed: ${submitted.status}`);
  return h.stripe.accounts.retrieve(account.id);
}
