import type { DirectoryQuery, Page, PublicPartner } from '@contracts/http';
import { apiRequest } from './http-client.ts';

/** Public reads: the directory and profiles are open to visitors, so no token is needed. */
export function listPartners(query: DirectoryQuery, signal?: AbortSignal): Promise<Page<PublicPartner>> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return apiRequest<Page<PublicPartner>>(`/api/partners${search ? `?${search}` : ''}`, { signal });
}

export function getPartner(id: string, signal?: AbortSignal): Promise<PublicPartner> {
  return apiRequest<PublicPartner>(`/api/partners/${encodeURIComponent(id)}`, { signal });
}
