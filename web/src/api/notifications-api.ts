import {
  sentMailDetailSchema,
  sentMailPageSchema,
  type SentMailDetail,
  type SentMailPage,
  type SentMailQuery,
} from '@contracts/http';
import { apiRequest } from './http-client.ts';

/** The admin's Sent-mail list, newest first; `recipient` is an address or a user id. */
export function listSentMail(query: SentMailQuery, signal?: AbortSignal): Promise<SentMailPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return apiRequest(`/api/notifications/sent?${params.toString()}`, {
    schema: sentMailPageSchema,
    ...(signal ? { signal } : {}),
  });
}

/** One e-mail with its HTML and text (live links only next to the local catcher). */
export function getSentMail(id: string, signal?: AbortSignal): Promise<SentMailDetail> {
  return apiRequest(`/api/notifications/sent/${encodeURIComponent(id)}`, {
    schema: sentMailDetailSchema,
    ...(signal ? { signal } : {}),
  });
}
