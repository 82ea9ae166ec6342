import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@tourconnect/db';
import { accountNotices } from './schema.ts';

export type AccountNoticeKind = (typeof accountNotices.$inferSelect)['kind'];

export type NoticeClaim = { claimed: true } | { claimed: false; retryAfterSeconds: number };

/**
 * Claims the right to send one e-mail of this kind to the account now: granted when none went
 * out within `cooldownSeconds`. One upsert, so concurrent requests (and replicas) get one claim.
 */
export async function claimNotice(
  tx: Tx,
  userId: string,
  kind: AccountNoticeKind,
  cooldownSeconds: number,
): Promise<NoticeClaim> {
  const cooldown = sql`make_interval(secs => ${cooldownSeconds})`;
  const claimed = await tx
    .insert(accountNotices)
    .values({ userId, kind, sentAt: sql`now()` })
    .onConflictDoUpdate({
      target: [accountNotices.userId, accountNotices.kind],
      set: { sentAt: sql`now()` },
      setWhere: sql`${accountNotices.sentAt} <= now() - ${cooldown}`,
    })
    .returning({ sentAt: accountNotices.sentAt });
  if (claimed.length > 0) return { claimed: true };
  const [last] = await tx
    .select({ wait: sql<number>`ceil(extract(epoch FROM ${accountNotices.sentAt} + ${cooldown} - now()))::int` })
    .from(accountNotices)
    .where(and(eq(accountNotices.userId, userId), eq(accountNotices.kind, kind)));
  return { claimed: false, retryAfterSeconds: Math.max(1, last?.wait ?? 1) };
}

export async function deleteNoticesOfUser(tx: Tx, userId: string): Promise<void> {
  await tx.delete(accountNotices).where(eq(accountNotices.userId, userId));
}
