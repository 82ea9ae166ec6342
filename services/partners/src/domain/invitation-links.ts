import { createHash, randomBytes } from 'node:crypto';

/** How long an e-mailed invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The secret of an invitation link and what is stored of it. */
export interface InvitationSecret {
  /** 32 random bytes, base64url: travels only in the event to notifications and in the e-mail. */
  token: string;
  /** SHA-256 of the token (hex): all partners keeps, and how the link finds its invitation. */
  sha256: string;
}

export function newInvitationSecret(): InvitationSecret {
  const token = randomBytes(32).toString('base64url');
  return { token, sha256: tokenHash(token) };
}

/** A high-entropy secret needs no slow hash: SHA-256 is enough to make a database leak useless. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
