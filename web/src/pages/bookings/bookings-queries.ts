import type { BookingStatus, BookingView, Locale } from '@contracts/http';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import { cancelBooking, getBooking, listMyBookings } from '../../api/bundling-api.ts';

/** The signed-in traveller's bookings. */
export const bookingKeys = {
  all: ['my-bookings'] as const,
  list: (page: number, status: BookingStatus | undefined, lang: Locale) =>
    ['my-bookings', 'list', page, status ?? 'all', lang] as const,
  detail: (id: string, lang: Locale) => ['my-bookings', 'detail', id, lang] as const,
};

export const BOOKINGS_PAGE_SIZE = 10;

export function isMissingBooking(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || (error.status === 400 && error.code === 'validation_failed'));
}

/** While a booking waits for payment its hold may end any moment: look again now and then. */
const whilePending = (booking: BookingView | undefined) => (booking?.status === 'pending_payment' ? 15_000 : false);

export function useMyBookings(page: number, status: BookingStatus | undefined, lang: Locale) {
  return useQuery({
    queryKey: bookingKeys.list(page, status, lang),
    queryFn: ({ signal }) => listMyBookings({ page, pageSize: BOOKINGS_PAGE_SIZE, status, lang }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((b) => b.status === 'pending_payment') ? 30_000 : false),
  });
}

/** A booking id is a UUID; anything else in the address (a typo, "/bookings/me") is no booking and is not asked for. */
export const isBookingId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export function useBooking(id: string, lang: Locale) {
  return useQuery({
    queryKey: bookingKeys.detail(id, lang),
    enabled: isBookingId(id),
    queryFn: ({ signal }) => getBooking(id, signal, lang),
    retry: (failures, error) => !isMissingBooking(error) && failures < 2,
    refetchInterval: (query) => whilePending(query.state.data),
  });
}

export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => cancelBooking(id),
    onSuccess: () => {
      // The bookings on screen refetch in the UI language (the cancel answer carries no language).
      void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
      // The released places are on sale again.
      void queryClient.invalidateQueries({ queryKey: ['traveller-packages'] });
    },
  });
}
