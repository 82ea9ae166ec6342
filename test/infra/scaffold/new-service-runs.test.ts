// A service scaffolded by `npm run new:service` runs: its generated health test passes on the
// real PostgreSQL, and `npm start` serves it behind the gateway with identity's tokens. On a
// copy of this checkout, for a planned service (connectors) and a new one (widgets).
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScaffoldResult } from '../../../scripts/new-service/scaffold.ts';
import { scaffoldedCopy, type CheckoutCopy } from './checkout-copy.ts';

let copy: CheckoutCopy;
let services: ScaffoldResult['service'][];
let database: TestDatabase;

beforeAll(async () => {
  const scaffolded = await scaffoldedCopy(['widgets', 'connectors']);
  copy = scaffolded.copy;
  services = scaffolded.results.map((r) => r.service);
  database = await createTestDatabase('scaffold');
}, 180_000);

afterAll(async () => {
  await database?.drop();
  copy?.remove();
});

describe('a scaffolded service', () => {
  it('passes its own health test: migrated, ready, its example route and OpenAPI', async () => {
    const run = await copy.node(['node_modules/vitest/vitest.mjs', 'run', 'services/widgets', 'services/connectors']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Test Files\s+2 passed/);
  }, 180_000);

  it('runs in `npm start`, answering through the gateway to a token from identity', async () => {
    const admin = { email: 'scaffold-admin@example.com', password: 'Scaffold-admin-2026' };
    const platform = await copy.startAllInOne({
      DATABASE_URL: database.url,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    });
    try {
      // The bootstrap admin is the one account that exists without an e-mail round trip.
      const login = await fetch(`${platform.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(admin),
      });
      expect(login.status).toBe(200);
      const { accessToken, user } = (await login.json()) as {
        accessToken: string;
        user: { id: string; roles: string[] };
      };
      for (const { name, prefix } of services) {
        const res = await fetch(`${platform.url}${prefix}/whoami`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        expect(res.status, name).toBe(200);
        expect(await res.json()).toEqual({ service: name, caller: { id: user.id, roles: user.roles } });
      }
      // The gateway is ready only when every upstream is, the new ones included.
      expect((await fetch(`${platform.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await platform.stop()).toBe(0);
    }
  }, 180_000);
});
