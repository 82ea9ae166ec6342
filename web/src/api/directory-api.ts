import { pageSchema, publicPartnerSchema, type DirectoryQuery, type Page, type PublicPartner } from '@contracts/http';
import { apiRequest } from './http-client.ts';

const directoryPageSchema = pageSchema(publicPartnerSchema);

/** Public reads: the directory and profiles are open to visitors, so no token is needed. */
export function listPartners(query: DirectoryQuery, signal?: AbortSignal): Promise<Page<PublicPartner>> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return apiRequest(`/api/partners${search ? `?${search}` : ''}`, { signal, schema: directoryPageSchema });
}

export function getPartner(id: string, signal?: AbortSignal): Promise<PublicPartner> {
  return apiRequest(`/api/partners/${encodeURIComponent(id)}`, { signal, schema: publicPartnerSchema });
}
