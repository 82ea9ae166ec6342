import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountStateOf } from '../../src/domain/connect.ts';
import { PORTAL, startConnectHarness, type ConnectHarness } from '../support/connect-harness.ts';

// Stripe Connect onboarding on the emulator: one Express account per partner, links back to
// the portal only, and the account's state from account.updated (signed webhook) or a re-read.
describe('Connect onboarding', () => {
  let c: ConnectHarness;

  beforeAll(async () => {
    c = await startConnectHarness('billing_connect');
  }, 60_000);
  afterAll(() => c?.close());

  const onboard = (token: string, body: unknown = {}) =>
    c.call('POST', '/api/billing/connect/onboard', { token, body });
  const status = (token: string) => c.call('GET', '/api/billing/connect/status', { token });

  it('creates one Express account even when called twice, each call with a fresh link back to the portal', async () => {
    const p = await c.partner();
    const before = await status(p.ownerToken);
    expect(before.body).toEqual({
      status: 'none',
      accountId: null,
      requirementsDue: [],
      transfersEnabled: false,
      payoutsEnabled: false,
    });
    const [first, second] = [await onboard(p.ownerToken), await onboard(p.ownerToken)];
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.accountId).toBe(first.body.accountId);
    expect(second.body.url).not.toBe(first.body.url);
    expect(first.body.status).toBe('pending');
    const rows = await c.rows('SELECT stripe_account_id, status FROM billing.partner_accounts WHERE partner_id = $1', [
      p.partnerId,
    ]);
    expect(rows).toEqual([{ stripe_account_id: first.body.accountId, status: 'pending' }]);
    const accounts = await c.stripe.accounts.list({ limit: 100 });
    const mine = accounts.data.filter((a) => a.metadata?.partner_id === p.partnerId);
    expect(mine.map((a) => a.id)).toEqual([first.body.accountId]);
    expect(mine[0]).toMatchObject({ type: 'express', country: 'IT' });
    expect(mine[0]!.capabilities?.transfers).toBeDefined();
    // The link's way back is the portal's payouts page (the emulator redirects there after onboarding).
    const page = await fetch(first.body.url, { redirect: 'manual' });
    expect(page.status).toBe(200);
  });

  it('two concurrent first calls still make one account', async () => {
    const p = await c.partner();
    const [a, b] = await Promise.all([onboard(p.ownerToken), onboard(p.ownerToken)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.accountId).toBe(b.body.accountId);
    const rows = await c.rows('SELECT count(*)::int AS n FROM billing.partner_accounts WHERE partner_id = $1', [
      p.partnerId,
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('refuses a partner not verified (409), a viewer (403), and a user of no partner (403), creating nothing', async () => {
    const draft = await c.partner({ verified: false });
    const res = await onboard(draft.ownerToken);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('partner_not_verified');
    const verified = await c.partner();
    const viewer = await c.member(verified.partnerId, 'viewer');
    expect((await onboard(viewer.token)).body.code).toBe('partner_role_forbidden');
    const stranger = await c.h.tokens.sign({ roles: ['traveller'] });
    const none = await onboard(stranger);
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('not_a_partner');
    expect((await status(stranger)).body.code).toBe('not_a_partner');
    const rows = await c.rows('SELECT partner_id FROM billing.partner_accounts WHERE partner_id = ANY($1::uuid[])', [
      [draft.partnerId, verified.partnerId],
    ]);
    expect(rows).toEqual([]);
  });

  it('a manager may onboard; return and refresh links must stay on the portal', async () => {
    const p = await c.partner();
    const manager = await c.member(p.partnerId, 'manager');
    const foreign = await onboard(manager.token, { returnUrl: 'https://evil.example/partner/payouts' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('validation_failed');
    expect(foreign.body.errors).toEqual([
      expect.objectContaining({ path: 'returnUrl', code: 'connect_url_not_allowed' }),
    ]);
    const foreignRefresh = await onboard(manager.token, { refreshUrl: 'http://portal.test.evil.example/' });
    expect(foreignRefresh.body.errors?.[0]?.code).toBe('connect_url_not_allowed');
    const notUrl = await onboard(manager.token, { returnUrl: 'javascript:alert(1)' });
    expect(notUrl.status).toBe(400);
    const own = await onboard(manager.token, { returnUrl: `${PORTAL}/partner/payouts?from=settings` });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });

  it('account.updated (signed webhook) after onboarding → enabled, announced once to members and admins', async () => {
    const p = await c.partner();
    const manager = await c.member(p.partnerId, 'manager');
    const { body } = await onboard(p.ownerToken);
    await fetch(`${c.emulatorUrl}/_emulator/accounts/${body.accountId}/onboard`, { method: 'POST' });
    const event = await c.lastEvent('account.updated', body.accountId);
    const res = await c.webhook(event);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = await c.rows(
      'SELECT status, transfers_active, payouts_enabled, requirements_due FROM billing.partner_accounts WHERE partner_id = $1',
      [p.partnerId],
    );
    expect(row).toEqual({ status: 'enabled', transfers_active: true, payouts_enabled: true, requirements_due: [] });
    // The same delivery again (Stripe retries): stored once, nothing published twice.
    expect((await c.webhook(event)).status).toBe(200);
    const announced = (await c.published('billing.partner_account.updated.v1')).filter(
      (e) => (e.payload as { partnerId: string }).partnerId === p.partnerId,
    );
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({
      payload: { partnerId: p.partnerId, stripeAccountId: body.accountId, status: 'enabled', transfersEnabled: true },
    });
    expect([...announced[0]!.audience!].sort()).toEqual([p.ownerId, manager.id, 'role:admin'].sort());
    const stored = await c.rows<{ outcome: string }>('SELECT outcome FROM billing.stripe_events WHERE id = $1', [
      event.id,
    ]);
    expect(stored[0]!.outcome).toMatch(/^applied/);
    expect((await status(manager.token)).body).toEqual({
      status: 'enabled',
      accountId: body.accountId,
      requirementsDue: [],
      transfersEnabled: true,
      payoutsEnabled: true,
    });
  });

  it('the status route re-reads a pending account, so the partner back from onboarding sees it before the webhook', async () => {
    const p = await c.partner();
    const { body } = await onboard(p.ownerToken);
    const pending = await status(p.ownerToken);
    expect(pending.body).toMatchObject({ status: 'pending', accountId: body.accountId, transfersEnabled: false });
    expect(pending.body.requirementsDue.length).toBeGreaterThan(0);
    await fetch(`${c.emulatorUrl}/_emulator/accounts/${body.accountId}/onboard`, { method: 'POST' });
    // No webhook delivered: the route asks Stripe.
    const after = await status(p.ownerToken);
    expect(after.body).toMatchObject({ status: 'enabled', transfersEnabled: true, requirementsDue: [] });
    const announced = (await c.published('billing.partner_account.updated.v1')).filter(
      (e) => (e.payload as { partnerId: string }).partnerId === p.partnerId,
    );
    expect(announced.map((e) => (e.payload as { status: string }).status)).toContain('enabled');
  });

  it('a webhook with a bad signature changes nothing', async () => {
    const res = await c.call('POST', '/api/billing/webhooks/stripe', {
      body: { id: 'evt_forged', type: 'account.updated' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('webhook_signature_invalid');
  });
});

describe('accountStateOf: what the partner sees of a Stripe account', () => {
  const account = (over: Record<string, unknown>) =>
    ({
      id: 'acct_1',
      details_submitted: false,
      charges_enabled: false,
      payouts_enabled: false,
      capabilities: { transfers: 'inactive' },
      requirements: { currently_due: ['external_account', 'tos_acceptance.date'], past_due: [], disabled_reason: null },
      ...over,
    }) as unknown as Stripe.Account;

  it('pending while onboarding is not finished, whatever is due', () => {
    expect(accountStateOf(account({}))).toEqual({
      status: 'pending',
      requirementsDue: ['external_account', 'tos_acceptance.date'],
      chargesEnabled: false,
      payoutsEnabled: false,
      transfersActive: false,
    });
  });

  it('restricted once submitted while Stripe still needs something or disabled the account', () => {
    expect(accountStateOf(account({ details_submitted: true })).status).toBe('restricted');
    const disabled = account({
      details_submitted: true,
      capabilities: { transfers: 'active' },
      requirements: { currently_due: [], past_due: [], disabled_reason: 'rejected.fraud' },
    });
    expect(accountStateOf(disabled).status).toBe('restricted');
    const pastDue = account({
      details_submitted: true,
      capabilities: { transfers: 'active' },
      requirements: { currently_due: [], past_due: ['individual.verification.document'], disabled_reason: null },
    });
    expect(accountStateOf(pastDue)).toMatchObject({
      status: 'restricted',
      requirementsDue: ['individual.verification.document'],
    });
  });

  it('enabled when transfers are active and nothing is due', () => {
    const ready = account({
      details_submitted: true,
      payouts_enabled: true,
      capabilities: { transfers: 'active' },
      requirements: { currently_due: [], past_due: [], disabled_reason: null },
    });
    expect(accountStateOf(ready)).toMatchObject({ status: 'enabled', transfersActive: true, payoutsEnabled: true });
  });
});
