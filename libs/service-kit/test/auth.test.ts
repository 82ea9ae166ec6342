import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyObject } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createService, type ServiceApp } from '../src/index.ts';
import { VerifiedTokens, type AuthOptions } from '../src/auth.ts';

type SigningKey = Parameters<SignJWT['sign']>[0] | KeyObject;
const issuer = 'tourconnect-identity';
const audience = 'tourconnect';

describe('JWT verification and role guards', () => {
  let app: ServiceApp;
  let sign: (
    claims: Record<string, unknown>,
    opts?: { exp?: string | number; key?: SigningKey; kid?: string },
  ) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const other = await generateKeyPair('EdDSA', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    sign = (claims, opts = {}) =>
      new SignJWT({ email: 'u@example.com', roles: ['traveller'], ...claims })
        .setProtectedHeader({ alg: 'EdDSA', kid: opts.kid ?? 'k1' })
        .setSubject('2b1c6f7e-1111-4111-8111-111111111111')
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(opts.exp ?? '5m')
        .sign(opts.key ?? privateKey);
    // a token signed with a key that is not in the JWKS, under the same kid
    (globalThis as Record<string, unknown>).forgedKey = other.privateKey;
    app = await createService({
      name: 'probe',
      logLevel: 'silent',
      auth: { keys: createLocalJWKSet({ keys: [jwk] }), issuer, audience },
    });
    app.get('/me', { preHandler: app.requireUser() }, async (request) => request.user);
    app.get('/admin', { preHandler: app.requireUser('admin') }, async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  const call = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('accepts a valid token and exposes the user', async () => {
    const res = await call('/me', await sign({}));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'u@example.com', roles: ['traveller'] });
  });

  it('401 unauthorized without a token', async () => {
    const res = await call('/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthorized');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('401 token_expired for an expired token', async () => {
    const res = await call('/me', await sign({}, { exp: Math.floor(Date.now() / 1000) - 60 }));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('token_expired');
  });

  it('401 token_invalid for a forged signature', async () => {
    const forged = await sign(
      { roles: ['admin'] },
      { key: (globalThis as Record<string, unknown>).forgedKey as SigningKey },
    );
    const res = await call('/admin', forged);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('token_invalid');
  });

  it('401 token_invalid for alg:none', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'x', email: 'e', roles: ['admin'], iss: issuer, aud: audience, iat: now, exp: now + 60 })}.`;
    const res = await call('/admin', unsigned);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('token_invalid');
  });

  it('401 token_invalid for garbage and for a non-Bearer scheme', async () => {
    expect((await call('/me', 'not.a.jwt')).json().code).toBe('token_invalid');
    const basic = await app.inject({ method: 'GET', url: '/me', headers: { authorization: 'Basic dTpw' } });
    expect(basic.statusCode).toBe(401);
  });

  it('403 forbidden for the wrong role', async () => {
    const res = await call('/admin', await sign({ roles: ['traveller'] }));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await call('/admin', await sign({ roles: ['admin'] }))).statusCode).toBe(200);
  });
});

// Each service remembers the tokens it verified lately (signatures are not checked again on a
// client's every request), never past a token's expiry nor longer than a minute.
describe('VerifiedTokens', () => {
  it('checks a token once, then again only after a minute or at its expiry, and never keeps a refusal', async () => {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    const local = createLocalJWKSet({ keys: [jwk] });
    let lookups = 0;
    const options: AuthOptions = {
      keys: (header, token) => {
        lookups += 1;
        return local(header, token);
      },
      issuer,
      audience,
    };
    const issuedAt = Math.floor(Date.now() / 1000);
    const token = (exp: number) =>
      new SignJWT({ email: 'u@example.com', roles: ['traveller'] })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
        .setSubject('2b1c6f7e-1111-4111-8111-111111111111')
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(exp)
        .sign(privateKey);
    let now = issuedAt * 1000;
    const cache = new VerifiedTokens(options, () => now);

    const long = await token(issuedAt + 600);
    const first = await cache.verify(long);
    expect(first).toMatchObject({ email: 'u@example.com', roles: ['traveller'] });
    first.roles.push('admin'); // a caller changing its copy changes nothing kept
    expect(await cache.verify(long)).toMatchObject({ roles: ['traveller'] });
    expect(lookups).toBe(1);
    now += 60_000;
    await cache.verify(long);
    expect(lookups).toBe(2);

    // Kept only until the token's own expiry: past it, the token is checked again (jose then
    // refuses it on the real clock; this cache's clock is the test's).
    const short = await token(issuedAt + 90);
    await cache.verify(short);
    now = (issuedAt + 89) * 1000;
    await cache.verify(short);
    expect(lookups).toBe(3);
    now = (issuedAt + 91) * 1000;
    await cache.verify(short);
    expect(lookups).toBe(4);

    const forged = `${long.slice(0, -4)}AAAA`;
    await expect(cache.verify(forged)).rejects.toMatchObject({ code: 'token_invalid' });
    await expect(cache.verify(forged)).rejects.toMatchObject({ code: 'token_invalid' });
    expect(lookups).toBe(6);
    // An expired token is refused as before.
    await expect(cache.verify(await token(issuedAt - 1))).rejects.toMatchObject({ code: 'token_expired' });
  });
});
