import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { buildGateway } from '@tourconnect/gateway';
import { jwtConsumerConfigSchema, type ServiceApp } from '@tourconnect/service-kit';
import type { Mailbox } from '../scripts/all-in-one/mailbox.ts';
import {
  approvePartner,
  onboardPartner,
  signIn,
  signUpVerified,
  type Onboarding,
  type PlatformApi,
} from '../scripts/all-in-one/platform-api.ts';
import type { Platform } from '../scripts/all-in-one/platform.ts';
import { ensureDemoPayouts } from '../scripts/all-in-one/seed-payouts.ts';
import type { AllInOneSettings } from '../scripts/all-in-one/settings.ts';

// What the benches that book packages share: a gateway in front of the all-in-one platform
// that believes the load's client addresses, and a verified partner whose packages can be
// booked (bundling's BOOKING_REQUIRES_PAYOUT_ACCOUNTS, on by default).

/** The platform's services behind a gateway that trusts one proxy hop (an ingress), as partners.bench.ts does. */
export async function ingressGateway(platform: Platform, settings: AllInOneSettings): Promise<ServiceApp> {
  return buildGateway({
    settings: {
      IDENTITY_URL: platform.services.identity!,
      PARTNERS_URL: platform.services.partners!,
      BUNDLING_URL: platform.services.bundling!,
      BILLING_URL: platform.services.billing!,
      ...jwtConsumerConfigSchema.parse({
        ...process.env,
        JWKS_URL: `${platform.services.identity}/.well-known/jwks.json`,
      }),
      WEB_DIST_DIR: settings.WEB_DIST_DIR,
      CORS_ORIGINS: [],
      RATE_LIMIT_MAX: settings.RATE_LIMIT_MAX,
      UPSTREAM_TIMEOUT_MS: 15_000,
      TRUST_PROXY_HOPS: 1,
    },
    transport: platform.transport,
    logger: platform.logger,
    processMetrics: false,
  });
}

export interface BenchPartner {
  partnerId: string;
  /** The owner's token, signed in after the approval (it carries the partner role). */
  token: string;
}

/**
 * Through the public API: an owner signs up (verified), registers and submits the partner, the
 * admin approves it; then the owner onboards to Stripe Connect on the bundled emulator (the
 * demo seed's helper) and we wait until bundling heard that the partner can be paid, so its
 * packages sell.
 */
export async function payoutReadyPartner(
  api: PlatformApi,
  adminToken: string,
  mailbox: Mailbox,
  sql: pg.Pool,
  onboarding: Onboarding,
): Promise<BenchPartner> {
  const owner = { email: `bench-owner-${randomUUID().slice(0, 8)}@example.com`, password: 'Bench-owner-2026' };
  const ownerToken = await signUpVerified(api, mailbox, { ...owner, displayName: `${onboarding.body.name} owner` });
  const partnerId = await onboardPartner(api, ownerToken, onboarding);
  await approvePartner(api, adminToken, partnerId);
  // A fresh token, after the approval (the partner's role is granted by an event).
  const token = await signIn(api, owner);
  await ensureDemoPayouts(api, token, onboarding.body.name);
  await until(
    async () =>
      (
        await sql.query<{ ready: boolean }>('SELECT payouts_ready AS ready FROM bundling.partners WHERE id = $1', [
          partnerId,
        ])
      ).rows[0]?.ready === true,
    `bundling to hear that ${onboarding.body.name} can be paid`,
  );
  return { partnerId, token };
}

/** Calls `call` until it answers `status` (15 s at most). */
export async function untilStatus(call: () => Promise<Response>, status: number, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await call();
    if (res.status === status) return;
    if (Date.now() > deadline) throw new Error(`${what}: ${res.status} ${await res.text()}`);
    await sleep(100);
  }
}

/** Polls `check` until it is true; throws after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** fn(0…count-1), `concurrency` at a time. */
export async function pool<T>(count: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
