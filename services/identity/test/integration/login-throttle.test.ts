import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceApp } from '@tourconnect/service-kit';
import { CURRENT_PARAMS } from '../../src/domain/passwords.ts';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { clientIp, newUser, post, register } from '../support/http.ts';
import { recordingHasher } from '../support/recording-hasher.ts';
import { rowsOf } from '../support/rows.ts';

const MAX = 2;

describe('login throttling', () => {
  let h: IdentityHarness;
  let replica: ServiceApp;
  const passwords = recordingHasher();

  beforeAll(async () => {
    const env = { LOGIN_MAX_FAILURES: String(MAX), LOGIN_LOCK_SECONDS: '60' };
    h = await startIdentity({ label: 'identity_throttle', env, passwordHasher: passwords.hasher });
    replica = await h.boot();
  });
  afterAll(() => h.close());

  const attempt = (email: string, password: string, ip = clientIp(), app = h.app) =>
    post(app, '/api/auth/login', { email, password }, { 'x-forwarded-for': ip });

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

  it(`locks an e-mail after ${MAX} failures from any address: 429 too_many_attempts with Retry-After`, async () => {
    const { body } = await register(h.app);
    const failures = await Promise.all(Array.from({ length: MAX }, () => attempt(body.email, 'wrong-password-1')));
    expect(failures.map((r) => r.statusCode)).toEqual(Array(MAX).fill(401));
    const locked = await attempt(body.email, body.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(locked.json().code).toBe('too_many_attempts');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Other accounts are not affected; once the lock is over the right password works again.
    const other = await register(h.app);
    expect((await attempt(other.body.email, other.body.password)).statusCode).toBe(200);
    await h.database.pool.query(
      `UPDATE identity.login_throttle SET locked_until = now() - interval '1 second', window_started_at = now() - interval '2 minutes'`,
    );
    expect((await attempt(body.email, body.password)).statusCode).toBe(200);
  });

  it('locks unknown e-mails the same way, so the lock does not reveal which accounts exist', async () => {
    const email = `ghost-${Date.now()}@example.com`;
    for (let i = 0; i < MAX; i++) expect((await attempt(email, 'wrong-password-1')).statusCode).toBe(401);
    expect((await attempt(email, 'wrong-password-1')).json().code).toBe('too_many_attempts');
  });

  it('a successful sign-in forgives earlier failures of that e-mail', async () => {
    const { body } = await register(h.app);
    for (let i = 0; i < MAX - 1; i++) await attempt(body.email, 'wrong-password-1');
    expect((await attempt(body.email, body.password)).statusCode).toBe(200);
    for (let i = 0; i < MAX - 1; i++) expect((await attempt(body.email, 'wrong-password-1')).statusCode).toBe(401);
    expect((await attempt(body.email, body.password)).statusCode).toBe(200);
  });

  it('replicas share the count (it lives in PostgreSQL)', async () => {
    const { body } = await register(h.app);
    await attempt(body.email, 'wrong-password-1', clientIp(), h.app);
    await attempt(body.email, 'wrong-password-1', clientIp(), replica);
    await attempt(body.email, 'wrong-password-1', clientIp(), h.app);
    expect((await attempt(body.email, body.password, clientIp(), replica)).json().code).toBe('too_many_attempts');
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
