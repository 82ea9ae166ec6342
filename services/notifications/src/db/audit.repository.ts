import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { Tx } from '@tourconnect/db';
import { auditLog } from './schema.ts';

/** One entry at the end of notifications' hash-chained log (locks the chain until commit). */
export async function appendAuditEntry(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
