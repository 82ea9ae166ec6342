import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '@tourconnect/contracts/http';
import { SIGNING_ALG, type SigningKeys } from './signing-keys.ts';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface TokenSubject {
  id: string;
  email: string;
  roles: Role[];
  emailVerifiedAt: Date | null;
  locale: string;
}

/**
 * A short-lived EdDSA access token carrying the claims every service relies on, including
 * OIDC's `email_verified` (partners lets only proven addresses act for a partner) and `locale`.
 */
export function signAccessToken(keys: SigningKeys, settings: TokenSettings, user: TokenSubject): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    email: user.email,
    roles: user.roles,
    email_verified: user.emailVerifiedAt !== null,
    locale: user.locale,
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + settings.ttlSeconds)
    .setJti(randomUUID())
    .sign(keys.privateKey);
}
