import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { recipients } from './schema.ts';

export type RecipientRow = typeof recipients.$inferSelect;

/** The first fact about a user; later changes arrive as their own events and update it. */
export async function insertRecipient(
  tx: Executor,
  row: { userId: string; email: string; displayName: string; locale: string },
): Promise<void> {
  await tx.insert(recipients).values(row).onConflictDoNothing({ target: recipients.userId });
}

/** Undefined when the user is not known (yet): the caller decides whether to wait for it. */
export async function updateRecipient(
  tx: Executor,
  userId: string,
  patch: Partial<Pick<RecipientRow, 'email' | 'displayName' | 'locale'>>,
): Promise<RecipientRow | undefined> {
  const [row] = await tx
    .update(recipients)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(recipients.userId, userId))
    .returning();
  return row;
}

export async function findRecipient(db: Executor, userId: string): Promise<RecipientRow | undefined> {
  const [row] = await db.select().from(recipients).where(eq(recipients.userId, userId));
  return row;
}

export async function findRecipientByEmail(db: Executor, email: string): Promise<RecipientRow | undefined> {
  const [row] = await db.select().from(recipients).where(eq(recipients.email, email.toLowerCase()));
  return row;
}

export async function deleteRecipient(tx: Executor, userId: string): Promise<RecipientRow | undefined> {
  const [row] = await tx.delete(recipients).where(eq(recipients.userId, userId)).returning();
  return row;
}
