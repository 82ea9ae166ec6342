import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { stripeEvents } from './schema.ts';

export type StripeEventRow = typeof stripeEvents.$inferSelect;

/**
 * Stores a Stripe event once by its id. Undefined for one already stored: a concurrent
 * duplicate waits for the first delivery's transaction and then finds it, so an event has one
 * effect however often Stripe delivers it.
 */
export async function insertStripeEvent(
  tx: Tx,
  row: { id: string; type: string; account: string | null; stripeCreatedAt: Date; payload: unknown },
): Promise<StripeEventRow | undefined> {
  const [inserted] = await tx
    .insert(stripeEvents)
    .values(row)
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning();
  return inserted;
}

export async function markStripeEventProcessed(tx: Tx, id: string, outcome: string): Promise<void> {
  await tx
    .update(stripeEvents)
    .set({ processedAt: new Date(), outcome: outcome.slice(0, 500) })
    .where(eq(stripeEvents.id, id));
}

export async function stripeEventStored(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id));
  return row !== undefined;
}
