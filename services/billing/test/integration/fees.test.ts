import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectCall, type CallOptions } from '@tourconnect/service-kit/testing';
import type { FeeConfig } from '@tourconnect/contracts/http';
import { auditLog, feeRules, partners } from '../../src/db/schema.ts';
import { bookingFeeBps } from '../../src/domain/fee-rules.ts';
import { startBillingHarness, type BillingHarness } from '../support/harness.ts';

let h: BillingHarness;
let admin: { id: string; token: string };
let partnerOwner: string;

beforeAll(async () => {
  h = await startBillingHarness('billing-fees');
  const id = randomUUID();
  admin = { id, token: await h.tokens.sign({ id, roles: ['admin'] }) };
  partnerOwner = await h.tokens.sign({ roles: ['partner'] });
});
afterAll(async () => {
  await h?.close();
});

const call = (method: string, url: string, options: CallOptions = {}) =>
  injectCall(h.app, method, url, { token: admin.token, ...options });
const lastAudit = async () => (await h.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0];

describe('GET/PUT/DELETE /api/admin/billing/fees', () => {
  it('starts with the configured default and no rules', async () => {
    const res = await call('GET', '/api/admin/billing/fees');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ defaultBps: 1500, rules: [] } satisfies FeeConfig);
  });

  it('sets a rule, lists it, changes it, and audits each change with the admin and the previous value', async () => {
    const set = await call('PUT', '/api/admin/billing/fees', {
      body: { scope: 'partner_type', scopeKey: 'hotel', bps: 1200 },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ scope: 'partner_type', scopeKey: 'hotel', bps: 1200 });
    expect(await lastAudit()).toMatchObject({
      action: 'fee_rule.set',
      entityId: 'partner_type:hotel',
      actorId: admin.id,
      data: { scope: 'partner_type', scopeKey: 'hotel', bps: 1200, previousBps: null },
    });

    const changed = await call('PUT', '/api/admin/billing/fees', {
      body: { scope: 'partner_type', scopeKey: 'hotel', bps: 1100 },
    });
    expect(changed.status).toBe(200);
    expect((await lastAudit())!.data).toMatchObject({ bps: 1100, previousBps: 1200 });

    const listed = await call('GET', '/api/admin/billing/fees');
    expect(listed.body.rules).toEqual([
      { scope: 'partner_type', scopeKey: 'hotel', bps: 1100, updatedAt: expect.any(String) },
    ]);
  });

  it('removes a rule (audited) and answers 404 for a rule that does not exist', async () => {
    await call('PUT', '/api/admin/billing/fees', { body: { scope: 'global', scopeKey: '*', bps: 1300 } });
    const removed = await call('DELETE', '/api/admin/billing/fees/global/*');
    expect(removed.status).toBe(204);
    expect(await lastAudit()).toMatchObject({ action: 'fee_rule.removed', data: { previousBps: 1300 } });
    expect(await h.database.db.select().from(feeRules).where(eq(feeRules.scope, 'global'))).toHaveLength(0);

    const again = await call('DELETE', '/api/admin/billing/fees/global/*');
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('not_found');
  });

  it.each([999, 2001, 0, 10_000])('refuses %s bps with 422 fee_out_of_range and changes nothing', async (bps) => {
    const before = await lastAudit();
    const res = await call('PUT', '/api/admin/billing/fees', { body: { scope: 'global', scopeKey: '*', bps } });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('fee_out_of_range');
    expect((await lastAudit())?.seq).toBe(before?.seq);
  });

  it('refuses a scope key that does not fit its scope (422 fee_scope_invalid) and a malformed body (400)', async () => {
    const global = await call('PUT', '/api/admin/billing/fees', {
      body: { scope: 'global', scopeKey: 'hotel', bps: 1500 },
    });
    expect([global.status, global.body.code]).toEqual([422, 'fee_scope_invalid']);
    const partner = await call('PUT', '/api/admin/billing/fees', {
      body: { scope: 'partner', scopeKey: 'acme', bps: 1500 },
    });
    expect([partner.status, partner.body.code]).toEqual([422, 'fee_scope_invalid']);
    const type = await call('PUT', '/api/admin/billing/fees', {
      body: { scope: 'partner_type', scopeKey: 'castle', bps: 1500 },
    });
    expect([type.status, type.body.code]).toEqual([422, 'fee_scope_invalid']);
    const scope = await call('PUT', '/api/admin/billing/fees', { body: { scope: 'planet', scopeKey: '*', bps: 1500 } });
    expect([scope.status, scope.body.code]).toEqual([400, 'validation_failed']);
    const fraction = await call('PUT', '/api/admin/billing/fees', {
      body: { scope: 'global', scopeKey: '*', bps: 1500.5 },
    });
    expect([fraction.status, fraction.body.code]).toEqual([400, 'validation_failed']);
  });

  it('answers 403 to a partner and 401 to an anonymous caller, for reading and for writing', async () => {
    const body = { scope: 'global', scopeKey: '*', bps: 1000 };
    for (const [method, url] of [
      ['GET', '/api/admin/billing/fees'],
      ['PUT', '/api/admin/billing/fees'],
      ['DELETE', '/api/admin/billing/fees/global/*'],
    ] as const) {
      const forbidden = await injectCall(h.app, method, url, {
        token: partnerOwner,
        body: method === 'PUT' ? body : undefined,
      });
      expect([forbidden.status, forbidden.body.code]).toEqual([403, 'forbidden']);
      const anonymous = await injectCall(h.app, method, url, { body: method === 'PUT' ? body : undefined });
      expect(anonymous.status).toBe(401);
    }
    expect(await h.database.db.select().from(feeRules).where(eq(feeRules.scope, 'global'))).toHaveLength(0);
  });
});

describe('bookingFeeBps (what the payment split uses)', () => {
  it("resolves each booking partner by its contract, its type's rule, the global rule, then the default", async () => {
    const [contract, hotel, agency, unknown] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await h.database.db.insert(partners).values([
      { id: contract, name: 'Contract', type: 'hotel', status: 'verified' },
      { id: hotel, name: 'Hotel', type: 'hotel', status: 'verified' },
      { id: agency, name: 'Agency', type: 'agency', status: 'verified' },
    ]);
    await call('PUT', '/api/admin/billing/fees', { body: { scope: 'partner', scopeKey: contract, bps: 1000 } });
    await call('PUT', '/api/admin/billing/fees', { body: { scope: 'partner_type', scopeKey: 'hotel', bps: 1100 } });

    const withoutGlobal = await bookingFeeBps(h.database.db, [contract, hotel, agency, unknown], 1500);
    expect([contract, hotel, agency, unknown].map(withoutGlobal)).toEqual([1000, 1100, 1500, 1500]);

    await call('PUT', '/api/admin/billing/fees', { body: { scope: 'global', scopeKey: '*', bps: 1800 } });
    const withGlobal = await bookingFeeBps(h.database.db, [contract, hotel, agency, unknown], 1500);
    expect([contract, hotel, agency, unknown].map(withGlobal)).toEqual([1000, 1100, 1800, 1800]);
  });
});
