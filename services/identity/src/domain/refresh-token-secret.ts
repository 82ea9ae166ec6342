import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: opaque to the client, meaningless without our table. */
export function newRefreshTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored; a fast hash suffices for 256-bit random secrets. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
