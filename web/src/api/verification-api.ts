import type {
  AdminPartnerDetail,
  AdminPartnerSummary,
  Page,
  Partner,
  PartnerStatus,
  VerifyPartnerBody,
} from '@contracts/http';
import { apiBlob, apiRequest } from './http-client.ts';

/** Statuses an admin browses in the verification queue, in tab order. */
export const queueStatuses = [
  'pending_review',
  'verified',
  'rejected',
  'suspended',
] as const satisfies readonly PartnerStatus[];
export type QueueStatus = (typeof queueStatuses)[number];

export function listAdminPartners(
  status: QueueStatus,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<AdminPartnerSummary>> {
  const params = new URLSearchParams({ status, page: String(page), pageSize: String(pageSize) });
  return apiRequest<Page<AdminPartnerSummary>>(`/api/admin/partners?${params}`, { signal });
}

export function getAdminPartner(id: string, signal?: AbortSignal): Promise<AdminPartnerDetail> {
  return apiRequest<AdminPartnerDetail>(`/api/admin/partners/${encodeURIComponent(id)}`, { signal });
}

export function fetchPartnerDocument(partnerId: string, documentId: string, signal?: AbortSignal): Promise<Blob> {
  return apiBlob(
    `/api/admin/partners/${encodeURIComponent(partnerId)}/documents/${encodeURIComponent(documentId)}/file`,
    { signal },
  );
}

export function verifyPartner(body: VerifyPartnerBody): Promise<Partner> {
  return apiRequest<Partner>('/api/partners/verify', { method: 'POST', body });
}

export function suspendPartner(id: string, reason: string): Promise<Partner> {
  return apiRequest<Partner>(`/api/admin/partners/${encodeURIComponent(id)}/suspend`, {
    method: 'POST',
    body: { reason },
  });
}

export function reinstatePartner(id: string): Promise<Partner> {
  // An empty JSON object rather than no body, so a route that declares a body schema accepts it too.
  return apiRequest<Partner>(`/api/admin/partners/${encodeURIComponent(id)}/reinstate`, { method: 'POST', body: {} });
}
