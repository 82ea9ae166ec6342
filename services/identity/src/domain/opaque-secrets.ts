import { createHash, randomBytes } from 'node:crypto';

/**
 * 256 random bits, base64url: refresh tokens and the secrets of e-mailed links. Opaque to the
 * client and meaningless without our tables.
 */
export function newOpaqueSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored; a fast hash suffices for 256-bit random secrets. */
export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
