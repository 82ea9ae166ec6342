import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { newUser, post, refreshCookieOf, register } from '../support/http.ts';
import { recordingHasher } from '../support/recording-hasher.ts';
import { rowsOf } from '../support/rows.ts';

// Issue 10, #8: sign-up used to answer 409 email_taken for an address with an account, which
// told anyone which addresses have accounts. Now a taken address gets the answer a new one
// gets, and the owner an e-mail instead.
describe('sign-up does not reveal which addresses have accounts', () => {
  let h: IdentityHarness;
  const passwords = recordingHasher();

  beforeAll(async () => {
    h = await startIdentity({ label: 'identity_enumeration', passwordHasher: passwords.hasher });
  });
  afterAll(() => h.close());

  /** What a client can observe of an answer: status, body, cookies and the headers that matter. */
  const observable = (res: LightMyRequestResponse) => ({
    status: res.statusCode,
    body: res.json(),
    contentType: res.headers['content-type'],
    cookie: refreshCookieOf(res),
    cacheControl: res.headers['cache-control'],
  });
  const signUp = async (body: ReturnType<typeof newUser>) => {
    passwords.hashed.length = 0;
    const res = await post(h.app, '/api/auth/register', body);
    return { res, hashed: passwords.hashed.length };
  };
  const attemptEvents = (userId: string) =>
    rowsOf(
      h.database,
      `SELECT envelope FROM identity.event_outbox
        WHERE subject = 'identity.user.signup_attempted.v1' AND envelope->'payload'->>'userId' = $1`,
      [userId],
    );

  it('answers a taken address exactly like a new one, after the same Argon2 work', async () => {
    const owner = await register(h.app, newUser({ locale: 'es' }));
    const fresh = newUser();
    const attempt = newUser({ email: ` ${owner.body.email.toUpperCase()} `, password: 'attacker-guess-99' });

    const created = await signUp(fresh);
    const taken = await signUp(attempt);
    expect(observable(taken.res)).toEqual({ ...observable(created.res), body: { email: owner.body.email } });
    expect(observable(created.res)).toMatchObject({ status: 202, body: { email: fresh.email }, cookie: undefined });
    expect([created.hashed, taken.hashed]).toEqual([1, 1]);

    // The taken address: no second account, the owner's password unchanged, the owner told.
    const accounts = await rowsOf(h.database, `SELECT id FROM identity.users WHERE email = $1`, [owner.body.email]);
    expect(accounts).toEqual([{ id: owner.session.user.id }]);
    expect(
      (await post(h.app, '/api/auth/login', { email: owner.body.email, password: attempt.password })).statusCode,
    ).toBe(401);
    expect(
      (await post(h.app, '/api/auth/login', { email: owner.body.email, password: owner.body.password })).statusCode,
    ).toBe(200);
    const [told] = await attemptEvents(owner.session.user.id);
    expect(told!.envelope.payload).toEqual({
      userId: owner.session.user.id,
      email: owner.body.email,
      displayName: owner.body.displayName,
      locale: 'es',
    });
    expect(told!.envelope.audience).toBeUndefined();
    // No verification link for the owner's address comes out of someone else's attempt.
    const links = await rowsOf(
      h.database,
      `SELECT count(*)::int AS n FROM identity.event_outbox
        WHERE subject = 'identity.email_verification.requested.v1' AND envelope->'payload'->>'email' = $1`,
      [owner.body.email],
    );
    expect(links[0].n).toBe(1);
  });

  it('tells the owner at most once an hour, however often the address is tried', async () => {
    const owner = await register(h.app);
    for (let i = 0; i < 3; i++) {
      const { res } = await signUp(newUser({ email: owner.body.email }));
      expect(res.statusCode).toBe(202);
    }
    expect(await attemptEvents(owner.session.user.id)).toHaveLength(1);
    const audit = await rowsOf(
      h.database,
      `SELECT actor_role FROM identity.audit_log WHERE action = 'user.signup_attempted' AND entity_id = $1`,
      [owner.session.user.id],
    );
    expect(audit).toEqual([{ actor_role: 'anonymous' }]);
  });
});
