import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { accountTokens } from './schema.ts';

export type AccountTokenRow = typeof accountTokens.$inferSelect;
export type AccountTokenPurpose = AccountTokenRow['purpose'];

export async function insertAccountToken(tx: Tx, row: typeof accountTokens.$inferInsert): Promise<void> {
  await tx.insert(accountTokens).values(row);
}

/** Locks the row, so two requests presenting one link are decided one after the other. */
export async function findAccountTokenForUpdate(tx: Tx, tokenHash: string): Promise<AccountTokenRow | undefined> {
  const [row] = await tx
    .select()
    .from(accountTokens)
    .where(eq(accountTokens.tokenHash, tokenHash))
    .limit(1)
    .for('update');
  return row;
}

export async function findAccountToken(ex: Executor, tokenHash: string): Promise<AccountTokenRow | undefined> {
  const [row] = await ex.select().from(accountTokens).where(eq(accountTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function markAccountTokenUsed(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(accountTokens).set({ usedAt: at }).where(eq(accountTokens.id, id));
}

/** Unused links of these purposes stop working (a newer one replaces them, or the account moved on). */
export async function discardOpenTokens(tx: Tx, userId: string, purposes: AccountTokenPurpose[]): Promise<number> {
  const gone = await tx
    .delete(accountTokens)
    .where(
      and(eq(accountTokens.userId, userId), inArray(accountTokens.purpose, purposes), isNull(accountTokens.usedAt)),
    )
    .returning({ id: accountTokens.id });
  return gone.length;
}

export async function deleteTokensOfUser(tx: Tx, userId: string): Promise<void> {
  await tx.delete(accountTokens).where(eq(accountTokens.userId, userId));
}

/** Links expired this long ago are forgotten (until then an old link answers "expired", not "invalid"). */
export async function purgeExpiredTokens(ex: Executor, graceSeconds: number): Promise<number> {
  const gone = await ex
    .delete(accountTokens)
    .where(lt(accountTokens.expiresAt, sql`now() - make_interval(secs => ${graceSeconds})`))
    .returning({ id: accountTokens.id });
  return gone.length;
}
