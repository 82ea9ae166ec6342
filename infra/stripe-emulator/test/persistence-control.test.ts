// State survives a restart when a data directory is given (the `npm start` mode); the
// control surface resets it, expires account links with the clock and changes the fee model.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers/harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'stripe-emulator-'));
const harnesses: Harness[] = [];

async function start(): Promise<Harness> {
  const h = await startHarness({ dataDir });
  harnesses.push(h);
  return h;
}

afterAll(async () => {
  for (const h of harnesses) await h.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps accounts, payments, balances, idempotency keys and the clock across a restart', async () => {
    const first = await start();
    const platform = first.emulator.state.platformAccountId;
    const account = await first.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const intent = await first.stripe.paymentIntents.create({
      amount: 5_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await first.control('POST', '/_emulator/clock/advance', { days: 3 });
    const keyed = await first.stripe.paymentIntents.create(
      { amount: 700, currency: 'usd' },
      { idempotencyKey: 'restart-1' },
    );
    const clockBefore = first.emulator.state.now();
    await first.close();

    const second = await start();
    expect(second.emulator.state.platformAccountId).toBe(platform);
    expect((await second.stripe.accounts.retrieve(account.id)).id).toBe(account.id);
    expect((await second.stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    expect(second.emulator.state.now()).toBeGreaterThanOrEqual(clockBefore);
    expect((await second.stripe.balance.retrieve()).available[0]?.amount).toBe(5_000 - 175);
    const replay = await second.stripe.paymentIntents.create(
      { amount: 700, currency: 'usd' },
      { idempotencyKey: 'restart-1' },
    );
    expect(replay.id).toBe(keyed.id);
    expect(second.violations).toEqual([]);
  });

  it('resets to an empty platform on request', async () => {
    const h = harnesses[harnesses.length - 1]!;
    const before = (await h.stripe.paymentIntents.list()).data;
    expect(before.length).toBeGreaterThan(0);
    await h.control('POST', '/_emulator/reset');
    expect((await h.stripe.paymentIntents.list()).data).toEqual([]);
    await expect(h.stripe.paymentIntents.retrieve(before[0]!.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await h.stripe.balance.retrieve()).available[0]?.amount).toBe(0);
  });
});

describe('account lifecycle', () => {
  it('lists connected accounts newest first and deletes them', async () => {
    const h = harnesses[harnesses.length - 1]!;
    const first = await h.stripe.accounts.create({
      type: 'custom',
      country: 'GB',
      capabilities: { transfers: { requested: true } },
    });
    const second = await h.stripe.accounts.create({ type: 'standard', email: 'owner@hotel.test' });
    expect(first.default_currency).toBe('gbp');
    const listed = await h.stripe.accounts.list({ limit: 2 });
    expect(listed.data.map((a) => a.id)).toEqual([second.id, first.id]);
    const deleted = await h.stripe.accounts.del(first.id);
    expect(deleted).toMatchObject({ id: first.id, deleted: true });
    await expect(h.stripe.accounts.retrieve(first.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(h.stripe.balance.retrieve({}, { stripeAccount: first.id })).rejects.toMatchObject({ statusCode: 403 });
    await h.control('POST', `/_emulator/accounts/${second.id}/payout_failure`, { failure_code: 'could_not_process' });
    const refused = await h.control<{ error: { param: string } }>(
      'POST',
      `/_emulator/accounts/${second.id}/payout_failure`,
      { failure_code: 'bogus' },
    );
    expect(refused.error.param).toBe('failure_code');
    expect(h.violations).toEqual([]);
  });
});

describe('control surface', () => {
  it('expires account links with the clock and sends the user to refresh_url', async () => {
    const h = harnesses[harnesses.length - 1]!;
    const account = await h.stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
    });
    const link = await h.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://portal.test/refresh',
      return_url: 'https://portal.test/done',
    });
    await h.control('POST', '/_emulator/clock/advance', { minutes: 6 });
    const expired = await fetch(link.url, { redirect: 'manual' });
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('https://portal.test/refresh');
    expect((await h.stripe.accounts.retrieve(account.id)).charges_enabled).toBe(false);
    await expect(h.stripe.accountLinks.create({ account: account.id, type: 'account_update' })).rejects.toMatchObject({
      param: 'type',
    });
  });

  it('applies a configured fee model to new charges', async () => {
    const h = harnesses[harnesses.length - 1]!;
    const config = await h.control<{ fees: { percent_bps: number } }>('POST', '/_emulator/config', {
      fees: { percent_bps: 150, fixed: { usd: 10 } },
    });
    expect(config.fees.percent_bps).toBe(150);
    const intent = await h.stripe.paymentIntents.create({
      amount: 10_000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      expand: ['latest_charge.balance_transaction'],
    });
    const txn = (intent.latest_charge as { balance_transaction: { fee: number; net: number } }).balance_transaction;
    expect(txn).toMatchObject({ fee: 160, net: 9_840 });
    const rejected = await h.control<{ error: { param: string } }>('POST', '/_emulator/clock/advance', { weeks: 1 });
    expect(rejected.error.param).toBe('weeks');
    expect(h.violations).toEqual([]);
  });
});
