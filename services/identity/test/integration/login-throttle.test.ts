import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceApp } from '@tourconnect/service-kit';
import { CURRENT_PARAMS } from '../../src/domain/passwords.ts';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { clientIp, newUser, post, register } from '../support/http.ts';
import { recordingHasher } from '../support/recording-hasher.ts';
import { linkTokenFor } from '../support/links.ts';
import { rowsOf } from '../support/rows.ts';

const MAX = 2;
const DELAY = 30;
const ACCOUNT_MAX = 6;
const admin = { ADMIN_EMAIL: 'root@tourconnect.example', ADMIN_PASSWORD: 'first-admin-pass-1' };

describe('login throttling', () => {
  let h: IdentityHarness;
  let replica: ServiceApp;
  const passwords = recordingHasher();

  beforeAll(async () => {
    const env = {
      LOGIN_MAX_FAILURES: String(MAX),
      LOGIN_DELAY_SECONDS: String(DELAY),
      LOGIN_ACCOUNT_MAX_FAILURES: String(ACCOUNT_MAX),
      LOGIN_LOCK_SECONDS: '600',
      ...admin,
    };
    h = await startIdentity({ label: 'identity_throttle', env, passwordHasher: passwords.hasher });
    replica = await h.boot();
  });
  afterAll(() => h.close());

  const attempt = (email: string, password: string, ip = clientIp(), app = h.app) =>
    post(app, '/api/auth/login', { email, password }, { 'x-forwarded-for': ip });
  /** Ends every running wait and lock, as time passing would. */
  const waitOut = () =>
    h.database.pool.query(`UPDATE identity.login_throttle SET locked_until = now() - interval '1 second'`);
  const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

  it('unknown e-mail and wrong password get the same answer after the same work', async () => {
    const { body, session } = await register(h.app);
    const [account] = await rowsOf(h.database, `SELECT password_hash FROM identity.users WHERE id = $1`, [
      session.user.id,
    ]);
    const recorded = async (email: string) => {
      passwords.verified.length = 0;
      const res = await attempt(email, 'wrong-password-1');
      return { res, verified: [...passwords.verified] };
    };
    const runs = [];
    for (let i = 0; i < 2; i++) runs.push(await recorded(body.email), await recorded(`nobody-${i}@example.com`));
    for (const { res } of runs) {
      expect(res.statusCode).toBe(401);
      const { requestId: _r, ...problem } = res.json();
      expect(problem).toEqual({
        type: 'https://docs.tourconnect.dev/problems/invalid-credentials',
        title: 'Unauthorized',
        status: 401,
        code: 'invalid_credentials',
        detail: 'The e-mail or password is not correct',
        instance: '/api/auth/login',
      });
    }
    // The work, not the clock (a loaded machine skews timings): both paths run exactly one
    // Argon2id verification with the current parameters, the wrong password against the
    // account's hash and the unknown e-mail against a throwaway one. A missing one would
    // answer an unknown e-mail ~20× faster.
    const [known1, unknown1, known2, unknown2] = runs.map((run) => run.verified);
    expect(known1).toEqual([account!.password_hash]);
    expect(known2).toEqual([account!.password_hash]);
    expect(unknown1).toHaveLength(1);
    expect(unknown1![0]).not.toBe(account!.password_hash);
    expect(unknown2).toEqual(unknown1);
    for (const verified of [known1!, unknown1!]) expect(verified[0]!.startsWith(CURRENT_PARAMS)).toBe(true);
  });

  it(`after ${MAX} failures one address waits ${DELAY} s, then twice as long after each failure`, async () => {
    const { body } = await register(h.app);
    const ip = clientIp();
    const failures = await Promise.all(Array.from({ length: MAX }, () => attempt(body.email, 'wrong-password-1', ip)));
    expect(failures.map((r) => r.statusCode)).toEqual(Array(MAX).fill(401));
    const waiting = await attempt(body.email, body.password, ip);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(waiting.json().code).toBe('too_many_attempts');
    expect(retryAfter(waiting)).toBeGreaterThan(0);
    expect(retryAfter(waiting)).toBeLessThanOrEqual(DELAY);

    // Each failure after a wait doubles the next one (30 s, 60 s, 120 s…, at most LOGIN_LOCK_SECONDS).
    for (const bound of [2 * DELAY, 4 * DELAY]) {
      await waitOut();
      expect((await attempt(body.email, 'wrong-password-1', ip)).statusCode).toBe(401);
      const longer = await attempt(body.email, body.password, ip);
      expect(longer.json().code).toBe('too_many_attempts');
      expect(retryAfter(longer)).toBeGreaterThan(bound / 2);
      expect(retryAfter(longer)).toBeLessThanOrEqual(bound);
    }
    await waitOut();
    expect((await attempt(body.email, body.password, ip)).statusCode).toBe(200);
  });

  it('wrong passwords from one address do not lock the admin out from another (no lockout DoS)', async () => {
    const attacker = '203.0.113.66';
    for (let i = 0; i < MAX + 3; i++) {
      await waitOut();
      await attempt(admin.ADMIN_EMAIL, 'guessing-admin-1', attacker);
    }
    expect((await attempt(admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD, attacker)).json().code).toBe('too_many_attempts');
    const own = await attempt(admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD, '198.51.100.250');
    expect(own.statusCode).toBe(200);
    expect(own.json().user.roles).toContain('admin');
    // The admin's success forgives the account's count, never the attacker's pair.
    expect((await attempt(admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD, attacker)).json().code).toBe('too_many_attempts');
  });

  it(`locks an account for everyone only after ${ACCOUNT_MAX} failures, and tells its owner once`, async () => {
    const { body, session } = await register(h.app);
    for (let i = 0; i < ACCOUNT_MAX - 1; i++) await attempt(body.email, 'wrong-password-1');
    expect((await attempt(body.email, body.password)).statusCode).toBe(200);
    // The success forgave the count; now ACCOUNT_MAX failures from as many addresses lock it.
    for (let i = 0; i < ACCOUNT_MAX; i++) expect((await attempt(body.email, 'wrong-password-1')).statusCode).toBe(401);
    const locked = await attempt(body.email, body.password, '198.51.100.251');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('too_many_attempts');
    expect(retryAfter(locked)).toBeGreaterThan(DELAY);
    expect(retryAfter(locked)).toBeLessThanOrEqual(600);

    const events = await rowsOf(
      h.database,
      `SELECT envelope FROM identity.event_outbox WHERE subject = 'identity.user.locked.v1' AND envelope->'payload'->>'userId' = $1`,
      [session.user.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.envelope.audience).toBeUndefined();
    expect(events[0]!.envelope.payload).toMatchObject({
      userId: session.user.id,
      email: body.email,
      displayName: body.displayName,
      locale: 'en',
    });
    const until = Date.parse(events[0]!.envelope.payload.lockedUntil);
    expect(until).toBeGreaterThan(Date.now());
    const audit = await rowsOf(
      h.database,
      `SELECT data FROM identity.audit_log WHERE action = 'user.locked' AND entity_id = $1`,
      [session.user.id],
    );
    expect(audit).toEqual([{ data: { failures: ACCOUNT_MAX, lockedUntil: new Date(until).toISOString() } }]);

    // The owner gets back in by resetting the password, which lifts the lock.
    await post(h.app, '/api/auth/password/forgot', { email: body.email });
    const token = (await linkTokenFor(h.database, 'identity.password_reset.requested.v1', body.email))!;
    expect((await post(h.app, '/api/auth/password/reset', { token, password: 'fresh-start-2026' })).statusCode).toBe(
      204,
    );
    expect((await attempt(body.email, 'fresh-start-2026')).statusCode).toBe(200);
  });

  it('makes unknown e-mails wait the same way, so the answer does not reveal which accounts exist', async () => {
    const email = `ghost-${Date.now()}@example.com`;
    const ip = clientIp();
    for (let i = 0; i < MAX; i++) expect((await attempt(email, 'wrong-password-1', ip)).statusCode).toBe(401);
    expect((await attempt(email, 'wrong-password-1', ip)).json().code).toBe('too_many_attempts');
  });

  it('a successful sign-in forgives earlier failures of that account from that address', async () => {
    const { body } = await register(h.app);
    const ip = clientIp();
    for (let i = 0; i < MAX - 1; i++) await attempt(body.email, 'wrong-password-1', ip);
    expect((await attempt(body.email, body.password, ip)).statusCode).toBe(200);
    for (let i = 0; i < MAX - 1; i++) expect((await attempt(body.email, 'wrong-password-1', ip)).statusCode).toBe(401);
    expect((await attempt(body.email, body.password, ip)).statusCode).toBe(200);
  });

  it('replicas share the count (it lives in PostgreSQL)', async () => {
    const { body } = await register(h.app);
    const ip = clientIp();
    await attempt(body.email, 'wrong-password-1', ip, h.app);
    await attempt(body.email, 'wrong-password-1', ip, replica);
    expect((await attempt(body.email, body.password, ip, replica)).json().code).toBe('too_many_attempts');
  });

  it(`locks a client address after ${MAX * 4} failures spread over many e-mails`, async () => {
    const ip = '203.0.113.77';
    // Concurrent, as a sprayer would send them: the count is one atomic upsert per failure.
    const sprayed = await Promise.all(
      Array.from({ length: MAX * 4 }, (_, i) =>
        attempt(`spray-${i}-${Date.now()}@example.com`, 'wrong-password-1', ip),
      ),
    );
    expect(sprayed.map((r) => r.statusCode)).toEqual(Array(MAX * 4).fill(401));
    const fresh = await register(h.app, newUser());
    const locked = await attempt(fresh.body.email, fresh.body.password, ip);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('too_many_attempts');
    expect((await attempt(fresh.body.email, fresh.body.password, '203.0.113.78')).statusCode).toBe(200);
  });

  it('rate limits the route itself per address (rate_limited)', async () => {
    const ip = '203.0.113.99';
    const codes: number[] = [];
    for (let i = 0; i < 31; i++)
      codes.push((await post(h.app, '/api/auth/login', { email: 'bad' }, { 'x-forwarded-for': ip })).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 400)).toBe(true);
    const limited = await post(h.app, '/api/auth/login', { email: 'bad' }, { 'x-forwarded-for': ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
