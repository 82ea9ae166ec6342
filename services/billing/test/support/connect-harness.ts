import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import type { EventEnvelope } from '@tourconnect/events';
import { createStripeEmulator, type StripeEmulator } from '@tourconnect/stripe-emulator';
import {
  injectCall,
  startServiceHarness,
  testEnvelope,
  type ApiResponse,
  type ServiceHarness,
} from '@tourconnect/service-kit/testing';
import { buildBillingService } from '../../src/app.ts';
import { settingsSchema, type BillingSettings } from '../../src/config.ts';
import { createStripeClient } from '../../src/stripe/client.ts';

export const PORTAL = 'http://portal.test:8080';
const WEBHOOK_SECRET = 'whsec_connect_tests';

export interface TestPartner {
  partnerId: string;
  ownerId: string;
  ownerToken: string;
  name: string;
}

export interface ConnectHarness {
  h: ServiceHarness<BillingSettings>;
  emulator: StripeEmulator;
  emulatorUrl: string;
  /** The SDK on the emulator, as billing uses it. */
  stripe: Stripe;
  call(method: string, url: string, options?: { token?: string; body?: unknown }): Promise<ApiResponse>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  published(subject: string): Promise<EventEnvelope[]>;
  /** A partner registered (and, unless told, verified with invoice details) at partners, as billing learns it. */
  partner(options?: { verified?: boolean; name?: string }): Promise<TestPartner>;
  /** A user who joined `partnerId` with `role`, signed in. */
  member(partnerId: string, role: 'manager' | 'viewer'): Promise<{ id: string; token: string }>;
  /** Posts the event to the webhook route, signed as Stripe signs it. */
  webhook(event: Stripe.Event): Promise<ApiResponse>;
  /** The newest event of `type` the emulator emitted for `account` (a connected account). */
  lastEvent(type: string, account: string): Promise<Stripe.Event>;
  close(): Promise<void>;
}

/**
 * billing on the real PostgreSQL with the in-process Stripe emulator (listen(0)); the money
 * queues off (MONEY_QUEUE_INTERVAL_MS 0); the portal at PORTAL.
 */
export async function startConnectHarness(label: string): Promise<ConnectHarness> {
  const emulator = createStripeEmulator();
  const { url: emulatorUrl } = await emulator.listen(0);
  const h = await startServiceHarness<BillingSettings>({
    service: 'billing',
    label,
    build: buildBillingService,
    settings: (tokens) =>
      settingsSchema.parse({
        ...tokens.settings,
        STRIPE_API_URL: emulatorUrl,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        MONEY_QUEUE_INTERVAL_MS: '0',
        RECONCILE_INTERVAL_MINUTES: '0',
        PUBLIC_PORTAL_URL: PORTAL,
      }),
  });
  const stripe = createStripeClient(h.settings);
  const rows: ConnectHarness['rows'] = async (sql, params = []) =>
    (await h.database.pool.query(sql, params)).rows as never[];
  const signIn = async (id: string) => h.tokens.sign({ id, roles: ['partner'] });
  return {
    h,
    emulator,
    emulatorUrl,
    stripe,
    rows,
    call: (method, url, options = {}) => injectCall(h.app, method, url, options),
    async published(subject) {
      const found = await rows<{ envelope: EventEnvelope }>(
        'SELECT envelope FROM billing.event_outbox WHERE subject = $1 ORDER BY created_at, id',
        [subject],
      );
      return found.map((row) => row.envelope);
    },
    async partner(options = {}) {
      const partnerId = randomUUID();
      const ownerId = randomUUID();
      const name = options.name ?? `Partner ${partnerId.slice(0, 6)}`;
      await h.deliver(
        testEnvelope('partners.partner.registered.v1', { partnerId, ownerUserId: ownerId, type: 'agency', name }),
      );
      if (options.verified ?? true)
        await h.deliver(
          testEnvelope('partners.partner.verified.v1', {
            partnerId,
            ownerUserId: ownerId,
            type: 'agency',
            name,
            verifiedByUserId: randomUUID(),
            legalName: `${name} S.r.l.`,
            vatId: 'IT00743110157',
            country: 'IT',
          }),
        );
      return { partnerId, ownerId, ownerToken: await signIn(ownerId), name };
    },
    async member(partnerId, role) {
      const id = randomUUID();
      await h.deliver(testEnvelope('partners.member.joined.v1', { partnerId, userId: id, role }));
      return { id, token: await signIn(id) };
    },
    async webhook(event) {
      const payload = JSON.stringify(event);
      const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      return injectCall(h.app, 'POST', '/api/billing/webhooks/stripe', {
        raw: { payload, contentType: 'application/json' },
        headers: { 'stripe-signature': signature },
      });
    },
    async lastEvent(type, account) {
      // A connected account's events are listed on that account.
      const list = await stripe.events.list({ type, limit: 1 }, { stripeAccount: account });
      const event = list.data[0];
      if (!event) throw new Error(`no ${type} event for ${account}`);
      return event;
    },
    async close() {
      await h.close();
      await emulator.close();
    },
  };
}
