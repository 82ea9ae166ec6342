import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { bearer } from '@tourconnect/service-kit/testing';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { newUser, post, refreshCookieOf, register, withCookie } from '../support/http.ts';
import { linkTokenFor, verifyEmail } from '../support/links.ts';
import { countRows, rowsOf } from '../support/rows.ts';

const CHANGE = 'identity.email_change.requested.v1';

describe('account settings', () => {
  let h: IdentityHarness;

  beforeAll(async () => {
    h = await startIdentity({ label: 'identity_settings' });
  });
  afterAll(() => h.close());

  const call = (method: 'PATCH' | 'POST' | 'GET', url: string, token: string, payload?: object, cookie?: string) =>
    h.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { ...bearer(token), ...(cookie ? withCookie(cookie) : {}) },
    });
  const events = (subject: string, userId: string) =>
    rowsOf(
      h.database,
      `SELECT envelope FROM identity.event_outbox WHERE subject = $1 AND envelope->'payload'->>'userId' = $2 ORDER BY id`,
      [subject, userId],
    );
  const signIn = (email: string, password: string) => post(h.app, '/api/auth/login', { email, password });

  describe('PATCH /api/auth/me', () => {
    it('changes the display name and language; me, the next token and notifications follow', async () => {
      const { session, cookie } = await register(h.app);
      const userId = session.user.id;
      const res = await call('PATCH', '/api/auth/me', session.accessToken, { displayName: ' Ada L. ', locale: 'de' });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toEqual({ ...session.user, displayName: 'Ada L.', locale: 'de' });
      expect((await call('GET', '/api/auth/me', session.accessToken)).json().user.locale).toBe('de');
      const refreshed = (await post(h.app, '/api/auth/refresh', undefined, withCookie(cookie))).json();
      expect(decodeJwt(refreshed.accessToken).locale).toBe('de');

      const [event] = await events('identity.user.profile_updated.v1', userId);
      expect(event!.envelope).toMatchObject({
        audience: [userId],
        payload: { userId, displayName: 'Ada L.', locale: 'de' },
      });
      const audit = await rowsOf(
        h.database,
        `SELECT data FROM identity.audit_log WHERE action = 'user.profile_updated' AND entity_id = $1`,
        [userId],
      );
      expect(audit).toEqual([{ data: { fields: ['displayName', 'locale'], locale: 'de' } }]);

      // The same values again change nothing and announce nothing.
      const before = await countRows(h.database);
      const same = await call('PATCH', '/api/auth/me', session.accessToken, { locale: 'de' });
      expect(same.statusCode).toBe(200);
      expect(await countRows(h.database)).toEqual(before);
    });

    it('refuses an empty change, an unknown language and unknown fields', async () => {
      const { session } = await register(h.app);
      for (const body of [{}, { locale: 'xx' }, { displayName: '' }, { email: 'x@example.com' }]) {
        const res = await call('PATCH', '/api/auth/me', session.accessToken, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().code).toBe('validation_failed');
      }
    });
  });

  describe('POST /api/auth/me/email', () => {
    it('moves the account only when the link sent to the new address is followed', async () => {
      const { body, session } = await register(h.app);
      const userId = session.user.id;
      const oldVerification = await linkTokenFor(h.database, 'identity.email_verification.requested.v1', body.email);
      const newEmail = `moved-${Date.now()}@example.org`;

      const res = await call('POST', '/api/auth/me/email', session.accessToken, {
        newEmail: newEmail.toUpperCase(),
        password: body.password,
      });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ email: newEmail });
      // Nothing moved yet.
      expect((await call('GET', '/api/auth/me', session.accessToken)).json().user.email).toBe(body.email);
      const [requested] = await events(CHANGE, userId);
      expect(requested!.envelope.audience).toBeUndefined();
      expect(requested!.envelope.payload).toMatchObject({
        userId,
        newEmail,
        currentEmail: body.email,
        displayName: body.displayName,
        locale: 'en',
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });

      const token = (await linkTokenFor(h.database, CHANGE, newEmail))!;
      const followed = await post(h.app, '/api/auth/verify-email', { token });
      expect(followed.statusCode).toBe(200);
      expect(followed.json()).toEqual({ outcome: 'email_changed', email: newEmail });
      const user = (await call('GET', '/api/auth/me', session.accessToken)).json().user;
      expect(user).toMatchObject({ email: newEmail, emailVerified: true });
      expect((await signIn(newEmail, body.password)).statusCode).toBe(200);
      expect((await signIn(body.email, body.password)).json().code).toBe('invalid_credentials');

      const [changed] = await events('identity.user.email_changed.v1', userId);
      expect(changed!.envelope).toMatchObject({
        audience: [userId],
        payload: { userId, email: newEmail, previousEmail: body.email },
      });
      const audit = await rowsOf(
        h.database,
        `SELECT action FROM identity.audit_log WHERE entity_id = $1 AND action LIKE 'user.email_%' ORDER BY seq`,
        [userId],
      );
      expect(audit.map((r) => r.action)).toEqual(['user.email_change_requested', 'user.email_changed']);

      expect((await post(h.app, '/api/auth/verify-email', { token })).json().code).toBe('link_invalid');
      // The verification link of the old address proves nothing any more.
      expect((await post(h.app, '/api/auth/verify-email', { token: oldVerification })).json().code).toBe(
        'link_invalid',
      );
    });

    it('needs the password; refuses the current address; answers a taken one like a free one', async () => {
      const { body, session } = await register(h.app);
      const other = await register(h.app);
      const wrong = await call('POST', '/api/auth/me/email', session.accessToken, {
        newEmail: 'fresh@example.org',
        password: 'not-my-password-1',
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('invalid_credentials');
      const same = await call('POST', '/api/auth/me/email', session.accessToken, {
        newEmail: body.email,
        password: body.password,
      });
      expect(same.statusCode).toBe(400);
      expect(same.json().code).toBe('email_unchanged');
      expect(await events(CHANGE, session.user.id)).toEqual([]);

      const taken = await call('POST', '/api/auth/me/email', session.accessToken, {
        newEmail: other.body.email,
        password: body.password,
      });
      expect(taken.statusCode).toBe(202);
      expect(taken.json()).toEqual({ email: other.body.email });
      expect(await events(CHANGE, session.user.id)).toEqual([]);

      // One change e-mail per cooldown, whatever the address.
      const soon = await call('POST', '/api/auth/me/email', session.accessToken, {
        newEmail: 'fresh@example.org',
        password: body.password,
      });
      expect(soon.statusCode).toBe(429);
      expect(soon.json().code).toBe('rate_limited');
    });

    it('a link is refused when someone else took the address meanwhile (email_taken)', async () => {
      const { body, session } = await register(h.app);
      const wanted = `wanted-${Date.now()}@example.org`;
      await call('POST', '/api/auth/me/email', session.accessToken, { newEmail: wanted, password: body.password });
      const token = (await linkTokenFor(h.database, CHANGE, wanted))!;
      await register(h.app, newUser({ email: wanted }));
      const res = await post(h.app, '/api/auth/verify-email', { token });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('email_taken');
      expect((await call('GET', '/api/auth/me', session.accessToken)).json().user.email).toBe(body.email);
    });
  });

  describe('POST /api/auth/me/password', () => {
    it('needs the current password; ends every other session and keeps this one', async () => {
      const { body, session, cookie } = await register(h.app);
      const other = refreshCookieOf(await signIn(body.email, body.password))!.value;
      const change = (currentPassword: string) =>
        call(
          'POST',
          '/api/auth/me/password',
          session.accessToken,
          { currentPassword, newPassword: 'windy-harbour-31' },
          cookie,
        );

      const wrong = await change('not-my-password-1');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('invalid_credentials');

      const res = await change(body.password);
      expect(res.statusCode).toBe(204);
      expect((await post(h.app, '/api/auth/refresh', undefined, withCookie(cookie))).statusCode).toBe(200);
      expect((await post(h.app, '/api/auth/refresh', undefined, withCookie(other))).json().code).toBe(
        'refresh_token_invalid',
      );
      expect((await signIn(body.email, body.password)).json().code).toBe('invalid_credentials');
      expect((await signIn(body.email, 'windy-harbour-31')).statusCode).toBe(200);
      const audit = await rowsOf(
        h.database,
        `SELECT data FROM identity.audit_log WHERE action = 'user.password_changed' AND entity_id = $1`,
        [session.user.id],
      );
      expect(audit).toEqual([{ data: { sessionsRevoked: 1, currentSessionKept: true } }]);
    });

    it('refuses a weak new password', async () => {
      const { body, session } = await register(h.app);
      const res = await call('POST', '/api/auth/me/password', session.accessToken, {
        currentPassword: body.password,
        newPassword: 'abc',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toContainEqual(
        expect.objectContaining({ path: 'body.newPassword', code: 'password_too_short' }),
      );
    });
  });

  it("an erased account's unexpired token changes nothing any more (401 token_invalid)", async () => {
    const { body, session } = await register(h.app);
    await verifyEmail(h.app, h.database, body.email);
    const erased = await h.app.inject({
      method: 'DELETE',
      url: '/api/auth/me',
      payload: { password: body.password },
      headers: bearer(session.accessToken),
    });
    expect(erased.statusCode).toBe(204);
    const attempts = [
      call('GET', '/api/auth/me', session.accessToken),
      call('PATCH', '/api/auth/me', session.accessToken, { displayName: 'Ghost' }),
      call('POST', '/api/auth/me/email', session.accessToken, { newEmail: 'g@example.org', password: body.password }),
      call('POST', '/api/auth/me/password', session.accessToken, {
        currentPassword: body.password,
        newPassword: 'ghostly-pass-12',
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('token_invalid');
    }
  });
});
