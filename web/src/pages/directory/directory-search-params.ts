import { directoryQuerySchema, type DirectoryQuery } from '@contracts/http';

/** The filters a shared link may carry. */
type DirectoryParamName = 'q' | 'type' | 'region' | 'language' | 'page';

export const DIRECTORY_PAGE_SIZE = 12;

export interface DirectoryFilters {
  q: string;
  type: string;
  region: string;
  language: string;
  verified: boolean;
  page: number;
}

function validOrEmpty(name: DirectoryParamName, raw: string | null): string {
  if (!raw) return '';
  const parsed = directoryQuerySchema.safeParse({ [name]: raw });
  if (!parsed.success) return '';
  const value = (parsed.data as Record<string, unknown>)[name];
  return value === undefined ? '' : String(value);
}

/**
 * Reads the filters from the URL. A hand-edited or stale link ("type=castle") drops only the
 * invalid filter instead of failing the whole page, using the same schema as the service.
 */
export function readDirectoryFilters(params: URLSearchParams): DirectoryFilters {
  const page = Number(validOrEmpty('page', params.get('page')) || 1);
  return {
    q: validOrEmpty('q', params.get('q')),
    type: validOrEmpty('type', params.get('type')),
    region: validOrEmpty('region', params.get('region')),
    language: validOrEmpty('language', params.get('language')),
    verified: params.get('verified') === 'true',
    page,
  };
}

/** Writes filters back; defaults are left out so links stay short. */
export function writeDirectoryFilters(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.type) params.set('type', filters.type);
  if (filters.region) params.set('region', filters.region);
  if (filters.language) params.set('language', filters.language);
  if (filters.verified) params.set('verified', 'true');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/**
 * The directory searching for `query` (partners' names and descriptions), as Discover's search
 * box links to it; blank is the whole directory. Cut to the 80 characters the API accepts.
 */
export function directorySearchPath(query: string): string {
  const q = query.trim().slice(0, 80).trim();
  return q ? `/partners?${new URLSearchParams({ q }).toString()}` : '/partners';
}

/** The API query for a set of filters. */
export function toDirectoryQuery(filters: DirectoryFilters): DirectoryQuery {
  const query: DirectoryQuery = { page: filters.page, pageSize: DIRECTORY_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.type) query.type = filters.type as DirectoryQuery['type'];
  if (filters.region) query.region = filters.region;
  if (filters.language) query.language = filters.language;
  if (filters.verified) query.verified = 'true';
  return query;
}

export function hasActiveFilters(filters: DirectoryFilters): boolean {
  return !!(filters.q || filters.type || filters.region || filters.language || filters.verified);
}
