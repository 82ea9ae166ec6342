import { bigint, bigserial, index, jsonb, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

export const AUDIT_TABLE_NAME = 'audit_log';

/**
 * The audit log of one service, inside that service's own schema. Services re-export the
 * result from their drizzle schema file so drizzle-kit generates the table in their
 * migrations; createAuditTableSql() produces the same DDL for code that has no drizzle-kit.
 *
 * `seq` is not a sequence: it is derived from the previous row under an advisory lock, so a
 * rolled-back append leaves no gap and a gap always means a deleted row.
 */
export function auditTable(schema: PgSchema) {
  return schema.table(
    AUDIT_TABLE_NAME,
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      seq: bigint('seq', { mode: 'number' }).notNull().unique('audit_log_seq_key'),
      // Millisecond precision: what JavaScript hashes is exactly what PostgreSQL returns.
      occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
      actorId: text('actor_id'),
      actorRole: text('actor_role'),
      action: text('action').notNull(),
      entityType: text('entity_type').notNull(),
      entityId: text('entity_id').notNull(),
      data: jsonb('data').$type<Record<string, unknown>>().notNull(),
      correlationId: text('correlation_id'),
      prevHash: text('prev_hash').notNull(),
      hash: text('hash').notNull(),
    },
    (t) => [
      index('audit_log_entity_idx').on(t.entityType, t.entityId, t.seq),
      index('audit_log_action_idx').on(t.action, t.seq),
      index('audit_log_actor_idx').on(t.actorId, t.seq),
    ],
  );
}

export type AuditTable = ReturnType<typeof auditTable>;
export type AuditRow = AuditTable['$inferSelect'];
