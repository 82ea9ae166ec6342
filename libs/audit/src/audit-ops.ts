import type { Executor } from '@tourconnect/db';
import type { AuditTable } from './audit-table.ts';
import { listAudit, type ListAuditOptions } from './list-audit.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

/** The audit side of the admin ops routes (`installOpsRoutes` in the service kit). */
export function auditOps(executor: Executor, table: AuditTable) {
  return {
    list: (query: ListAuditOptions) => listAudit(executor, table, query),
    verify: () => verifyAuditChain(executor, table),
  };
}
