import { PgTransaction } from 'drizzle-orm/pg-core';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '@tourconnect/db';
import type { AuditTable } from './audit-table.ts';

/**
 * Runs `fn` inside the caller's transaction when there is one, otherwise in a new one.
 * A transaction-scoped advisory lock taken on a bare pool would be released as soon as its
 * statement finished, so appends and DDL must never run outside a transaction.
 */
export async function inTransaction<T>(executor: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (executor instanceof PgTransaction) return fn(executor as Tx);
  return executor.transaction(fn);
}

export function schemaOf(table: AuditTable): string {
  return getTableConfig(table).schema ?? 'public';
}

/** Namespaced so the key cannot collide with another library's advisory locks by accident. */
export function auditLockKey(schemaName: string): string {
  return `tourconnect.audit:${schemaName}`;
}
