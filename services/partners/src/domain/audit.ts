import type { AuditEntry } from '@tourconnect/audit';
import type { Tx } from '@tourconnect/db';
import { appendAuditEntry } from '../db/audit-log.repository.ts';

/**
 * Appends to the partners service's hash-chained audit log in the caller's transaction. Call
 * it last: it holds the chain's lock until commit. Ids and business facts only, never e-mails
 * or file names: the log is append-only and must outlive a GDPR erasure.
 */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAuditEntry(tx, entry);
}
