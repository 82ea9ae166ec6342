import type { PlatformApi } from './platform-api.ts';

const ONBOARDING_PATH = /^\/connect\/onboarding\//;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A verified demo partner's Stripe connected account, able to receive payouts, so its packages
 * can be booked (bundling's BOOKING_REQUIRES_PAYOUT_ACCOUNTS). Through the public API as the
 * owner would (POST /api/billing/connect/onboard, with the owner's token: no extra sign-in, the
 * gateway limits them per address); the hosted onboarding page is then completed without a
 * browser by the Stripe emulator's control route — only when the link is the emulator's (its
 * /_emulator/health answers): against real Stripe the owner onboards in the portal. GET
 * /api/billing/connect/status re-reads the account, so billing announces it ready even before
 * (or without) a webhook. Safe on every start: an enabled account is left alone. True when this
 * call onboarded it.
 */
export async function ensureDemoPayouts(api: PlatformApi, token: string, name: string): Promise<boolean> {
  if ((await connectStatus(api, token)) === 'enabled') return false;
  const link = await onboard(api, token, name);
  const emulator = await emulatorOf(link.url);
  if (!emulator) return false;
  const done = await fetch(`${emulator}/_emulator/accounts/${link.accountId}/onboard`, { method: 'POST' });
  if (!done.ok) throw new Error(`the Stripe emulator did not onboard ${name}: ${done.status}`);
  if ((await connectStatus(api, token)) !== 'enabled')
    throw new Error(`${name}: its Stripe account is not enabled after onboarding`);
  return true;
}

async function connectStatus(api: PlatformApi, token: string): Promise<string> {
  const res = await api('GET', '/api/billing/connect/status', token);
  if (res.status !== 200) throw new Error(`connect status: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { status: string }).status;
}

/** The onboarding link; billing may not have seen the partner's verification yet, so a few tries. */
async function onboard(api: PlatformApi, token: string, name: string): Promise<{ accountId: string; url: string }> {
  for (let attempt = 0; ; attempt += 1) {
    const res = await api('POST', '/api/billing/connect/onboard', token, {});
    if (res.status === 200) return (await res.json()) as { accountId: string; url: string };
    const body = await res.text();
    const projectionLag = /partner_not_verified|not_a_partner/.test(body);
    if (!projectionLag || attempt >= 50) throw new Error(`Connect onboarding of ${name}: ${res.status} ${body}`);
    await sleep(200);
  }
}

/** The emulator's base URL when `link` is its hosted onboarding page, else undefined (real Stripe). */
async function emulatorOf(link: string): Promise<string | undefined> {
  const url = new URL(link);
  if (!ONBOARDING_PATH.test(url.pathname)) return undefined;
  const health = await fetch(`${url.origin}/_emulator/health`).catch(() => undefined);
  return health?.ok ? url.origin : undefined;
}
