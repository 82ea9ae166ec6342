import {
  adminDisputesSchema,
  feeConfigSchema,
  feeRuleScopes,
  MAX_PLATFORM_FEE_BPS,
  MIN_PLATFORM_FEE_BPS,
  type FeeConfig,
  type FeeRuleScope,
  type FeeRuleView,
  type PutFeeRuleBody,
  moneyAuditPageSchema,
  reconcileStartedSchema,
  reconciliationViewSchema,
  type AdminDispute,
  type MoneyAuditPage,
  type ReconcileStarted,
  type ReconciliationView,
} from '@contracts/http';
import { apiRequest } from './http-client.ts';

/** The admin's money oversight (billing): reconciliation, disputes, money audit, platform fee. */

export function startReconciliation(): Promise<ReconcileStarted> {
  return apiRequest('/api/admin/billing/reconcile', { method: 'POST', schema: reconcileStartedSchema });
}

export function getReconciliation(signal?: AbortSignal): Promise<ReconciliationView> {
  return apiRequest('/api/admin/billing/reconciliation', {
    schema: reconciliationViewSchema,
    ...(signal ? { signal } : {}),
  });
}

export function listDisputes(signal?: AbortSignal): Promise<AdminDispute[]> {
  return apiRequest('/api/admin/billing/disputes', { schema: adminDisputesSchema, ...(signal ? { signal } : {}) });
}

export function listMoneyAudit(cursor: number | null, limit: number, signal?: AbortSignal): Promise<MoneyAuditPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor !== null) query.set('cursor', String(cursor));
  return apiRequest(`/api/admin/billing/audit?${query}`, {
    schema: moneyAuditPageSchema,
    ...(signal ? { signal } : {}),
  });
}

// ─── Platform fee (billing's fee rules; GET/PUT/DELETE /api/admin/billing/fees) ──────────

export const feeScopes = feeRuleScopes;
export type FeeScope = FeeRuleScope;
export type FeeRule = FeeRuleView;
export type { FeeConfig };

/** The admin may set 10–20 % (1000–2000 basis points). */
export const FEE_MIN_BPS = MIN_PLATFORM_FEE_BPS;
export const FEE_MAX_BPS = MAX_PLATFORM_FEE_BPS;

export function getFees(signal?: AbortSignal): Promise<FeeConfig> {
  return apiRequest('/api/admin/billing/fees', { schema: feeConfigSchema, ...(signal ? { signal } : {}) });
}

export function putFee(rule: PutFeeRuleBody): Promise<unknown> {
  return apiRequest('/api/admin/billing/fees', { method: 'PUT', body: rule });
}

export function deleteFee(scope: FeeScope, scopeKey: string): Promise<unknown> {
  return apiRequest(`/api/admin/billing/fees/${encodeURIComponent(scope)}/${encodeURIComponent(scopeKey)}`, {
    method: 'DELETE',
  });
}
