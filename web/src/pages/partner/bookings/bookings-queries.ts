import type { BookingStatus, Locale } from '@contracts/http';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import * as api from '../../../api/bundling-api.ts';
import { retryUnlessClientError } from '../catalogue/catalogue-queries.ts';

/** The partner's share of bookings (GET /api/packages/bookings); keys start with 'bundling', 'partner-bookings'. */
export const partnerBookingKeys = {
  all: ['bundling', 'partner-bookings'] as const,
  list: (query: { status?: BookingStatus; lang: Locale; page: number }) =>
    ['bundling', 'partner-bookings', query] as const,
};

/** Refreshed every minute while open: pending bookings confirm or expire on their own. */
export function usePartnerBookings(query: { status?: BookingStatus; lang: Locale; page: number }) {
  return useQuery({
    queryKey: partnerBookingKeys.list(query),
    queryFn: ({ signal }) => api.listPartnerBookings({ ...query, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
    refetchInterval: 60_000,
  });
}
