import { desc, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { AuditError } from './audit-error.ts';
import { computeAuditHash, GENESIS_HASH, type AuditHashFields } from './audit-hash.ts';
import type { AuditRow, AuditTable } from './audit-table.ts';
import { toJsonValue } from './canonical-json.ts';
import { auditLockKey, inTransaction, schemaOf } from './executor.ts';

export interface AuditEntry {
  /** `<entity>.<past-verb>`, lowercase, e.g. 'partner.verified', 'transfer.reversed'. */
  action: string;
  entityType: string;
  entityId: string;
  /** null for system actors (event handlers, jobs); say which in actorRole, e.g. 'system'. */
  actorId?: string | null;
  actorRole?: string | null;
  /** Facts needed to understand the change later. Ids and amounts, not personal data. */
  data?: Record<string, unknown>;
  correlationId?: string | null;
  /** Defaults to now; kept to the millisecond. */
  occurredAt?: Date;
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/**
 * Appends one entry to the table's chain inside `executor`'s transaction (or a new one), so
 * the entry commits or rolls back with the change it records. Appenders of one schema are
 * serialised by a transaction-scoped advisory lock held until commit: append as late in the
 * transaction as possible. Use READ COMMITTED (the default); under REPEATABLE READ a stale
 * snapshot makes the append fail on the unique seq instead of forking the chain.
 */
export async function appendAudit(executor: Executor, table: AuditTable, entry: AuditEntry): Promise<AuditRow> {
  const fields = validateEntry(entry);
  return inTransaction(executor, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${auditLockKey(schemaOf(table))}, 0))`);
    const last = await lastLink(tx, table);
    const chained: AuditHashFields = { ...fields, seq: (last?.seq ?? 0) + 1 };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = computeAuditHash(prevHash, chained);
    const [row] = await tx
      .insert(table)
      .values({ ...chained, prevHash, hash })
      .returning();
    return row as AuditRow;
  });
}

async function lastLink(tx: Tx, table: AuditTable) {
  const [last] = await tx.select({ seq: table.seq, hash: table.hash }).from(table).orderBy(desc(table.seq)).limit(1);
  return last;
}

function validateEntry(entry: AuditEntry): Omit<AuditHashFields, 'seq'> {
  if (typeof entry.action !== 'string' || !ACTION.test(entry.action)) {
    throw new AuditError('invalid_entry', `action must look like 'entity.past_verb', got '${entry.action}'`);
  }
  for (const key of ['entityType', 'entityId'] as const) {
    if (typeof entry[key] !== 'string' || entry[key].length === 0) {
      throw new AuditError('invalid_entry', `${key} must be a non-empty string`);
    }
  }
  const data = entry.data ?? {};
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new AuditError('invalid_entry', 'data must be a JSON object');
  }
  const occurredAt = entry.occurredAt ?? new Date();
  if (!(occurredAt instanceof Date) || Number.isNaN(occurredAt.getTime())) {
    throw new AuditError('invalid_entry', 'occurredAt must be a valid Date');
  }
  return {
    occurredAt: new Date(occurredAt.getTime()),
    actorId: entry.actorId ?? null,
    actorRole: entry.actorRole ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    // Hash what jsonb will hand back, not the caller's object (Dates, undefined members…).
    data: toJsonValue(data),
    correlationId: entry.correlationId ?? null,
  };
}
