import type { Locale } from '@contracts/http';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDiscover, searchCatalogue, suggestBundles, type SuggestRequest } from '../../api/bundling-api.ts';
import { toSearchRequest, type SearchState } from './search-params.ts';

/** Search, Discover and suggestions: one query module for the traveller's finding screens. */
export const searchKeys = {
  all: ['search'] as const,
  results: (state: SearchState, lang: Locale) => ['search', 'results', state, lang] as const,
  discover: (lang: Locale) => ['search', 'discover', lang] as const,
  suggest: (request: SuggestRequest) => ['search', 'suggest', request] as const,
};

export function useSearchResults(state: SearchState, lang: Locale) {
  return useQuery({
    queryKey: searchKeys.results(state, lang),
    queryFn: ({ signal }) => searchCatalogue(toSearchRequest(state, lang), signal),
    placeholderData: keepPreviousData,
    retry: 1,
  });
}

export function useDiscover(lang: Locale) {
  return useQuery({
    queryKey: searchKeys.discover(lang),
    queryFn: ({ signal }) => getDiscover({ lang }, signal),
    retry: 1,
  });
}

/** Suggestions only once the traveller said who travels (`enabled`). */
export function useSuggestions(request: SuggestRequest, enabled: boolean) {
  return useQuery({
    queryKey: searchKeys.suggest(request),
    queryFn: ({ signal }) => suggestBundles(request, signal),
    enabled,
    retry: 1,
  });
}
