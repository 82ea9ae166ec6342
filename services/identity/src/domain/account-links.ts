import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '@tourconnect/db';
import { claimNotice, type AccountNoticeKind } from '../db/account-notices.repository.ts';
import {
  discardOpenTokens,
  findAccountTokenForUpdate,
  insertAccountToken,
  purgeExpiredTokens,
  type AccountTokenPurpose,
  type AccountTokenRow,
} from '../db/account-tokens.repository.ts';
import type { IdentityContext } from './context.ts';
import { emailSentRecently, linkExpired, linkInvalid } from './identity-errors.ts';
import { digestSecret, newOpaqueSecret } from './opaque-secrets.ts';

/** The secret of an e-mailed link, in clear only here and in the event that carries it to notifications. */
export interface IssuedLink {
  token: string;
  expiresAt: Date;
}

/**
 * A new single-use link for `purpose`. Only the newest link of a purpose works: issuing one
 * discards the unused ones, so at most one live secret per purpose exists per account.
 */
export async function issueLink(
  tx: Tx,
  link: { userId: string; purpose: AccountTokenPurpose; email: string; ttlSeconds: number },
): Promise<IssuedLink> {
  await discardOpenTokens(tx, link.userId, [link.purpose]);
  const token = newOpaqueSecret();
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + link.ttlSeconds * 1000);
  await insertAccountToken(tx, {
    id: randomUUID(),
    userId: link.userId,
    purpose: link.purpose,
    tokenHash: digestSecret(token),
    email: link.email,
    createdAt,
    expiresAt,
  });
  return { token, expiresAt };
}

export type LinkState = 'usable' | 'invalid' | 'expired';

/** Unknown, used or for another purpose: invalid; past its time: expired. */
export function linkState(row: AccountTokenRow | undefined, purposes: AccountTokenPurpose[], now: Date): LinkState {
  if (!row || row.usedAt || !purposes.includes(row.purpose)) return 'invalid';
  return row.expiresAt <= now ? 'expired' : 'usable';
}

export function assertUsable(state: LinkState): void {
  if (state === 'invalid') throw linkInvalid();
  if (state === 'expired') throw linkExpired();
}

/** The link's row, locked until commit (two clicks on one link are decided one after the other), or the refusal. */
export async function openLink(
  tx: Tx,
  token: string,
  purposes: AccountTokenPurpose[],
  now: Date,
): Promise<AccountTokenRow> {
  const row = await findAccountTokenForUpdate(tx, digestSecret(token));
  assertUsable(linkState(row, purposes, now));
  return row!;
}

/** Whether an e-mail of this kind may go to the account now (EMAIL_COOLDOWN_SECONDS apart). */
export async function mayEmail(
  ctx: IdentityContext,
  tx: Tx,
  userId: string,
  kind: AccountNoticeKind,
  cooldownSeconds = ctx.settings.EMAIL_COOLDOWN_SECONDS,
): Promise<boolean> {
  return (await claimNotice(tx, userId, kind, cooldownSeconds)).claimed;
}

/** Like mayEmail, but the caller asked in person: refuse with 429 rate_limited and Retry-After. */
export async function claimEmailOrRefuse(
  ctx: IdentityContext,
  tx: Tx,
  userId: string,
  kind: AccountNoticeKind,
): Promise<void> {
  const claim = await claimNotice(tx, userId, kind, ctx.settings.EMAIL_COOLDOWN_SECONDS);
  if (!claim.claimed) throw emailSentRecently(claim.retryAfterSeconds);
}

/** A week after expiry a link is forgotten; until then it answers "expired" rather than "invalid". */
export const EXPIRED_LINK_MEMORY_SECONDS = 7 * 24 * 3600;

export function purgeExpiredLinks(ex: Executor): Promise<number> {
  return purgeExpiredTokens(ex, EXPIRED_LINK_MEMORY_SECONDS);
}
