export { AuditError, type AuditErrorCode } from './audit-error.ts';
export { AUDIT_TABLE_NAME, auditTable, type AuditTable, type AuditRow } from './audit-table.ts';
export { createAuditTableSql, auditGuardsSql } from './audit-sql.ts';
export { canonicalJson } from './canonical-json.ts';
export { GENESIS_HASH, computeAuditHash, type AuditHashFields } from './audit-hash.ts';
export { appendAudit, type AuditEntry } from './append-audit.ts';
export { installAuditGuards, createAuditTable } from './install-guards.ts';
export { listAudit, MAX_AUDIT_PAGE, type ListAuditOptions } from './list-audit.ts';
export {
  verifyAuditChain,
  type AuditChainReport,
  type AuditBreakReason,
  type VerifyAuditOptions,
} from './verify-audit-chain.ts';
export { auditOps } from './audit-ops.ts';
