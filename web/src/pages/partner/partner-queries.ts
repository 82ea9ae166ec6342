import type { MyPartner, PartnerStatus } from '@contracts/http';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import * as api from '../../api/partners-api.ts';
import { refreshSession } from '../../auth/session-store.ts';
import { saveBlob } from '../../lib/files.ts';

/** The partners API (services/partners/README.md); all keys start with 'partners' so one invalidation refreshes them. */
export const partnerKeys = {
  all: ['partners'] as const,
  me: ['partners', 'me'] as const,
  documents: ['partners', 'me', 'documents'] as const,
  members: ['partners', 'me', 'members'] as const,
  deletion: ['partners', 'me', 'deletion'] as const,
  invitations: ['partners', 'invitations'] as const,
};

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

/** The partner as just answered goes straight into the cache (no refetch flash); the rest is marked stale. */
function cachePartner(queryClient: QueryClient, data: MyPartner): void {
  queryClient.setQueryData(partnerKeys.me, data);
  // Checks, documents and members may all have changed with it.
  void queryClient.invalidateQueries({ queryKey: partnerKeys.all, predicate: (q) => q.queryKey.length > 2 });
}

/** Every mutation answering MyPartner (update, logo, submit) caches it and marks the rest stale. */
export function usePartnerMutation<Arg>(fn: (arg: Arg) => Promise<MyPartner>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (data) => cachePartner(queryClient, data) });
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

/** A problem with this code means /me is out of date: refetch it. */
function useRefetchMeOn(code: string) {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    if (isApiError(error) && error.code === code) void queryClient.invalidateQueries({ queryKey: partnerKeys.me });
  };
}

export function useRegisterPartner() {
  const joined = useJoinedPartner();
  // Registered meanwhile (another tab, an accepted invitation): show that partner instead.
  const refetchMe = useRefetchMeOn('already_partner_member');
  return useMutation({ mutationFn: api.registerPartner, onSuccess: joined, onError: refetchMe });
}

export function useSubmitPartner() {
  const queryClient = useQueryClient();
  // The answer to `submission_incomplete` carries fresh checks: reload them.
  const refetchMe = useRefetchMeOn('submission_incomplete');
  return useMutation({
    mutationFn: api.submitPartner,
    onSuccess: (data) => cachePartner(queryClient, data),
    onError: refetchMe,
  });
}

export function useAcceptInvitation() {
  const joined = useJoinedPartner();
  return useMutation({ mutationFn: api.acceptInvitation, onSuccess: joined });
}

export function useDeclineInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.declineInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.invitations }),
  });
}

/** The erasure request is shown at once, before /me reports the new status. */
export function useDeletePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.deletePartner,
    onSuccess: (request) => {
      queryClient.setQueryData(partnerKeys.deletion, request);
      void queryClient.invalidateQueries({ queryKey: partnerKeys.me });
    },
  });
}

/** GDPR access/portability: the export is saved as one JSON file. */
export function useExportPartnerData(partnerId: string) {
  return useMutation({
    mutationFn: api.exportPartnerData,
    onSuccess: (blob) => saveBlob(blob, `tourconnect-partner-${partnerId}.json`),
  });
}

/** Profile and documents can change only in these statuses (README status table). */
export function isEditable(status: PartnerStatus): boolean {
  return status === 'draft' || status === 'rejected' || status === 'verified';
}

export function canManage(my: MyPartner): boolean {
  return my.role === 'owner' || my.role === 'manager';
}
