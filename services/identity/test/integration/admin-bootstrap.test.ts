import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { bearer } from '@tourconnect/service-kit/testing';
import { startIdentity, testSettings, type IdentityHarness } from '../support/harness.ts';
import { post } from '../support/http.ts';

const claimsOf = (token: string) => decodeJwt(token);

const env = { ADMIN_EMAIL: 'Root@TourConnect.example', ADMIN_PASSWORD: 'first-admin-pass-1' };

describe('bootstrap admin and the stored signing key', () => {
  let h: IdentityHarness;

  beforeAll(async () => {
    h = await startIdentity({ label: 'identity_bootstrap', env });
  });
  afterAll(() => h.close());

  const signIn = (app = h.app) =>
    post(app, '/api/auth/login', { email: 'root@tourconnect.example', password: env.ADMIN_PASSWORD });

  it('creates the admin once; a second boot changes nothing and keeps the signing key', async () => {
    const first = await signIn();
    expect(first.statusCode).toBe(200);
    expect(first.json().user.roles).toEqual(['traveller', 'admin']);
    // The operator named the address: the admin is verified without a link.
    expect(first.json().user.emailVerified).toBe(true);
    expect(claimsOf(first.json().accessToken).email_verified).toBe(true);
    const kid = (await h.app.inject('/.well-known/jwks.json')).json().keys[0].kid;

    // A restart with a different ADMIN_PASSWORD does not reset the password or duplicate anything.
    await h.app.close();
    const second = await h.boot(testSettings({ ...env, ADMIN_PASSWORD: 'another-pass-2' }));
    h.app = second;
    const { rows } = await h.database.pool.query(`SELECT count(*)::int AS n FROM identity.users`);
    expect(rows[0].n).toBe(1);
    const { rows: audit } = await h.database.pool.query(`SELECT action FROM identity.audit_log ORDER BY seq`);
    expect(audit.map((r) => r.action)).toEqual(['user.admin_bootstrapped']);
    const { rows: events } = await h.database.pool.query(`SELECT subject FROM identity.event_outbox`);
    // No verification link either.
    expect(events.map((r) => r.subject)).toEqual(['identity.user.registered.v1']);
    expect((await signIn(second)).statusCode).toBe(200);

    // Tokens issued before the restart still verify: the key pair lives in the identity schema.
    expect((await second.inject('/.well-known/jwks.json')).json().keys[0].kid).toBe(kid);
    const me = await second.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(first.json().accessToken) });
    expect(me.statusCode).toBe(200);
  });

  it('promotes an existing account named by ADMIN_EMAIL, once', async () => {
    const user = { email: 'ops@tourconnect.example', password: 'ops-person-pass-7', displayName: 'Ops' };
    expect((await post(h.app, '/api/auth/register', user)).statusCode).toBe(202);
    const promote = testSettings({ ADMIN_EMAIL: user.email, ADMIN_PASSWORD: 'ignored-for-existing-1' });
    await h.boot(promote);
    await h.boot(promote);
    const login = await post(h.app, '/api/auth/login', { email: user.email, password: user.password });
    expect(login.json().user.roles).toEqual(['traveller', 'admin']);
    expect(login.json().user.emailVerified).toBe(true);
    const { rows } = await h.database.pool.query(
      `SELECT data FROM identity.audit_log WHERE action = 'user.role_granted' AND entity_id = $1`,
      [login.json().user.id],
    );
    expect(rows).toEqual([{ data: { role: 'admin', partnerId: null, cause: 'bootstrap' } }]);
    const { rows: verified } = await h.database.pool.query(
      `SELECT data FROM identity.audit_log WHERE action = 'user.email_verified' AND entity_id = $1`,
      [login.json().user.id],
    );
    expect(verified).toEqual([{ data: { cause: 'ADMIN_EMAIL' } }]);
  });

  it('lets the admin read and verify the audit chain through the ops routes', async () => {
    const token = (await signIn()).json().accessToken;
    const list = await h.app.inject({ method: 'GET', url: '/internal/audit?limit=10', headers: bearer(token) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { action: string }) => e.action)).toContain('user.admin_bootstrapped');
    const verify = await h.app.inject({ method: 'GET', url: '/internal/audit/verify', headers: bearer(token) });
    expect(verify.json()).toMatchObject({ ok: true });
    expect(verify.json().checked).toBeGreaterThanOrEqual(3);
    const dead = await h.app.inject({ method: 'GET', url: '/internal/dead-letters', headers: bearer(token) });
    expect(dead.json()).toEqual({ items: [] });
  });

  it('is ready when PostgreSQL and the event transport answer', async () => {
    const res = await h.app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json().checks).toEqual({ postgres: { ok: true }, events: { ok: true } });
  });

  it('documents its public endpoints in /openapi.json (merged by the gateway at /docs)', async () => {
    const doc = (await h.app.inject('/openapi.json')).json();
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/.well-known/jwks.json',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/me/email',
      '/api/auth/me/password',
      '/api/auth/password/forgot',
      '/api/auth/password/reset',
      '/api/auth/refresh',
      '/api/auth/register',
      '/api/auth/verify-email',
      '/api/auth/verify-email/resend',
    ]);
    expect(doc.paths['/api/auth/register'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['email', 'password', 'displayName']),
    );
  });

  it('declares the response of every route in /openapi.json, so what goes out is filtered by its schema', async () => {
    const doc = (await h.app.inject('/openapi.json')).json();
    type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
    const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    const undeclared = operations
      .filter(({ op }) => {
        const [status, response] = Object.entries(op.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
        if (!status) return true;
        return status !== '204' && !response?.content?.['application/json']?.schema;
      })
      .map(({ route }) => route);
    expect(undeclared).toEqual([]);
    const session = doc.paths['/api/auth/login'].post.responses['200'].content['application/json'].schema;
    expect(session.required).toEqual(expect.arrayContaining(['user', 'accessToken', 'expiresIn']));
    const jwks = doc.paths['/.well-known/jwks.json'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(jwks.properties.keys.items.properties)).not.toContain('d');
  });
});
