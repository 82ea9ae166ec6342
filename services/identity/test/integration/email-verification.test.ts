import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { bearer } from '@tourconnect/service-kit/testing';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { newUser, post, register, withCookie } from '../support/http.ts';
import { linkTokenFor, verifyEmail } from '../support/links.ts';
import { countRows, rowsOf } from '../support/rows.ts';

const VERIFY = 'identity.email_verification.requested.v1';

describe('e-mail verification', () => {
  let h: IdentityHarness;

  beforeAll(async () => {
    h = await startIdentity({ label: 'identity_verify' });
  });
  afterAll(() => h.close());

  const resend = (token: string) =>
    h.app.inject({ method: 'POST', url: '/api/auth/verify-email/resend', headers: bearer(token) });
  const me = async (token: string) =>
    (await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).json().user;
  const outboxRows = (subject: string, userId: string) =>
    rowsOf(
      h.database,
      `SELECT envelope, created_at FROM identity.event_outbox
        WHERE subject = $1 AND envelope->'payload'->>'userId' = $2 ORDER BY id`,
      [subject, userId],
    );

  it('sends a verification link in the registration transaction, with the secret only in the event', async () => {
    const { body, session } = await register(h.app, newUser({ locale: 'fr' }));
    const userId = session.user.id;
    const [registered] = await outboxRows('identity.user.registered.v1', userId);
    const links = await outboxRows(VERIFY, userId);
    expect(links).toHaveLength(1);
    const [link] = links;
    // One transaction: PostgreSQL's now() is the transaction's start, shared by both rows.
    expect(link!.created_at).toEqual(registered!.created_at);
    const { payload } = link!.envelope;
    expect(payload).toMatchObject({ userId, email: body.email, displayName: body.displayName, locale: 'fr' });
    expect(payload.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // No audience: the gateway would push the event, and its secret, to the session's open tabs.
    expect(link!.envelope.audience).toBeUndefined();

    const [stored] = await rowsOf(h.database, `SELECT * FROM identity.account_tokens WHERE user_id = $1`, [userId]);
    expect(stored).toMatchObject({ purpose: 'verify_email', email: body.email, used_at: null });
    expect(stored!.token_hash).toBe(createHash('sha256').update(payload.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(payload.token);
    expect(Date.parse(payload.expiresAt)).toBe(stored!.expires_at.getTime());
    expect(stored!.expires_at.getTime() - stored!.created_at.getTime()).toBe(24 * 3600 * 1000);
  });

  it('verifies the address once: me, the next access token and the audit log say so', async () => {
    const { body, session, cookie } = await register(h.app);
    expect(session.user.emailVerified).toBe(false);
    expect(decodeJwt(session.accessToken).email_verified).toBe(false);

    const token = (await linkTokenFor(h.database, VERIFY, body.email))!;
    const res = await post(h.app, '/api/auth/verify-email', { token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ outcome: 'email_verified', email: body.email });

    expect((await me(session.accessToken)).emailVerified).toBe(true);
    const refreshed = await post(h.app, '/api/auth/refresh', undefined, withCookie(cookie));
    expect(refreshed.json().user.emailVerified).toBe(true);
    expect(decodeJwt(refreshed.json().accessToken).email_verified).toBe(true);
    const audit = await rowsOf(
      h.database,
      `SELECT actor_id, data FROM identity.audit_log WHERE action = 'user.email_verified' AND entity_id = $1`,
      [session.user.id],
    );
    expect(audit).toEqual([{ actor_id: session.user.id, data: { cause: 'verification_link' } }]);

    const again = await post(h.app, '/api/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('link_invalid');
    expect((await resend(refreshed.json().accessToken)).json().code).toBe('email_already_verified');
  });

  it('refuses a made-up link (link_invalid) and an expired one (link_expired), changing nothing', async () => {
    const { body, session } = await register(h.app);
    const before = await countRows(h.database);
    const wrong = await post(h.app, '/api/auth/verify-email', { token: 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.json()).toMatchObject({ status: 400, code: 'link_invalid' });

    await h.database.pool.query(
      `UPDATE identity.account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [session.user.id],
    );
    const token = (await linkTokenFor(h.database, VERIFY, body.email))!;
    const expired = await post(h.app, '/api/auth/verify-email', { token });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('link_expired');
    expect(await countRows(h.database)).toEqual(before);
    expect((await me(session.accessToken)).emailVerified).toBe(false);
  });

  it('sends a new link on request, at most once per cooldown; only the newest link works', async () => {
    const { body, session } = await register(h.app);
    const first = (await linkTokenFor(h.database, VERIFY, body.email))!;

    // The sign-up's e-mail went out a moment ago.
    const tooSoon = await resend(session.accessToken);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().code).toBe('rate_limited');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(tooSoon.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await outboxRows(VERIFY, session.user.id)).toHaveLength(1);

    await h.database.pool.query(
      `UPDATE identity.account_notices SET sent_at = now() - interval '61 seconds' WHERE user_id = $1`,
      [session.user.id],
    );
    const again = await resend(session.accessToken);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ email: body.email });
    expect(await outboxRows(VERIFY, session.user.id)).toHaveLength(2);
    const second = (await linkTokenFor(h.database, VERIFY, body.email))!;
    expect(second).not.toBe(first);

    expect((await post(h.app, '/api/auth/verify-email', { token: first })).json().code).toBe('link_invalid');
    expect((await verifyEmail(h.app, h.database, body.email)).json().outcome).toBe('email_verified');
  });

  it('resending needs a signed-in, existing account', async () => {
    const anonymous = await h.app.inject({ method: 'POST', url: '/api/auth/verify-email/resend' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthorized');
    const { body, session } = await register(h.app);
    const erased = await h.app.inject({
      method: 'DELETE',
      url: '/api/auth/me',
      payload: { password: body.password },
      headers: bearer(session.accessToken),
    });
    expect(erased.statusCode).toBe(204);
    expect((await resend(session.accessToken)).json().code).toBe('token_invalid');
  });
});
