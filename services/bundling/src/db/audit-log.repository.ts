import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import type { Tx } from '@tourconnect/db';
import { auditLog } from './schema.ts';

/** Appends to bundling's hash-chained audit log in the caller's transaction. */
export async function appendAuditEntry(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
