import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '@tourconnect/contracts/http';
import { SIGNING_ALG, type SigningKeys } from './signing-keys.ts';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** A short-lived EdDSA access token carrying the claims every service relies on. */
export function signAccessToken(
  keys: SigningKeys,
  settings: TokenSettings,
  user: { id: string; email: string; roles: Role[] },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: user.email, roles: user.roles })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + settings.ttlSeconds)
    .setJti(randomUUID())
    .sign(keys.privateKey);
}
