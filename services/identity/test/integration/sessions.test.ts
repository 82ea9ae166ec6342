import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { EventEnvelope } from '@tourconnect/events';
import { bearer, waitFor } from '@tourconnect/service-kit/testing';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { newUser, post, refreshCookieOf, register, withCookie } from '../support/http.ts';
import { countRows } from '../support/rows.ts';

let h: IdentityHarness;
const delivered: EventEnvelope[] = [];

beforeAll(async () => {
  h = await startIdentity({ label: 'identity_sessions' });
  h.transport.tap('identity.>', (env) => delivered.push(env));
});
afterAll(() => h.close());

describe('sign-up → sign-in → me → refresh rotation → reuse detection → sign-out', () => {
  it('walks a whole session life cycle', async () => {
    const user = newUser({ email: 'Ada.Lovelace@Example.COM', locale: 'it' });
    // Sign-up answers 202 without a session (the same answer as for a taken address); the
    // portal signs in next, which an unverified account may do.
    const signUp = await post(h.app, '/api/auth/register', user);
    expect(signUp.statusCode).toBe(202);
    expect(signUp.json()).toEqual({ email: 'ada.lovelace@example.com' });
    expect(refreshCookieOf(signUp)).toBeUndefined();

    const firstSignIn = await post(h.app, '/api/auth/login', { email: user.email, password: user.password });
    expect(firstSignIn.statusCode).toBe(200);
    const created = firstSignIn.json();
    expect(created.user).toMatchObject({
      email: 'ada.lovelace@example.com',
      roles: ['traveller'],
      locale: 'it',
      displayName: user.displayName,
      emailVerified: false,
    });
    expect(created.expiresIn).toBe(900);
    expect(firstSignIn.headers['cache-control']).toBe('no-store');

    const cookie = refreshCookieOf(firstSignIn)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth', maxAge: 30 * 24 * 3600 });
    expect(cookie.secure).toBeFalsy();

    const signIn = await post(h.app, '/api/auth/login', { email: 'ADA.lovelace@example.com', password: user.password });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().user.id).toBe(created.user.id);
    const first = refreshCookieOf(signIn)!.value;

    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(signIn.json().accessToken) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: created.user });

    const rotated = await post(h.app, '/api/auth/refresh', undefined, withCookie(first));
    expect(rotated.statusCode).toBe(200);
    const second = refreshCookieOf(rotated)!.value;
    expect(second).not.toBe(first);
    expect(rotated.json().user.id).toBe(created.user.id);

    const again = await post(h.app, '/api/auth/refresh', undefined, withCookie(second));
    expect(again.statusCode).toBe(200);
    const third = refreshCookieOf(again)!.value;

    // The first token was spent: presenting it again is reuse, and the whole family dies.
    const reuse = await post(h.app, '/api/auth/refresh', undefined, withCookie(first));
    expect(reuse.statusCode).toBe(401);
    expect(reuse.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reuse.json().code).toBe('refresh_token_reused');
    const newest = await post(h.app, '/api/auth/refresh', undefined, withCookie(third));
    expect(newest.statusCode).toBe(401);
    expect(newest.json().code).toBe('refresh_token_invalid');

    const { rows: audit } = await h.database.pool.query(
      `SELECT action, entity_id, data FROM identity.audit_log WHERE action = 'refresh_token.reuse_detected'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ userId: created.user.id, revokedTokens: 3 });

    // The first sign-in's session is another family and still works; sign-out ends it and clears the cookie.
    const signOut = await post(h.app, '/api/auth/logout', undefined, withCookie(cookie.value));
    expect(signOut.statusCode).toBe(204);
    expect(refreshCookieOf(signOut)).toMatchObject({ value: '', path: '/api/auth' });
    const afterSignOut = await post(h.app, '/api/auth/refresh', undefined, withCookie(cookie.value));
    expect(afterSignOut.json().code).toBe('refresh_token_invalid');
  });

  it('refresh without a cookie is "no session" (204, not an error); an unknown one is refresh_token_invalid; logout without one is fine', async () => {
    // A visitor who never signed in: the portal's session probe must not be an error in their console.
    const none = await post(h.app, '/api/auth/refresh', undefined);
    expect(none.statusCode).toBe(204);
    expect(none.body).toBe('');
    expect(refreshCookieOf(none)).toBeUndefined();
    const unknown = await post(h.app, '/api/auth/refresh', undefined, withCookie('made-up-token'));
    expect(unknown.json().code).toBe('refresh_token_invalid');
    expect((await post(h.app, '/api/auth/logout', undefined)).statusCode).toBe(204);
  });

  it('refuses an expired refresh token', async () => {
    const { cookie, session } = await register(h.app);
    await h.database.pool.query(
      `UPDATE identity.refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [session.user.id],
    );
    const res = await post(h.app, '/api/auth/refresh', undefined, withCookie(cookie));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('refresh_token_invalid');
  });

  it('two concurrent refreshes with one token: one wins, the other is reuse and ends the family', async () => {
    const { cookie } = await register(h.app);
    const [a, b] = await Promise.all([
      post(h.app, '/api/auth/refresh', undefined, withCookie(cookie)),
      post(h.app, '/api/auth/refresh', undefined, withCookie(cookie)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
    const winner = a.statusCode === 200 ? a : b;
    const late = await post(h.app, '/api/auth/refresh', undefined, withCookie(refreshCookieOf(winner)!.value));
    expect(late.json().code).toBe('refresh_token_invalid');
  });

  it('publishes a JWKS that verifies the access tokens it issues', async () => {
    const { session } = await register(h.app);
    const res = await h.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    const jwks = res.json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
    expect(decodeProtectedHeader(session.accessToken)).toMatchObject({ alg: 'EdDSA', kid: jwks.keys[0].kid });
    const { payload } = await jwtVerify(session.accessToken, createLocalJWKSet(jwks), {
      issuer: 'tourconnect-identity',
      audience: 'tourconnect',
    });
    expect(payload).toMatchObject({
      sub: session.user.id,
      email: session.user.email,
      roles: ['traveller'],
      email_verified: false,
      locale: 'en',
    });
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  it('writes identity.user.registered.v1 to the outbox in the same transaction and delivers it', async () => {
    const { session } = await register(h.app, newUser({ locale: 'de' }));
    const userId = session.user.id;
    const { rows } = await h.database.pool.query(
      `SELECT envelope FROM identity.event_outbox WHERE subject = 'identity.user.registered.v1' AND envelope->'payload'->>'userId' = $1`,
      [userId],
    );
    expect(rows).toHaveLength(1);
    const expected = {
      userId,
      email: session.user.email,
      displayName: session.user.displayName,
      roles: ['traveller'],
      locale: 'de',
    };
    expect(rows[0].envelope).toMatchObject({ producer: 'identity', audience: [userId], payload: expected });
    const envelope = (await waitFor(
      async () => delivered.find((e) => (e.payload as { userId?: string }).userId === userId),
      Boolean,
    ))!;
    expect(envelope.subject).toBe('identity.user.registered.v1');
    expect(envelope.payload).toEqual(expected);
    const { rows: audit } = await h.database.pool.query(
      `SELECT actor_id, data FROM identity.audit_log WHERE action = 'user.registered' AND entity_id = $1`,
      [userId],
    );
    expect(audit).toEqual([{ actor_id: userId, data: { roles: ['traveller'], locale: 'de' } }]);
    expect(JSON.stringify(audit)).not.toContain(session.user.email);
  });

  it('stores refresh tokens only as sha256 digests', async () => {
    const { cookie } = await register(h.app);
    const { rows } = await h.database.pool.query(`SELECT token_hash FROM identity.refresh_tokens`);
    expect(rows.some((r) => r.token_hash === cookie)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});

describe('DELETE /api/auth/me (GDPR erasure)', () => {
  const deleteMe = (token: string, password: string, cookie?: string) =>
    h.app.inject({
      method: 'DELETE',
      url: '/api/auth/me',
      payload: { password },
      headers: { ...bearer(token), ...(cookie ? withCookie(cookie) : {}) },
    });

  it('refuses a wrong password with invalid_credentials and changes nothing', async () => {
    const { session } = await register(h.app);
    const before = await countRows(h.database);
    const res = await deleteMe(session.accessToken, 'not-my-password-1');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
    const after = await countRows(h.database);
    // Only the throttle counted the failure.
    expect({ ...after, login_throttle: 0 }).toEqual({ ...before, login_throttle: 0 });
    const { rows } = await h.database.pool.query(`SELECT status FROM identity.users WHERE id = $1`, [session.user.id]);
    expect(rows[0].status).toBe('active');
  });

  it('anonymises the account, ends every session, emits identity.user.deleted.v1 and audits it', async () => {
    const { body, session, cookie } = await register(h.app);
    const userId = session.user.id;
    const second = await post(h.app, '/api/auth/login', { email: body.email, password: body.password });
    const secondCookie = refreshCookieOf(second)!.value;

    const res = await deleteMe(session.accessToken, body.password, cookie);
    expect(res.statusCode).toBe(204);
    expect(refreshCookieOf(res)).toMatchObject({ value: '', path: '/api/auth' });

    const { rows } = await h.database.pool.query(`SELECT * FROM identity.users WHERE id = $1`, [userId]);
    expect(rows[0]).toMatchObject({
      email: `deleted+${userId}@invalid.tourconnect`,
      display_name: '',
      password_hash: null,
      status: 'deleted',
    });
    expect(rows[0].deleted_at).toBeInstanceOf(Date);
    const { rows: live } = await h.database.pool.query(
      `SELECT count(*)::int AS n FROM identity.refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    expect(live[0].n).toBe(0);

    const { rows: events } = await h.database.pool.query(
      `SELECT envelope FROM identity.event_outbox WHERE subject = 'identity.user.deleted.v1'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0].envelope).toMatchObject({ audience: [userId], payload: { userId, anonymised: true } });
    expect(Date.parse(events[0].envelope.payload.deletedAt)).toBeGreaterThan(Date.now() - 60_000);

    const { rows: audit } = await h.database.pool.query(
      `SELECT data FROM identity.audit_log WHERE action = 'user.deleted'`,
    );
    expect(audit).toEqual([{ data: { anonymised: true, sessionsRevoked: 2 } }]);

    // The account is gone for every way in.
    const login = await post(h.app, '/api/auth/login', { email: body.email, password: body.password });
    expect(login.statusCode).toBe(401);
    expect(login.json().code).toBe('invalid_credentials');
    for (const c of [cookie, secondCookie]) {
      const refresh = await post(h.app, '/api/auth/refresh', undefined, withCookie(c));
      expect(refresh.json().code).toBe('refresh_token_invalid');
    }
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session.accessToken) });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('token_invalid');
    expect((await deleteMe(session.accessToken, body.password)).statusCode).toBe(401);

    // The e-mail is free again: erasure leaves nothing that ties it to the old account.
    const again = await register(h.app, body);
    expect(again.session.user.id).not.toBe(userId);
    const { rows: links } = await h.database.pool.query(
      `SELECT count(*)::int AS n FROM identity.account_tokens WHERE user_id = $1`,
      [userId],
    );
    expect(links[0].n).toBe(0);
  });
});
