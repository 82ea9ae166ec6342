import type { CatalogueStatus, Locale, PackageView, Party } from '@contracts/http';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import * as api from '../../../api/bundling-api.ts';
import { retryUnlessClientError } from '../catalogue/catalogue-queries.ts';

/** The packages part of the bundling API, as the partner's builder uses it; keys start with 'bundling', 'packages'. */
export const packageKeys = {
  all: ['bundling', 'packages'] as const,
  mine: (query: { status?: CatalogueStatus; lang: Locale; page: number }) =>
    ['bundling', 'packages', 'mine', query] as const,
  one: (id: string, lang: string) => ['bundling', 'packages', 'one', id, lang] as const,
  availability: (id: string, version: string, from: string, to: string, party: Partial<Party>) =>
    ['bundling', 'packages', 'availability', id, version, from, to, party] as const,
  slots: (id: string, version: string, date: string, party: Partial<Party>) =>
    ['bundling', 'packages', 'slots', id, version, date, party] as const,
  quote: (id: string, version: string, body: api.QuoteBody) =>
    ['bundling', 'packages', 'quote', id, version, body] as const,
};

export function useMyPackages(query: { status?: CatalogueStatus; lang: Locale; page: number }) {
  return useQuery({
    queryKey: packageKeys.mine(query),
    queryFn: ({ signal }) => api.listMyPackages({ ...query, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

export function usePackage(id: string | undefined, lang: Locale) {
  return useQuery({
    queryKey: packageKeys.one(id ?? '', lang),
    queryFn: ({ signal }) => api.getPackage(id!, lang, signal),
    enabled: !!id,
    retry: retryUnlessClientError,
  });
}

/**
 * Start dates in [from, to] and how many parties of this composition still fit; keyed by the
 * package's update time, so a save asks again.
 */
export function usePackageAvailability(pkg: PackageView, from: string, to: string, party: Partial<Party>) {
  return useQuery({
    queryKey: packageKeys.availability(pkg.id, pkg.updatedAt, from, to, party),
    queryFn: ({ signal }) => api.getPackageAvailability(pkg.id, from, to, party, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

/** Start times per timed line on a date, for the lines where the quote asks for a choice. */
export function usePackageSlots(pkg: PackageView, date: string, party: Partial<Party>, enabled: boolean) {
  return useQuery({
    queryKey: packageKeys.slots(pkg.id, pkg.updatedAt, date, party),
    queryFn: ({ signal }) => api.getPackageSlots(pkg.id, date, party, signal),
    enabled,
    retry: retryUnlessClientError,
  });
}

/** The live price: a quote holds nothing, so it is a plain read keyed by what it depends on. */
export function useQuote(pkg: PackageView, body: api.QuoteBody | null) {
  return useQuery({
    queryKey: packageKeys.quote(pkg.id, pkg.updatedAt, body ?? { date: '', party: {} }),
    queryFn: ({ signal }) => api.quotePackage(pkg.id, body!, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
}

function cachePackage(queryClient: QueryClient, pkg: PackageView, lang: string): void {
  queryClient.setQueryData(packageKeys.one(pkg.id, lang), pkg);
  void queryClient.invalidateQueries({
    queryKey: packageKeys.all,
    predicate: (query) => !(query.queryKey[2] === 'one' && query.queryKey[3] === pkg.id && query.queryKey[4] === lang),
  });
}

// The mutations ask for the view in the portal's language: it replaces the cached one of that language.
export function useCreatePackage(lang: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: api.CreatePackageBody) => api.createPackage(body, lang),
    onSuccess: (pkg) => cachePackage(queryClient, pkg, lang),
  });
}

export function useUpdatePackage(id: string, lang: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: api.UpdatePackageBody) => api.updatePackage(id, body, lang),
    onSuccess: (pkg) => cachePackage(queryClient, pkg, lang),
  });
}

export function usePackageStatus(lang: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: api.StatusAction }) => api.changePackageStatus(id, action, lang),
    onSuccess: (pkg) => cachePackage(queryClient, pkg, lang),
  });
}

export function useUploadPackageImage(id: string, lang: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.uploadPackageImage(id, file, lang),
    onSuccess: (pkg) => cachePackage(queryClient, pkg, lang),
  });
}

export function useDeletePackageImage(id: string, lang: Locale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (imageId: string) => api.deletePackageImage(id, imageId, lang),
    onSuccess: (pkg) => cachePackage(queryClient, pkg, lang),
  });
}
