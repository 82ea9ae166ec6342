import { AuditError } from './audit-error.ts';
import { AUDIT_TABLE_NAME } from './audit-table.ts';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Service schemas are plain lowercase identifiers; anything else is refused, never quoted through. */
export function assertSchemaName(schemaName: string): void {
  if (typeof schemaName !== 'string' || !SCHEMA_NAME.test(schemaName)) {
    throw new AuditError('invalid_schema_name', `invalid schema name '${String(schemaName)}'`);
  }
}

/** The DDL drizzle-kit generates for auditTable(), as separate idempotent statements. */
export function auditTableStatements(schemaName: string): string[] {
  assertSchemaName(schemaName);
  const table = `"${schemaName}"."${AUDIT_TABLE_NAME}"`;
  return [
    `CREATE SCHEMA IF NOT EXISTS "${schemaName}"`,
    `CREATE TABLE IF NOT EXISTS ${table} (
  "id" bigserial PRIMARY KEY NOT NULL,
  "seq" bigint NOT NULL,
  "occurred_at" timestamp (3) with time zone NOT NULL,
  "actor_id" text,
  "actor_role" text,
  "action" text NOT NULL,
  "entity_type" text NOT NULL,
  "entity_id" text NOT NULL,
  "data" jsonb NOT NULL,
  "correlation_id" text,
  "prev_hash" text NOT NULL,
  "hash" text NOT NULL,
  CONSTRAINT "audit_log_seq_key" UNIQUE("seq")
)`,
    `CREATE INDEX IF NOT EXISTS "audit_log_entity_idx" ON ${table} USING btree ("entity_type","entity_id","seq")`,
    `CREATE INDEX IF NOT EXISTS "audit_log_action_idx" ON ${table} USING btree ("action","seq")`,
    `CREATE INDEX IF NOT EXISTS "audit_log_actor_idx" ON ${table} USING btree ("actor_id","seq")`,
  ];
}

/** One script (statements separated by `;`) for pool.query(), psql or a custom migration. */
export function createAuditTableSql(schemaName: string): string {
  return `${auditTableStatements(schemaName).join(';\n')};\n`;
}

/**
 * Statement-level triggers, so even an UPDATE/DELETE that matches no row is refused and
 * TRUNCATE (which row triggers never see) is covered. CREATE OR REPLACE keeps it idempotent
 * (PostgreSQL ≥ 14). A superuser or the table owner can still disable triggers; the hash
 * chain is what detects that.
 */
export function auditGuardStatements(schemaName: string): string[] {
  assertSchemaName(schemaName);
  return [
    `CREATE OR REPLACE FUNCTION "${schemaName}"."audit_log_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit log %.% is append-only: % is not allowed', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING HINT = 'Record a correcting entry with appendAudit instead.';
END
$fn$`,
    `CREATE OR REPLACE TRIGGER "audit_log_append_only"
BEFORE UPDATE OR DELETE OR TRUNCATE ON "${schemaName}"."${AUDIT_TABLE_NAME}"
FOR EACH STATEMENT EXECUTE FUNCTION "${schemaName}"."audit_log_refuse_change"()`,
  ];
}

export function auditGuardsSql(schemaName: string): string {
  return `${auditGuardStatements(schemaName).join(';\n')};\n`;
}
