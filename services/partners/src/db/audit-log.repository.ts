import { appendAudit, listAudit, type AuditEntry, type AuditRow } from '@tourconnect/audit';
import type { Executor, Tx } from '@tourconnect/db';
import { auditLog } from './schema.ts';

export type AuditLogRow = AuditRow;

/** Appends to the hash-chained log in the caller's transaction (it holds the chain's lock until commit). */
export async function appendAuditEntry(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}

/** A partner's history, newest first. */
export async function partnerHistory(executor: Executor, partnerId: string, limit: number): Promise<AuditLogRow[]> {
  return listAudit(executor, auditLog, { limit, entityType: 'partner', entityId: partnerId });
}
