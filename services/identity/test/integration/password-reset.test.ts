import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { newUser, post, refreshCookieOf, register, withCookie } from '../support/http.ts';
import { linkTokenFor } from '../support/links.ts';
import { recordingHasher } from '../support/recording-hasher.ts';
import { countRows, rowsOf } from '../support/rows.ts';

const RESET = 'identity.password_reset.requested.v1';
const NEW_PASSWORD = 'rainy-mountains-77';

describe('password reset by e-mail', () => {
  let h: IdentityHarness;
  const passwords = recordingHasher();

  beforeAll(async () => {
    h = await startIdentity({ label: 'identity_reset', passwordHasher: passwords.hasher });
  });
  afterAll(() => h.close());

  const forgot = (email: string) => post(h.app, '/api/auth/password/forgot', { email });
  const reset = (token: string, password = NEW_PASSWORD) =>
    post(h.app, '/api/auth/password/reset', { token, password });
  const signIn = (email: string, password: string) => post(h.app, '/api/auth/login', { email, password });
  const resetEvents = () =>
    rowsOf(h.database, `SELECT envelope, created_at FROM identity.event_outbox WHERE subject = $1`, [RESET]);

  it('answers the same whether or not the address has an account, and e-mails only an account', async () => {
    const { body, session } = await register(h.app);
    const before = await countRows(h.database);
    const unknown = await forgot('nobody-here@example.com');
    // Nothing at all is written for an address without an account: no event, no link, no row.
    expect(await countRows(h.database)).toEqual(before);
    const known = await forgot(body.email.toUpperCase());

    for (const res of [unknown, known]) {
      expect(res.statusCode).toBe(202);
      expect(res.headers['content-type']).toBe(known.headers['content-type']);
    }
    expect(unknown.json()).toEqual({ email: 'nobody-here@example.com' });
    expect(known.json()).toEqual({ email: body.email });

    const events = await resetEvents();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event!.envelope.audience).toBeUndefined();
    expect(event!.envelope.payload).toMatchObject({
      userId: session.user.id,
      email: body.email,
      displayName: body.displayName,
      locale: 'en',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const [stored] = await rowsOf(
      h.database,
      `SELECT created_at, expires_at, token_hash FROM identity.account_tokens WHERE user_id = $1 AND purpose = 'reset_password'`,
      [session.user.id],
    );
    expect(stored!.expires_at.getTime() - stored!.created_at.getTime()).toBe(30 * 60 * 1000);
    expect(stored!.token_hash).not.toBe(event!.envelope.payload.token);

    // A second request moments later sends nothing more (a mailbox cannot be flooded), same answer.
    const again = await forgot(body.email);
    expect(again.statusCode).toBe(202);
    expect(await resetEvents()).toHaveLength(1);
  });

  it('sets the new password, ends every session and spends the link', async () => {
    const { body, session, cookie } = await register(h.app);
    const other = refreshCookieOf(await signIn(body.email, body.password))!.value;
    await forgot(body.email);
    const token = (await linkTokenFor(h.database, RESET, body.email))!;

    const res = await reset(token);
    expect(res.statusCode).toBe(204);
    expect(refreshCookieOf(res)).toMatchObject({ value: '', path: '/api/auth' });

    expect((await signIn(body.email, body.password)).json().code).toBe('invalid_credentials');
    const fresh = await signIn(body.email, NEW_PASSWORD);
    expect(fresh.statusCode).toBe(200);
    // The link went to the mailbox and came back: the address is proven too.
    expect(fresh.json().user.emailVerified).toBe(true);
    for (const c of [cookie, other]) {
      expect((await post(h.app, '/api/auth/refresh', undefined, withCookie(c))).json().code).toBe(
        'refresh_token_invalid',
      );
    }
    const audit = await rowsOf(
      h.database,
      `SELECT data FROM identity.audit_log WHERE action = 'user.password_reset' AND entity_id = $1`,
      [session.user.id],
    );
    expect(audit).toEqual([{ data: { sessionsRevoked: 2, emailVerified: true } }]);

    const twice = await reset(token, 'another-password-9');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('link_invalid');
    expect((await signIn(body.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses made-up links without Argon2 work, expired links, and weak passwords (the link survives those)', async () => {
    const { body, session } = await register(h.app);
    await forgot(body.email);
    const token = (await linkTokenFor(h.database, RESET, body.email))!;

    passwords.hashed.length = 0;
    const madeUp = await reset('y'.repeat(43));
    expect(madeUp.statusCode).toBe(400);
    expect(madeUp.json().code).toBe('link_invalid');
    expect(passwords.hashed).toEqual([]);

    const weak = await reset(token, 'short1');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('validation_failed');

    await h.database.pool.query(
      `UPDATE identity.account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [session.user.id],
    );
    const expired = await reset(token);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('link_expired');
    expect((await signIn(body.email, body.password)).statusCode).toBe(200);
  });

  it('only the newest link works, and an erased account gets none', async () => {
    const { body, session } = await register(h.app, newUser());
    await forgot(body.email);
    const first = (await linkTokenFor(h.database, RESET, body.email))!;
    await h.database.pool.query(
      `UPDATE identity.account_notices SET sent_at = now() - interval '61 seconds' WHERE user_id = $1`,
      [session.user.id],
    );
    await forgot(body.email);
    const second = (await linkTokenFor(h.database, RESET, body.email))!;
    expect(second).not.toBe(first);
    expect((await reset(first)).json().code).toBe('link_invalid');

    const erased = await h.app.inject({
      method: 'DELETE',
      url: '/api/auth/me',
      payload: { password: body.password },
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(erased.statusCode).toBe(204);
    expect((await reset(second)).json().code).toBe('link_invalid');
    const events = (await resetEvents()).length;
    expect((await forgot(body.email)).statusCode).toBe(202);
    expect(await resetEvents()).toHaveLength(events);
  });
});
