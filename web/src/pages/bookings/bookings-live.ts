import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLiveEvents, type LiveEvent } from '../../realtime/live-context.ts';
import { bookingKeys } from './bookings-queries.ts';

/**
 * bundling pushes each booking's held / confirmed / cancelled / expired events to its traveller:
 * a push refetches the bookings on screen, so an expiry or a confirmation shows without reloading.
 */
export function useBookingsLiveRefresh(): void {
  const queryClient = useQueryClient();
  const listener = useCallback(
    (event: LiveEvent) => {
      if (event.subject.startsWith('bundling.booking.')) {
        void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
      }
      // A payment or a refund: what the booking shows as paid and refunded comes from billing.
      if (event.subject.startsWith('billing.payment.') || event.subject.startsWith('billing.refund.')) {
        void queryClient.invalidateQueries({ queryKey: ['billing', 'payment'] });
      }
    },
    [queryClient],
  );
  useLiveEvents(listener);
}
