import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLiveEvents, type LiveEvent } from '../../realtime/live-context.ts';
import { adminKeys } from './admin-queries.ts';

/**
 * Admins receive partner submissions live (partners README, "Live audience"); a push refetches
 * the queue and any open detail, so two admins see each other's decisions without reloading.
 */
export function usePartnersLiveRefresh(): void {
  const queryClient = useQueryClient();
  const listener = useCallback(
    (event: LiveEvent) => {
      if (event.subject.startsWith('partners.partner.')) {
        void queryClient.invalidateQueries({ queryKey: adminKeys.partners });
      }
    },
    [queryClient],
  );
  useLiveEvents(listener);
}
