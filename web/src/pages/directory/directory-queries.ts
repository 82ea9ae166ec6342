import type { DirectoryQuery } from '@contracts/http';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error.ts';
import { getPartner, listPartners } from '../../api/directory-api.ts';

/** The public directory's cache: a page of results per query, and public profiles. */
export const directoryKeys = {
  list: (query: DirectoryQuery) => ['directory', query] as const,
  partner: (id: string) => ['directory', 'partner', id] as const,
};

/** A page of partners; while the next filters load, the previous results stay on screen. */
export function usePartnerDirectory(query: DirectoryQuery) {
  return useQuery({
    queryKey: directoryKeys.list(query),
    queryFn: ({ signal }) => listPartners(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** A malformed id in a hand-typed URL (400 on the only parameter) is as missing as an unknown one. */
export function isNotFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || (error.status === 400 && error.code === 'validation_failed'));
}

export function usePublicPartner(id: string) {
  return useQuery({
    queryKey: directoryKeys.partner(id),
    queryFn: ({ signal }) => getPartner(id, signal),
    retry: (failures, error) => !isNotFound(error) && failures < 2,
  });
}
