import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { SignJWT } from 'jose';
import { bearer } from '@tourconnect/service-kit/testing';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { clientIp, newUser, register } from '../support/http.ts';
import { newPrivateKeyPem } from '../support/keys.ts';
import { countRows } from '../support/rows.ts';

// Every bad request of the issue: answered as problem+json with its code, and nothing written.
describe('bad input', () => {
  let h: IdentityHarness;
  let signingKey: KeyObject;
  let kid: string;
  let user: Awaited<ReturnType<typeof register>>;
  let before: Awaited<ReturnType<typeof countRows>>;

  beforeAll(async () => {
    const pem = newPrivateKeyPem();
    signingKey = createPrivateKey(pem);
    h = await startIdentity({ label: 'identity_bad_input', env: { JWT_PRIVATE_KEY: pem } });
    kid = (await h.app.inject('/.well-known/jwks.json')).json().keys[0].kid;
    user = await register(h.app);
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    before = await countRows(h.database);
  });

  async function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({ status, code, type: expect.stringContaining(code.replace(/_/g, '-')) });
    expect(await countRows(h.database)).toEqual(before);
    return problem;
  }

  const raw = (
    url: string,
    payload: string,
    contentType = 'application/json',
    method: 'POST' | 'DELETE' = 'POST',
    headers = {},
  ) =>
    h.app.inject({
      method,
      url,
      payload,
      headers: { 'content-type': contentType, 'x-forwarded-for': clientIp(), ...headers },
    });
  const json = (url: string, body: unknown) => raw(url, JSON.stringify(body));
  const fieldCodes = (problem: { errors: Array<{ path: string; code: string }> }, path: string) =>
    problem.errors.filter((e) => e.path === path).map((e) => e.code);

  it('malformed JSON → 400 malformed_json', async () => {
    await expectProblem(await raw('/api/auth/register', '{"email": "a@b.co", '), 400, 'malformed_json');
    await expectProblem(await raw('/api/auth/login', ''), 400, 'malformed_json');
  });

  it('wrong content type → 415 unsupported_media_type', async () => {
    const form = await raw('/api/auth/register', 'email=a%40b.co&password=x', 'application/x-www-form-urlencoded');
    await expectProblem(form, 415, 'unsupported_media_type');
    await expectProblem(await raw('/api/auth/login', 'hello', 'text/plain'), 415, 'unsupported_media_type');
  });

  it('oversized body (over 1 MB) → 413 payload_too_large', async () => {
    const body = JSON.stringify({ ...newUser(), displayName: 'x'.repeat(1_100_000) });
    await expectProblem(await raw('/api/auth/register', body), 413, 'payload_too_large');
  });

  it('unknown fields → 400 validation_failed naming them', async () => {
    const problem = await expectProblem(
      await json('/api/auth/register', { ...newUser(), roles: ['admin'] }),
      400,
      'validation_failed',
    );
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ code: 'unrecognized_keys', message: expect.stringContaining('roles') }),
    );
  });

  it('wrong types → 400 validation_failed per field', async () => {
    const problem = await expectProblem(
      await json('/api/auth/register', { email: 42, password: true, displayName: ['x'], locale: 'xx' }),
      400,
      'validation_failed',
    );
    expect(fieldCodes(problem, 'body.email')).toContain('invalid_type');
    expect(fieldCodes(problem, 'body.password')).toContain('invalid_type');
    expect(fieldCodes(problem, 'body.displayName')).toContain('invalid_type');
    expect(fieldCodes(problem, 'body.locale')).toHaveLength(1);
  });

  it('invalid e-mail → 400 with field code invalid_email', async () => {
    const problem = await expectProblem(
      await json('/api/auth/register', newUser({ email: 'not-an-email' })),
      400,
      'validation_failed',
    );
    expect(fieldCodes(problem, 'body.email')).toEqual(['invalid_email']);
    const login = await expectProblem(
      await json('/api/auth/login', { email: 'nope@', password: 'x' }),
      400,
      'validation_failed',
    );
    expect(fieldCodes(login, 'body.email')).toEqual(['invalid_email']);
  });

  it('weak passwords → 400 with one code per broken rule', async () => {
    const short = await expectProblem(
      await json('/api/auth/register', newUser({ password: 'abc1' })),
      400,
      'validation_failed',
    );
    expect(fieldCodes(short, 'body.password')).toEqual(['password_too_short']);
    const letters = await expectProblem(
      await json('/api/auth/register', newUser({ password: 'onlyletters' })),
      400,
      'validation_failed',
    );
    expect(fieldCodes(letters, 'body.password')).toEqual(['password_needs_letter_and_digit']);
    const common = await expectProblem(
      await json('/api/auth/register', newUser({ password: 'Password123' })),
      400,
      'validation_failed',
    );
    expect(fieldCodes(common, 'body.password')).toEqual(['password_too_common']);
  });

  // A taken address is no longer bad input: sign-up answers it like a new one (issue 10, #8),
  // asserted with its side effects in signup-enumeration.test.ts.

  const sign = (claims: Record<string, unknown>, opts: { exp?: number; key?: KeyObject } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ email: user.session.user.email, roles: ['traveller'], ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(user.session.user.id)
      .setIssuer('tourconnect-identity')
      .setAudience('tourconnect')
      .setIssuedAt(now - 1000)
      .setExpirationTime(opts.exp ?? now + 300)
      .sign(opts.key ?? signingKey);
  };
  const deleteMe = (token: string) =>
    raw('/api/auth/me', JSON.stringify({ password: user.body.password }), 'application/json', 'DELETE', bearer(token));

  it('expired token → 401 token_expired', async () => {
    const expired = await sign({}, { exp: Math.floor(Date.now() / 1000) - 60 });
    await expectProblem(await deleteMe(expired), 401, 'token_expired');
  });

  it('forged token (right kid, wrong key) → 401 token_invalid', async () => {
    const forged = await sign({ roles: ['admin'] }, { key: generateKeyPairSync('ed25519').privateKey });
    await expectProblem(await deleteMe(forged), 401, 'token_invalid');
  });

  it('alg:none token → 401 token_invalid', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: user.session.user.id,
      email: 'x',
      roles: ['admin'],
      iss: 'tourconnect-identity',
      aud: 'tourconnect',
      iat: now,
      exp: now + 60,
    };
    await expectProblem(await deleteMe(`${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`), 401, 'token_invalid');
  });

  it('no token at all → 401 unauthorized', async () => {
    await expectProblem(
      await raw('/api/auth/me', JSON.stringify({ password: 'x' }), 'application/json', 'DELETE'),
      401,
      'unauthorized',
    );
  });

  it('a valid token with the wrong role on an admin ops route → 403 forbidden', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/internal/audit',
      headers: bearer(user.session.accessToken),
    });
    await expectProblem(res, 403, 'forbidden');
    const replay = await h.app.inject({
      method: 'POST',
      url: '/internal/dead-letters/0190d7e2-7f3a-7000-8000-000000000000/replay',
      headers: bearer(user.session.accessToken),
    });
    await expectProblem(replay, 403, 'forbidden');
  });

  it('unknown route → 404 not_found', async () => {
    await expectProblem(await json('/api/auth/signup', newUser()), 404, 'not_found');
    await expectProblem(await h.app.inject({ method: 'GET', url: '/api/nothing-here' }), 404, 'not_found');
  });

  it('the token checked still works, so the refusals above were about the input', async () => {
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(await sign({})) });
    expect(me.statusCode).toBe(200);
  });

  it('an internal failure → 500 internal_error that reveals nothing about it', async () => {
    await h.database.pool.query('ALTER TABLE identity.users RENAME TO users_away');
    try {
      const res = await json('/api/auth/login', { email: user.body.email, password: user.body.password });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'internal_error', status: 500 });
      expect(res.body).not.toMatch(/users|relation|identity\.|select|postgres|stack|at /i);
    } finally {
      await h.database.pool.query('ALTER TABLE identity.users_away RENAME TO users');
    }
  });
});
