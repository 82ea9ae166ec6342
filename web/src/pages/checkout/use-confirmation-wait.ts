import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useLiveEvents, type LiveEvent } from '../../realtime/live-context.ts';
import { bookingKeys } from '../bookings/bookings-queries.ts';

/** How long the page waits for the confirmation before it says it is taking longer. */
export const CONFIRM_WAIT_MS = 60_000;

const confirmationSubjects = new Set(['billing.payment.succeeded.v1', 'bundling.booking.confirmed.v1']);

function bookingIdOf(event: LiveEvent): string {
  const payload = event.payload as Record<string, unknown> | null;
  return payload && typeof payload.bookingId === 'string' ? payload.bookingId : '';
}

/**
 * After the card was charged: the booking confirms when bundling hears billing's
 * payment.succeeded. Both events come to this traveller's tabs over /ws and make the page read
 * the booking at once; the booking query polls meanwhile (useCheckoutBooking, until this answers true). Answers `true`
 * once the wait has lasted a minute, so the page can say so instead of spinning on.
 */
export function useConfirmationWait(bookingId: string, waiting: boolean): boolean {
  const queryClient = useQueryClient();
  const [slow, setSlow] = useState(false);
  const listener = useCallback(
    (event: LiveEvent) => {
      if (confirmationSubjects.has(event.subject) && bookingIdOf(event) === bookingId) {
        void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
      }
    },
    [bookingId, queryClient],
  );
  useLiveEvents(listener);
  useEffect(() => {
    if (!waiting) return;
    setSlow(false);
    const timer = setTimeout(() => setSlow(true), CONFIRM_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  return waiting && slow;
}
