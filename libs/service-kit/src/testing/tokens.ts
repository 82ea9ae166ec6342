import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import type { Role } from '@tourconnect/contracts/http';

export const TEST_ISSUER = 'tourconnect-identity';
export const TEST_AUDIENCE = 'tourconnect';

export interface TestCaller {
  id?: string;
  email?: string;
  roles?: Role[];
  /** The `email_verified` claim (default true: most tests act as a verified user). */
  emailVerified?: boolean;
  /** Seconds until expiry (default 900; negative for an expired token). */
  expiresIn?: number;
}

export interface TestTokens {
  /** Give this to `build<Name>Service({ keys })`: it verifies the tokens below. */
  keys: JWTVerifyGetKey;
  /** The settings a token-consuming service needs; JWKS_URL is never fetched when keys are given. */
  settings: { JWKS_URL: string; JWT_ISSUER: string; JWT_AUDIENCE: string };
  /** An access token shaped as identity issues it (EdDSA, sub/email/roles, iss/aud/exp). */
  sign(caller?: TestCaller): Promise<string>;
}

/**
 * A signing key of the test's own, standing in for identity: a service under test verifies
 * these tokens exactly as it verifies identity's, without identity running.
 */
export async function createTestTokens(): Promise<TestTokens> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'EdDSA', use: 'sig' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  return {
    keys,
    settings: { JWKS_URL: 'http://127.0.0.1:9/never-fetched', JWT_ISSUER: TEST_ISSUER, JWT_AUDIENCE: TEST_AUDIENCE },
    async sign(caller = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        email: caller.email ?? `user-${randomUUID().slice(0, 8)}@example.com`,
        roles: caller.roles ?? ['traveller'],
        email_verified: caller.emailVerified ?? true,
      })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
        .setSubject(caller.id ?? randomUUID())
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + (caller.expiresIn ?? 900))
        .sign(privateKey);
    },
  };
}

/** `{ authorization: 'Bearer …' }` for inject() and fetch(). */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
