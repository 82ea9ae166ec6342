import type { Locale } from '@contracts/http';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import { confirmTestPayment, getBookingPayment, startCheckout } from '../../api/billing-api.ts';
import { getBooking } from '../../api/bundling-api.ts';
import { bookingKeys, isMissingBooking } from '../bookings/bookings-queries.ts';

/** billing's reads of a booking's payment; keys start with 'billing'. */
export const billingKeys = {
  all: ['billing'] as const,
  checkout: (bookingId: string) => ['billing', 'checkout', bookingId] as const,
  payment: (bookingId: string) => ['billing', 'payment', bookingId] as const,
};

/** How often the page asks whether the paid booking is confirmed, when no push came. */
export const CONFIRM_POLL_MS = 2_000;

/**
 * The booking the checkout is for, in the UI language. While a payment is being confirmed it is
 * read every 2 s (the fallback for a push that does not arrive), else every 15 s while pending.
 */
export function useCheckoutBooking(bookingId: string, lang: Locale, confirming: boolean) {
  return useQuery({
    queryKey: bookingKeys.detail(bookingId, lang),
    queryFn: ({ signal }) => getBooking(bookingId, signal, lang),
    retry: (failures, error) => !isMissingBooking(error) && failures < 2,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (confirming && status !== 'confirmed') return CONFIRM_POLL_MS;
      return status === 'pending_payment' ? 15_000 : false;
    },
  });
}

/**
 * Opens the booking's payment (a PaymentIntent for the booking's own amount). The service
 * answers the same payment again for the same booking, so asking once per visit is safe.
 */
export function useCheckout(packageId: string | undefined, bookingId: string, enabled: boolean) {
  return useQuery({
    queryKey: billingKeys.checkout(bookingId),
    queryFn: () => startCheckout(packageId!, bookingId),
    enabled: enabled && !!packageId,
    retry: (failures, error) => !(isApiError(error) && error.status < 500) && failures < 2,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useConfirmTestPayment() {
  return useMutation({
    mutationFn: ({ paymentId, paymentMethod }: { paymentId: string; paymentMethod: string }) =>
      confirmTestPayment(paymentId, paymentMethod),
  });
}

/** What was paid and refunded for a booking; absent (null) while nothing was paid. */
export function useBookingPayment(bookingId: string, enabled = true) {
  return useQuery({
    queryKey: billingKeys.payment(bookingId),
    queryFn: async ({ signal }) => {
      try {
        return await getBookingPayment(bookingId, signal);
      } catch (error) {
        if (isApiError(error) && (error.status === 404 || error.code === 'payment_not_found')) return null;
        throw error;
      }
    },
    enabled,
    retry: (failures, error) => !(isApiError(error) && error.status < 500) && failures < 2,
  });
}

export function useRefreshPayment() {
  const queryClient = useQueryClient();
  return (bookingId: string) => queryClient.invalidateQueries({ queryKey: billingKeys.payment(bookingId) });
}
