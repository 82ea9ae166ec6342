import { sql } from 'drizzle-orm';
import type { Executor, Tx } from '@tourconnect/db';
import { auditGuardStatements, auditTableStatements } from './audit-sql.ts';
import { inTransaction } from './executor.ts';

/**
 * Makes `<schemaName>.audit_log` append-only: UPDATE, DELETE and TRUNCATE raise
 * "audit log <schema>.audit_log is append-only: <OP> is not allowed". Safe to run at every
 * boot; replicas booting together are serialised by an advisory lock.
 */
export async function installAuditGuards(executor: Executor, schemaName: string): Promise<void> {
  const statements = auditGuardStatements(schemaName);
  await inTransaction(executor, (tx) => runLocked(tx, schemaName, statements));
}

/**
 * Creates the schema, table, indexes and guards without drizzle-kit (tests, libraries,
 * tools). Services normally get the table from their own migrations and call
 * installAuditGuards at boot.
 */
export async function createAuditTable(executor: Executor, schemaName: string): Promise<void> {
  const statements = [...auditTableStatements(schemaName), ...auditGuardStatements(schemaName)];
  await inTransaction(executor, (tx) => runLocked(tx, schemaName, statements));
}

async function runLocked(tx: Tx, schemaName: string, statements: string[]): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`tourconnect.audit.ddl:${schemaName}`}, 0))`);
  for (const statement of statements) await tx.execute(sql.raw(statement));
}
