import { randomUUID } from 'node:crypto';
import { bearer } from '@tourconnect/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBillingHarness, type BillingHarness } from '../support/harness.ts';

describe('billing boots', () => {
  let harness: BillingHarness;

  beforeAll(async () => {
    harness = await startBillingHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('is alive, and ready once migrated with PostgreSQL and the events reachable', async () => {
    expect((await harness.app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);
    const ready = await harness.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode, ready.body).toBe(200);
  });

  it('keeps its outbox, inbox, dead letters and audit log in its own schema', async () => {
    const { rows } = await harness.database.pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
      ['billing'],
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['audit_log', 'event_dead_letters', 'event_inbox', 'event_outbox']),
    );
  });

  it('answers a signed-in caller with only what the response schema lists', async () => {
    const id = randomUUID();
    const token = await harness.tokens.sign({ id, email: 'ada@example.com', roles: ['traveller'] });
    const res = await harness.app.inject({ method: 'GET', url: '/api/billing/whoami', headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ service: 'billing', caller: { id, roles: ['traveller'] } });
  });

  it('refuses a caller without a token with problem+json', async () => {
    const res = await harness.app.inject({ method: 'GET', url: '/api/billing/whoami' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('documents the route and its response in /openapi.json', async () => {
    const doc = (await harness.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/api/billing/whoami'].get.responses['200']).toBeDefined();
  });
});
