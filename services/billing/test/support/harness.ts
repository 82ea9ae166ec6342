import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import type { EventEnvelope } from '@tourconnect/events';
import { createStripeEmulator, type StripeEmulator } from '@tourconnect/stripe-emulator';
import {
  injectCall,
  nextIp,
  startServiceHarness,
  waitFor,
  type ApiResponse,
  type CallOptions,
  type ServiceHarness,
} from '@tourconnect/service-kit/testing';
import { billingQueues, buildBillingService, type MoneyQueues } from '../../src/app.ts';
import { settingsSchema, type BillingSettings } from '../../src/config.ts';
import { createStripeClient } from '../../src/stripe/client.ts';

export type { ApiResponse, CallOptions } from '@tourconnect/service-kit/testing';

export interface TestUser {
  id: string;
  token: string;
  ip: string;
}

/** A partner with an onboarded Express account at the emulator (transfers active), as billing knows it. */
export interface TestPartner {
  partnerId: string;
  accountId: string;
}

export interface BillingHarness extends ServiceHarness<BillingSettings> {
  emulator: StripeEmulator;
  emulatorUrl: string;
  /** The SDK on the emulator, as billing uses it (assertions on Stripe's side). */
  stripe: Stripe;
  /** The webhook endpoints' secrets (platform, Connect); billing verifies with both. */
  webhookSecrets: string[];
  /** One pass of the transfer queue and of the refund queue (the workers are off in tests). */
  queues: MoneyQueues;
  call(method: string, url: string, options?: CallOptions): Promise<ApiResponse>;
  user(roles?: string[]): Promise<TestUser>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The envelopes billing wrote to its outbox under `subject`, oldest first. */
  published(subject: string): Promise<EventEnvelope[]>;
  partner(options?: { transfersActive?: boolean; holdingDays?: number }): Promise<TestPartner>;
  /** Waits until the emulator's webhook deliveries so far were answered and billing stored them. */
  webhooksSettled(): Promise<void>;
  /** Stripe-Signature for `payload` signed with `secret` (default: the platform endpoint's) at `timestamp` (s). */
  sign(payload: string, options?: { secret?: string; timestamp?: number }): string;
  /** Posts raw bytes to the webhook route with the given headers. */
  postWebhook(payload: string, headers: Record<string, string>): Promise<ApiResponse>;
  /** The emulator's control surface (`/_emulator/…`). */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
}

/**
 * billing alone on a fresh database of the real PostgreSQL, the in-process transport and an
 * in-process Stripe emulator (listen(0)). billing listens on a port of its own so the
 * emulator's webhook endpoints (platform and Connect, enabled_events '*') deliver to it as
 * Stripe would; the money queues are run by the test (`queues`), not by a timer.
 */
export async function startBillingHarness(
  label = 'billing',
  env: Record<string, string> = {},
): Promise<BillingHarness> {
  const emulator = createStripeEmulator({ webhookRetryDelaysMs: [200, 500, 1000], tickMs: 20 });
  const { url: emulatorUrl } = await emulator.listen(0, '127.0.0.1');
  const stripe = createStripeClient({ STRIPE_API_URL: emulatorUrl, STRIPE_SECRET_KEY: undefined });
  // The service's port is known only once it listens: the endpoints point at it afterwards.
  const placeholder = 'http://127.0.0.1:9/api/billing/webhooks/stripe';
  const endpoints = await Promise.all(
    [false, true].map((connect) =>
      stripe.webhookEndpoints.create({ url: placeholder, enabled_events: ['*'], connect }),
    ),
  );
  const webhookSecrets = endpoints.map((e) => e.secret!);
  let harness: ServiceHarness<BillingSettings>;
  try {
    harness = await startServiceHarness<BillingSettings>({
      service: 'billing',
      label,
      build: buildBillingService,
      settings: (tokens) =>
        settingsSchema.parse({
          ...tokens.settings,
          STRIPE_API_URL: emulatorUrl,
          STRIPE_WEBHOOK_SECRET: webhookSecrets.join(','),
          MONEY_QUEUE_INTERVAL_MS: '0',
          RECONCILE_INTERVAL_MINUTES: '0',
          ...env,
        }),
    });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const address = await harness.app.listen({ port: 0, host: '127.0.0.1' });
  for (const endpoint of endpoints) {
    await stripe.webhookEndpoints.update(endpoint.id, { url: `${address}/api/billing/webhooks/stripe` });
  }
  const rows: BillingHarness['rows'] = async (sql, params = []) =>
    (await harness.database.pool.query(sql, params)).rows as never[];
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${emulatorUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return res.json();
  };
  const webhooksSettled = async () => {
    await waitFor(
      async () => {
        await emulator.state.webhooksIdle();
        return emulator.state.snapshot().deliveries.length;
      },
      (pending) => pending === 0,
    );
    const refused = emulator.state.webhookAttempts().filter((a) => a.outcome !== 'succeeded');
    if (refused.length > 0) throw new Error(`billing refused webhook deliveries: ${JSON.stringify(refused)}`);
  };
  return {
    ...harness,
    emulator,
    emulatorUrl,
    stripe,
    webhookSecrets,
    queues: billingQueues(harness.app),
    rows,
    control,
    call: (method, url, options) => injectCall(harness.app, method, url, options),
    async user(roles = ['traveller']) {
      const id = randomUUID();
      return { id, ip: nextIp(), token: await harness.tokens.sign({ id, email: `${id}@example.com`, roles } as never) };
    },
    async published(subject) {
      const found = await rows<{ envelope: EventEnvelope }>(
        'SELECT envelope FROM billing.event_outbox WHERE subject = $1 ORDER BY created_at, id',
        [subject],
      );
      return found.map((r) => r.envelope);
    },
    async partner(options = {}) {
      const account = await stripe.accounts.create({
        type: 'express',
        country: 'IT',
        capabilities: { transfers: { requested: true } },
      });
      await control('POST', `/_emulator/accounts/${account.id}/onboard`, {});
      // Its account.updated reaches billing before the row exists (and changes nothing then).
      await webhooksSettled();
      const partnerId = randomUUID();
      await rows(
        `INSERT INTO billing.partner_accounts (partner_id, stripe_account_id, status, charges_enabled, payouts_enabled, transfers_active, holding_days)
         VALUES ($1, $2, 'enabled', true, true, $3, $4)`,
        [partnerId, account.id, options.transfersActive ?? true, options.holdingDays ?? 0],
      );
      return { partnerId, accountId: account.id };
    },
    webhooksSettled,
    sign(payload, options = {}) {
      return stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? webhookSecrets[0]!,
        ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
      });
    },
    postWebhook: (payload, headers) =>
      injectCall(harness.app, 'POST', '/api/billing/webhooks/stripe', {
        raw: { payload, contentType: 'application/json; charset=utf-8' },
        headers,
      }),
    async close() {
      // The app first: the emulator's deliveries then fail fast instead of holding the close.
      await harness.app.close();
      await harness.close();
      await emulator.close();
    },
  };
}
