import { desc, sql } from 'drizzle-orm';
import { placeholders, preparedStatement, type Executor, type PreparedStatement, type Tx } from '@tourconnect/db';
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
 *
 * The first append of a transaction takes the lock and reads the last link (three statements);
 * every later append in the same transaction is one statement, as the chain's tip is then the
 * entry it wrote itself (see `tips`).
 */
export async function appendAudit(executor: Executor, table: AuditTable, entry: AuditEntry): Promise<AuditRow> {
  const fields = validateEntry(entry);
  return inTransaction(executor, async (tx) => {
    const tip = tips.get(tx)?.get(table);
    const linked = tip && (await insertLink(tx, table, fields, tip, 'unless-taken'));
    if (linked) return linked;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${auditLockKey(schemaOf(table))}, 0))`);
    const last = await lastLink(tx, table);
    const row = await insertLink(tx, table, fields, last ?? { seq: 0, hash: GENESIS_HASH }, 'always');
    if (!row) throw new Error(`audit entry ${fields.action} was not inserted`);
    return row;
  });
}

type Link = { seq: number; hash: string };

/**
 * The tip of each chain a transaction appended to: it holds that chain's lock until it ends, so
 * nobody else can have appended since. Keyed by the transaction object: a savepoint
 * (`tx.transaction`) is another object, appends through it take the long way, and an entry it
 * wrote past this tip makes the next short append find its seq taken (ON CONFLICT DO NOTHING,
 * no row) and take the long way too; an entry rolled back with a savepoint leaves the tip the
 * last link again.
 */
const tips = new WeakMap<Tx, Map<AuditTable, Link>>();

/** Inserts the entry after `prev`; with 'unless-taken', undefined (nothing written) when `prev` is no longer the tip. */
async function insertLink(
  tx: Tx,
  table: AuditTable,
  fields: Omit<AuditHashFields, 'seq'>,
  prev: Link,
  mode: 'always' | 'unless-taken',
): Promise<AuditRow | undefined> {
  const chained: AuditHashFields = { ...fields, seq: prev.seq + 1 };
  const hash = computeAuditHash(prev.hash, chained);
  const statements = appendStatements(table);
  // The remembered tip must still be in the chain (an entry written through this transaction
  // inside a savepoint that rolled back is not): else prev_hash is NULL and the append fails
  // rather than link to a missing entry.
  const { rows } =
    mode === 'always'
      ? await statements.always.run(tx, { ...chained, prevHash: prev.hash, hash })
      : await statements.unlessTaken.run(tx, { ...chained, prevSeq: prev.seq, prevHash: prev.hash, hash });
  const inserted = rows[0];
  if (!inserted) return undefined;
  // The row as written: what was hashed, linked to `prev` (the statement answers only the id).
  return remembered(tx, table, { id: Number(inserted.id), ...chained, prevHash: prev.hash, hash });
}

type AppendValues = AuditHashFields & { prevHash: string; hash: string };
type AppendStatements = {
  always: PreparedStatement<AppendValues, { id: string }>;
  unlessTaken: PreparedStatement<AppendValues & { prevSeq: number }, { id: string }>;
};

/**
 * Every audited change appends one entry (a booking's held event, one per booking): the two
 * INSERTs are built once per chain and planned once per connection.
 */
const appendStatementsByTable = new WeakMap<AuditTable, AppendStatements>();

function appendStatements(table: AuditTable): AppendStatements {
  const known = appendStatementsByTable.get(table);
  if (known) return known;
  const p = sql.placeholder;
  const entry = placeholders<Partial<AuditRow>>([
    'seq',
    'occurredAt',
    'actorId',
    'actorRole',
    'action',
    'entityType',
    'entityId',
    'data',
    'correlationId',
    'hash',
  ]);
  const name = `audit_append_${schemaOf(table)}`;
  const statements: AppendStatements = {
    always: preparedStatement(name, (db) =>
      db
        .insert(table)
        .values({ ...entry, prevHash: p('prevHash') } as unknown as AuditRow)
        .returning({ id: table.id }),
    ),
    unlessTaken: preparedStatement(`${name}_unless_taken`, (db) =>
      db
        .insert(table)
        .values({
          ...entry,
          prevHash: sql`(SELECT ${table.hash} FROM ${table} WHERE ${table.seq} = ${p('prevSeq')} AND ${table.hash} = ${p('prevHash')})`,
        } as unknown as AuditRow)
        .onConflictDoNothing({ target: table.seq })
        .returning({ id: table.id }),
    ),
  };
  appendStatementsByTable.set(table, statements);
  return statements;
}

function remembered(tx: Tx, table: AuditTable, row: AuditRow): AuditRow {
  let byTable = tips.get(tx);
  if (!byTable) tips.set(tx, (byTable = new Map()));
  byTable.set(table, { seq: row.seq, hash: row.hash });
  return row;
}

async function lastLink(tx: Tx, table: AuditTable): Promise<Link | undefined> {
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
