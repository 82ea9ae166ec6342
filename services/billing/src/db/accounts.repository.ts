import { eq } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { Executor, Tx } from '@tourconnect/db';
import { auditLog, partnerAccounts } from './schema.ts';

export type PartnerAccountRow = typeof partnerAccounts.$inferSelect;
export type AccountStatus = PartnerAccountRow['status'];

/** What Stripe says of a connected account, as billing keeps it. */
export interface AccountState {
  status: AccountStatus;
  requirementsDue: string[];
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  transfersActive: boolean;
}

export async function findAccountByPartner(db: Executor, partnerId: string): Promise<PartnerAccountRow | undefined> {
  const [row] = await db.select().from(partnerAccounts).where(eq(partnerAccounts.partnerId, partnerId)).limit(1);
  return row;
}

export async function findAccountByStripeId(
  tx: Tx,
  stripeAccountId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PartnerAccountRow | undefined> {
  const query = tx.select().from(partnerAccounts).where(eq(partnerAccounts.stripeAccountId, stripeAccountId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * The partner's account, once: a second onboarding (or a race of two) finds the first row.
 * Returns the row that is there afterwards and whether this call inserted it.
 */
export async function insertAccount(
  tx: Tx,
  row: { partnerId: string; stripeAccountId: string; holdingDays: number },
): Promise<{ row: PartnerAccountRow; inserted: boolean }> {
  const [inserted] = await tx
    .insert(partnerAccounts)
    .values({ ...row, status: 'pending' })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { row: inserted, inserted: true };
  const existing = await findAccountByPartner(tx, row.partnerId);
  if (!existing) throw new Error(`partner_accounts: conflict without a row for partner ${row.partnerId}`);
  return { row: existing, inserted: false };
}

export async function updateAccountState(tx: Tx, partnerId: string, state: AccountState): Promise<PartnerAccountRow> {
  const [row] = await tx
    .update(partnerAccounts)
    .set({ ...state, updatedAt: new Date() })
    .where(eq(partnerAccounts.partnerId, partnerId))
    .returning();
  return row!;
}

/** billing's hash-chained audit log, in the caller's transaction (append last: it takes the log's lock). */
export async function appendConnectAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
