import { eq } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { partnerAccounts } from './schema.ts';

/** A partner account's holding period, or undefined without an account (optionally locked). */
export async function findHoldingDays(
  db: Executor,
  partnerId: string,
  options: { forUpdate?: boolean } = {},
): Promise<number | undefined> {
  const query = db
    .select({ holdingDays: partnerAccounts.holdingDays })
    .from(partnerAccounts)
    .where(eq(partnerAccounts.partnerId, partnerId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row?.holdingDays;
}

export async function updateHoldingDays(tx: Tx, partnerId: string, holdingDays: number): Promise<void> {
  await tx
    .update(partnerAccounts)
    .set({ holdingDays, updatedAt: new Date() })
    .where(eq(partnerAccounts.partnerId, partnerId));
}
