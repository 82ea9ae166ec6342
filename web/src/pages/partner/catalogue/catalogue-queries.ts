import type { CatalogueStatus, ItemKind, ItemView, Locale } from '@contracts/http';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/api-error.ts';
import * as api from '../../../api/bundling-api.ts';

/** The catalogue part of the bundling API; every key starts with 'bundling', 'items'. */
export const catalogueKeys = {
  all: ['bundling', 'items'] as const,
  list: (query: api.ItemListQuery) => ['bundling', 'items', 'list', query] as const,
  item: (id: string, lang: string) => ['bundling', 'items', 'one', id, lang] as const,
  availability: (id: string, from: string, to: string) => ['bundling', 'items', 'availability', id, from, to] as const,
  bundleable: (query: api.BundleableQuery) => ['bundling', 'items', 'bundleable', query] as const,
};

/** 4xx answers do not get better by asking again. */
export function retryUnlessClientError(failures: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

export function useItems(query: { kind?: ItemKind; status?: CatalogueStatus; lang: Locale; page: number }) {
  return useQuery({
    queryKey: catalogueKeys.list(query),
    queryFn: ({ signal }) => api.listItems({ ...query, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

/** Every own item that is not archived (the package builder's picker), up to 100. */
export function useOwnItems(lang: Locale) {
  return useQuery({
    queryKey: catalogueKeys.list({ lang, pageSize: 100 }),
    queryFn: ({ signal }) => api.listItems({ lang, pageSize: 100 }, signal),
    retry: retryUnlessClientError,
  });
}

export function useItem(id: string | undefined, lang: Locale) {
  return useQuery({
    queryKey: catalogueKeys.item(id ?? '', lang),
    queryFn: ({ signal }) => api.getItem(id!, lang, signal),
    enabled: !!id,
    retry: retryUnlessClientError,
  });
}

export function useAvailability(id: string, from: string, to: string) {
  return useQuery({
    queryKey: catalogueKeys.availability(id, from, to),
    queryFn: ({ signal }) => api.getItemAvailability(id, from, to, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

export function useBundleableItems(query: { kind?: ItemKind; lang: Locale; page: number }) {
  return useQuery({
    queryKey: catalogueKeys.bundleable(query),
    queryFn: ({ signal }) => api.listBundleableItems({ ...query, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

/** The item as answered goes into its cache entry; lists and calendars are refetched. */
function cacheItem(queryClient: QueryClient, item: ItemView, lang: string): void {
  queryClient.setQueryData(catalogueKeys.item(item.id, lang), item);
  void queryClient.invalidateQueries({
    queryKey: catalogueKeys.all,
    predicate: (query) => !(query.queryKey[2] === 'one' && query.queryKey[3] === item.id && query.queryKey[4] === lang),
  });
}

export function useCreateItem(lang: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: api.createItem, onSuccess: (item) => cacheItem(queryClient, item, lang) });
}

export function useUpdateItem(id: string, lang: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: api.UpdateItemBody) => api.updateItem(id, body),
    onSuccess: (item) => cacheItem(queryClient, item, lang),
  });
}

export function useItemStatus(lang: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: api.StatusAction }) => api.changeItemStatus(id, action),
    onSuccess: (item) => cacheItem(queryClient, item, lang),
  });
}

export function useUploadImage(id: string, lang: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.uploadItemImage(id, file),
    onSuccess: (item) => cacheItem(queryClient, item, lang),
  });
}

export function useDeleteImage(id: string, lang: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (imageId: string) => api.deleteItemImage(id, imageId),
    onSuccess: (item) => cacheItem(queryClient, item, lang),
  });
}

export function useBulkAvailability(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: api.BulkAvailabilityBody) => api.bulkEditAvailability(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['bundling', 'items', 'availability', id] }),
  });
}
