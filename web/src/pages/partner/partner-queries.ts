import type { MyPartner, PartnerStatus } from '@contracts/http';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from '../../api/partners-api.ts';
import { refreshSession } from '../../auth/session-store.ts';

const { partnerKeys } = api;

/** `data` is null when the signed-in user belongs to no partner (404 partner_not_found). */
export function useMyPartner() {
  return useQuery({ queryKey: partnerKeys.me, queryFn: api.fetchMyPartner });
}

export function useDocuments(enabled: boolean) {
  return useQuery({ queryKey: partnerKeys.documents, queryFn: api.listDocuments, enabled });
}

export function useMembers(enabled: boolean) {
  return useQuery({ queryKey: partnerKeys.members, queryFn: api.fetchMembers, enabled });
}

export function useMyInvitations(enabled: boolean) {
  return useQuery({ queryKey: partnerKeys.invitations, queryFn: api.listMyInvitations, enabled });
}

/** Polled every 2 s while services are still erasing; live events refetch it sooner. */
export function useDeletion(enabled: boolean) {
  return useQuery({
    queryKey: partnerKeys.deletion,
    queryFn: api.fetchDeletion,
    enabled,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'in_progress' ? 2_000 : false),
  });
}

/**
 * Every mutation answering MyPartner puts it straight into the cache (no refetch flash), then
 * marks the rest stale: checks, documents and members may all have changed with it.
 */
export function usePartnerMutation<Arg>(fn: (arg: Arg) => Promise<MyPartner>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      queryClient.setQueryData(partnerKeys.me, data);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all, predicate: (q) => q.queryKey.length > 2 });
    },
  });
}

/** A mutation that answers nothing useful: refetch everything about the partner afterwards. */
export function usePartnerAction<Arg, Result = void>(fn: (arg: Arg) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
  });
}

/**
 * Registering or joining a partner makes identity grant the `partner` role, but the access
 * token in memory predates it: refresh now (and again on the live role_granted event).
 */
export function useJoinedPartner() {
  const queryClient = useQueryClient();
  return (data: MyPartner) => {
    queryClient.setQueryData(partnerKeys.me, data);
    void queryClient.invalidateQueries({ queryKey: partnerKeys.invitations });
    void refreshSession();
  };
}

/** Profile and documents can change only in these statuses (README status table). */
export function isEditable(status: PartnerStatus): boolean {
  return status === 'draft' || status === 'rejected' || status === 'verified';
}

export function canManage(my: MyPartner): boolean {
  return my.role === 'owner' || my.role === 'manager';
}
