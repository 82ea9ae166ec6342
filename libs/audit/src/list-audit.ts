import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { AuditError } from './audit-error.ts';
import type { AuditRow, AuditTable } from './audit-table.ts';

export interface ListAuditOptions {
  /** 1–1000. */
  limit: number;
  /** Keyset pagination: pass the seq of the last row of the previous page. */
  beforeSeq?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
}

export const MAX_AUDIT_PAGE = 1000;

/** Entries newest first (by seq), filtered by every option given. */
export async function listAudit(executor: Executor, table: AuditTable, options: ListAuditOptions): Promise<AuditRow[]> {
  const { limit } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    throw new AuditError('invalid_limit', `limit must be an integer from 1 to ${MAX_AUDIT_PAGE}, got ${limit}`);
  }
  return executor
    .select()
    .from(table)
    .where(and(...conditions(table, options)))
    .orderBy(desc(table.seq))
    .limit(limit);
}

function conditions(table: AuditTable, options: ListAuditOptions): SQL[] {
  const where: SQL[] = [];
  if (options.beforeSeq !== undefined) where.push(lt(table.seq, options.beforeSeq));
  if (options.action !== undefined) where.push(eq(table.action, options.action));
  if (options.entityType !== undefined) where.push(eq(table.entityType, options.entityType));
  if (options.entityId !== undefined) where.push(eq(table.entityId, options.entityId));
  if (options.actorId !== undefined) where.push(eq(table.actorId, options.actorId));
  return where;
}
