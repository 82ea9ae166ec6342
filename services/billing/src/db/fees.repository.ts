import { and, asc, eq, inArray } from 'drizzle-orm';
import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { Executor, Tx } from '@tourconnect/db';
import type { FeePartner, FeeRule, FeeScope } from '../domain/fees.ts';
import { auditLog, feeRules, partners } from './schema.ts';

export type FeeRuleRow = typeof feeRules.$inferSelect;

export async function listFeeRules(db: Executor): Promise<FeeRuleRow[]> {
  return db.select().from(feeRules).orderBy(asc(feeRules.scope), asc(feeRules.scopeKey));
}

export async function findFeeRule(db: Executor, scope: FeeScope, scopeKey: string): Promise<FeeRuleRow | undefined> {
  const [row] = await db
    .select()
    .from(feeRules)
    .where(and(eq(feeRules.scope, scope), eq(feeRules.scopeKey, scopeKey)));
  return row;
}

/** Sets a rule (insert or replace) and answers it as stored. */
export async function upsertFeeRule(tx: Tx, rule: FeeRule, updatedBy: string): Promise<FeeRuleRow> {
  const now = new Date();
  const [row] = await tx
    .insert(feeRules)
    .values({ ...rule, updatedBy, updatedAt: now })
    .onConflictDoUpdate({
      target: [feeRules.scope, feeRules.scopeKey],
      set: { bps: rule.bps, updatedBy, updatedAt: now },
    })
    .returning();
  return row!;
}

/** The removed rule, or undefined when there was none. */
export async function deleteFeeRule(tx: Tx, scope: FeeScope, scopeKey: string): Promise<FeeRuleRow | undefined> {
  const [row] = await tx
    .delete(feeRules)
    .where(and(eq(feeRules.scope, scope), eq(feeRules.scopeKey, scopeKey)))
    .returning();
  return row;
}

/** The partners' types as the partners projection knows them (null for a partner it does not hold yet). */
export async function feePartners(db: Executor, partnerIds: readonly string[]): Promise<FeePartner[]> {
  if (partnerIds.length === 0) return [];
  const rows = await db
    .select({ id: partners.id, type: partners.type })
    .from(partners)
    .where(inArray(partners.id, [...partnerIds]));
  const typeOf = new Map(rows.map((r) => [r.id, r.type]));
  return partnerIds.map((partnerId) => ({ partnerId, partnerType: typeOf.get(partnerId) ?? null }));
}

export async function appendFeeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
