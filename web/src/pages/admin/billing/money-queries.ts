import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteFee,
  getFees,
  getReconciliation,
  listDisputes,
  listMoneyAudit,
  putFee,
  startReconciliation,
  type FeeScope,
} from '../../../api/billing-admin-api.ts';

/** The Money page's cache: reconciliation, disputes, audit pages and fee rules. */
export const moneyKeys = {
  reconciliation: ['admin', 'money', 'reconciliation'] as const,
  disputes: ['admin', 'money', 'disputes'] as const,
  audit: (cursor: number | null) => ['admin', 'money', 'audit', cursor] as const,
  fees: ['admin', 'money', 'fees'] as const,
};

/** While a run is in progress the view polls, so its results appear by themselves. */
const RUNNING_POLL_MS = 2_000;

export function useReconciliation() {
  return useQuery({
    queryKey: moneyKeys.reconciliation,
    queryFn: ({ signal }) => getReconciliation(signal),
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === 'running') ? RUNNING_POLL_MS : false),
  });
}

export function useStartReconciliation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startReconciliation,
    // A conflict means one is already running: refetching shows it either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: moneyKeys.reconciliation }),
  });
}

export function useDisputes() {
  return useQuery({ queryKey: moneyKeys.disputes, queryFn: ({ signal }) => listDisputes(signal) });
}

export const AUDIT_PAGE_SIZE = 20;

export function useMoneyAudit(cursor: number | null) {
  return useQuery({
    queryKey: moneyKeys.audit(cursor),
    queryFn: ({ signal }) => listMoneyAudit(cursor, AUDIT_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFees() {
  return useQuery({ queryKey: moneyKeys.fees, queryFn: ({ signal }) => getFees(signal) });
}

export function useSaveFee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putFee,
    onSettled: () => queryClient.invalidateQueries({ queryKey: moneyKeys.fees }),
  });
}

export function useDeleteFee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ scope, scopeKey }: { scope: FeeScope; scopeKey: string }) => deleteFee(scope, scopeKey),
    onSettled: () => queryClient.invalidateQueries({ queryKey: moneyKeys.fees }),
  });
}
