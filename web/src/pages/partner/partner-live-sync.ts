import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { refreshSession } from '../../auth/session-store.ts';
import { useLiveEvents, type LiveEvent } from '../../realtime/live-context.ts';
import { partnerKeys } from './partner-queries.ts';

/** Role changes are only visible in a fresh access token (header, nav, guarded routes). */
const roleSubjects = new Set(['identity.user.role_granted.v1', 'identity.user.role_revoked.v1']);

/**
 * Keeps the portal in step with pushed events: a verification decision, a new member or a
 * service confirming erasure refetches the partner data; a granted role refreshes the token.
 */
export function usePartnerLiveSync(): void {
  const queryClient = useQueryClient();
  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (roleSubjects.has(event.subject)) void refreshSession();
      if (event.subject.startsWith('partners.') || event.subject.includes('.partner_data.')) {
        void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      }
    },
    [queryClient],
  );
  useLiveEvents(onEvent);
}

/** Erasure confirmations arrive as events too: refetch at once instead of waiting for the next poll. */
export function useDeletionLiveRefresh(inProgress: boolean): void {
  const queryClient = useQueryClient();
  const onEvent = useCallback(() => {
    if (inProgress) void queryClient.invalidateQueries({ queryKey: partnerKeys.deletion });
  }, [inProgress, queryClient]);
  useLiveEvents(onEvent);
}
