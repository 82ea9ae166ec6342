import type { AuditEntry } from '@tourconnect/audit';
import type { Tx } from '@tourconnect/db';
import { appendAuditEntry } from '../db/audit.repository.ts';

/**
 * Appends to the service's hash-chained audit log in the caller's transaction. Call it last:
 * it holds the chain's lock until commit. Entries carry ids, never addresses or names, so the
 * append-only log survives a GDPR erasure without keeping personal data.
 */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAuditEntry(tx, entry);
}
