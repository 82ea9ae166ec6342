import { desc, sql } from 'drizzle-orm';
import type { Tx } from '@tourconnect/db';
import { signingKeys } from './schema.ts';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** Replicas booting together must not each generate their own key. */
export async function lockSigningKeys(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('tourconnect.identity.signing_keys', 0))`);
}

export async function findNewestSigningKey(tx: Tx): Promise<SigningKeyRow | undefined> {
  const [row] = await tx.select().from(signingKeys).orderBy(desc(signingKeys.createdAt)).limit(1);
  return row;
}

export async function insertSigningKey(tx: Tx, row: typeof signingKeys.$inferInsert): Promise<void> {
  await tx.insert(signingKeys).values(row);
}
