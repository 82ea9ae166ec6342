import type { AuditEntry } from '@tourconnect/audit';
import type { Tx } from '@tourconnect/db';
import { appendAuditEntry } from '../db/audit-log.repository.ts';

/**
 * Appends to bundling's hash-chained audit log in the caller's transaction, so the entry
 * commits or rolls back with the change. Call it last: it holds the chain's lock until commit.
 * Ids, field names and amounts only, never whole texts or personal data: the log is
 * append-only and must outlive a GDPR erasure.
 */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAuditEntry(tx, entry);
}
