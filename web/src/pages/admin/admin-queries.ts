import type { Partner, SentMailQuery, VerifyPartnerBody } from '@contracts/http';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listAudit, listDeadLetters, replayDeadLetter, verifyAudit } from '../../api/admin-api.ts';
import { isApiError } from '../../api/api-error.ts';
import { getSentMail, listSentMail } from '../../api/notifications-api.ts';
import {
  getAdminPartner,
  listAdminPartners,
  reinstatePartner,
  suspendPartner,
  verifyPartner,
  type QueueStatus,
} from '../../api/verification-api.ts';

/** The admin screens' cache; everything about partners under one key, so a decision refreshes queue and detail. */
export const adminKeys = {
  deadLetters: ['admin', 'dead-letters'] as const,
  audit: (limit: number) => ['admin', 'audit', limit] as const,
  partners: ['admin', 'partners'] as const,
  partnerList: (status: QueueStatus, page: number) => ['admin', 'partners', 'list', status, page] as const,
  partner: (id: string) => ['admin', 'partners', 'detail', id] as const,
  sentMail: ['admin', 'sent-mail'] as const,
  sentMailList: (query: SentMailQuery) => ['admin', 'sent-mail', 'list', query] as const,
  sentMailItem: (id: string) => ['admin', 'sent-mail', 'detail', id] as const,
};

export function useDeadLetters() {
  return useQuery({ queryKey: adminKeys.deadLetters, queryFn: listDeadLetters });
}

/** Replay puts the event back on the bus; the list refetches either way. */
export function useReplayDeadLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replayDeadLetter,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.deadLetters }),
  });
}

export function useAudit(limit: number) {
  return useQuery({ queryKey: adminKeys.audit(limit), queryFn: () => listAudit(limit) });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}

/** One page of the verification queue; the previous page stays on screen while the next loads. */
export function useAdminPartners(status: QueueStatus, page: number, pageSize: number) {
  return useQuery({
    queryKey: adminKeys.partnerList(status, page),
    queryFn: ({ signal }) => listAdminPartners(status, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** An unknown partner (404) will not appear on retry. */
export function useAdminPartner(id: string) {
  return useQuery({
    queryKey: adminKeys.partner(id),
    queryFn: ({ signal }) => getAdminPartner(id, signal),
    retry: (failures, error) => !(isApiError(error) && error.status === 404) && failures < 2,
  });
}

export type Action = 'approve' | 'reject' | 'suspend' | 'reinstate';

function decide(partnerId: string, action: Action, reason: string): Promise<Partner> {
  if (action === 'suspend') return suspendPartner(partnerId, reason);
  if (action === 'reinstate') return reinstatePartner(partnerId);
  const body: VerifyPartnerBody = { partnerId, decision: action, ...(reason ? { reason } : {}) };
  return verifyPartner(body);
}

/**
 * Approve / reject / suspend / reinstate. Whatever the outcome, queue and detail refetch, so a
 * decision taken meanwhile by another admin (`partner_not_pending`) shows up at once.
 */
export function useDecision(partnerId: string, onDecided: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, reason }: { action: Action; reason: string }) => decide(partnerId, action, reason),
    onSuccess: onDecided,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.partners }),
  });
}

/** Names change rarely; one look-up per person or partner per few minutes is plenty. */
const NAME_STALE_MS = 5 * 60_000;

/** What the admin can learn about an account: its latest e-mail address, or that it was erased. */
export interface PersonContact {
  email: string | null;
  erased: boolean;
}

/**
 * Who a user id is, for the decision trail and the audit log. No API lists accounts; the
 * Sent-mail log names the recipient of every e-mail the platform sent (everyone who signed up
 * got at least the verification e-mail), newest first. Null: no e-mail ever went to them.
 */
export function usePersonContact(userId: string | null) {
  return useQuery({
    queryKey: ['admin', 'person', userId],
    queryFn: async ({ signal }): Promise<PersonContact | null> => {
      const page = await listSentMail({ recipient: userId!, pageSize: 1 }, signal);
      const latest = page.items[0];
      return latest ? { email: latest.recipientEmail, erased: latest.erased || latest.recipientEmail === null } : null;
    },
    enabled: !!userId,
    staleTime: NAME_STALE_MS,
    retry: false,
  });
}

/** A partner's name by id (the admin detail, shared with the detail page's cache); null once erased. */
export function usePartnerName(partnerId: string | null) {
  return useQuery({
    queryKey: adminKeys.partner(partnerId ?? ''),
    queryFn: ({ signal }) => getAdminPartner(partnerId!, signal),
    enabled: !!partnerId,
    staleTime: NAME_STALE_MS,
    retry: (failures, error) => !(isApiError(error) && error.status === 404) && failures < 1,
    select: (detail) => detail.partner.name,
  });
}

/** How often the Sent-mail list looks for new e-mails: the demo's sign-up mail shows up by itself. */
const SENT_MAIL_POLL_MS = 5_000;

export function useSentMail(query: SentMailQuery) {
  return useQuery({
    queryKey: adminKeys.sentMailList(query),
    queryFn: ({ signal }) => listSentMail(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: SENT_MAIL_POLL_MS,
  });
}

/** A queued e-mail changes status once sent; an unknown id (404) will not appear on retry. */
export function useSentMailItem(id: string) {
  return useQuery({
    queryKey: adminKeys.sentMailItem(id),
    queryFn: ({ signal }) => getSentMail(id, signal),
    retry: (failures, error) => !(isApiError(error) && error.status === 404) && failures < 2,
    refetchInterval: (query) => (query.state.data?.status === 'queued' ? SENT_MAIL_POLL_MS : false),
  });
}
