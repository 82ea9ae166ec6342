import type { Locale, Party } from '@contracts/http';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import {
  bookPackage,
  getPackage,
  getPackageAvailability,
  getPackageSlots,
  listPackages,
  listPartnerPackages,
  quotePackage,
  type QuoteBody,
} from '../../api/bundling-api.ts';
import { bookingKeys } from '../bookings/bookings-queries.ts';

/** The traveller's side of packages: public lists, a package's page, its calendar, slots and quotes. */
export const travellerPackageKeys = {
  all: ['traveller-packages'] as const,
  list: (page: number, lang: Locale) => ['traveller-packages', 'list', page, lang] as const,
  partner: (partnerId: string, lang: Locale) => ['traveller-packages', 'partner', partnerId, lang] as const,
  detail: (id: string, lang: Locale) => ['traveller-packages', 'detail', id, lang] as const,
  availability: (id: string, from: string, to: string, party: Party) =>
    ['traveller-packages', 'availability', id, from, to, party] as const,
  slots: (id: string, date: string, party: Party) => ['traveller-packages', 'slots', id, date, party] as const,
  quote: (id: string, body: QuoteBody) => ['traveller-packages', 'quote', id, body] as const,
};

export const PACKAGES_PAGE_SIZE = 12;

/** A malformed id in a hand-typed URL (400) is as missing as an unknown one (404). */
export function isMissing(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || (error.status === 400 && error.code === 'validation_failed'));
}

export function usePublicPackages(page: number, lang: Locale) {
  return useQuery({
    queryKey: travellerPackageKeys.list(page, lang),
    queryFn: ({ signal }) => listPackages({ page, pageSize: PACKAGES_PAGE_SIZE, lang }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePartnerPackages(partnerId: string, lang: Locale) {
  return useQuery({
    queryKey: travellerPackageKeys.partner(partnerId, lang),
    queryFn: ({ signal }) => listPartnerPackages(partnerId, { lang, pageSize: 50 }, signal),
    enabled: partnerId !== '',
  });
}

export function usePackage(id: string, lang: Locale) {
  return useQuery({
    queryKey: travellerPackageKeys.detail(id, lang),
    queryFn: ({ signal }) => getPackage(id, lang, signal),
    retry: (failures, error) => !isMissing(error) && failures < 2,
    placeholderData: keepPreviousData,
  });
}

/** Per start date in [from, to]: whether this party can start then and how many such parties fit. */
export function usePackageAvailability(id: string, from: string, to: string, party: Party, enabled: boolean) {
  return useQuery({
    queryKey: travellerPackageKeys.availability(id, from, to, party),
    queryFn: ({ signal }) => getPackageAvailability(id, from, to, party, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePackageSlots(id: string, date: string | null, party: Party) {
  return useQuery({
    queryKey: travellerPackageKeys.slots(id, date ?? '', party),
    queryFn: ({ signal }) => getPackageSlots(id, date!, party, signal),
    enabled: date !== null,
  });
}

/** The price for a date, party and slots; nothing is held. A refused quote is not retried. */
export function usePackageQuote(id: string, body: QuoteBody | null) {
  return useQuery({
    queryKey: travellerPackageKeys.quote(id, body ?? ({} as QuoteBody)),
    queryFn: ({ signal }) => quotePackage(id, body!, signal),
    enabled: body !== null,
    retry: (failures, error) => !(isApiError(error) && error.status < 500) && failures < 2,
    placeholderData: keepPreviousData,
  });
}

export function useBookPackage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: QuoteBody; idempotencyKey: string }) =>
      bookPackage(id, body, idempotencyKey),
    onSuccess: (booking, { body }) => {
      if (body.lang) queryClient.setQueryData(bookingKeys.detail(booking.id, body.lang), booking);
      void queryClient.invalidateQueries({ queryKey: bookingKeys.all });
      // Places were just held: the calendar and slots now show fewer.
      void queryClient.invalidateQueries({ queryKey: ['traveller-packages', 'availability', id] });
      void queryClient.invalidateQueries({ queryKey: ['traveller-packages', 'slots', id] });
    },
  });
}
