import {
  adminPartnerDetailSchema,
  adminPartnerSummarySchema,
  pageSchema,
  partnerSchema,
  type AdminPartnerDetail,
  type AdminPartnerSummary,
  type Page,
  type Partner,
  type PartnerStatus,
  type VerifyPartnerBody,
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

const queuePageSchema = pageSchema(adminPartnerSummarySchema);

export function listAdminPartners(
  status: QueueStatus,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<AdminPartnerSummary>> {
  const params = new URLSearchParams({ status, page: String(page), pageSize: String(pageSize) });
  return apiRequest(`/api/admin/partners?${params}`, { signal, schema: queuePageSchema });
}

export function getAdminPartner(id: string, signal?: AbortSignal): Promise<AdminPartnerDetail> {
  return apiRequest(`/api/admin/partners/${encodeURIComponent(id)}`, { signal, schema: adminPartnerDetailSchema });
}

export function fetchPartnerDocument(partnerId: string, documentId: string, signal?: AbortSignal): Promise<Blob> {
  return apiBlob(
    `/api/admin/partners/${encodeURIComponent(partnerId)}/documents/${encodeURIComponent(documentId)}/file`,
    { signal },
  );
}

export function verifyPartner(body: VerifyPartnerBody): Promise<Partner> {
  return apiRequest('/api/partners/verify', { method: 'POST', body, schema: partnerSchema });
}

export function suspendPartner(id: string, reason: string): Promise<Partner> {
  return apiRequest(`/api/admin/partners/${encodeURIComponent(id)}/suspend`, {
    method: 'POST',
    body: { reason },
    schema: partnerSchema,
  });
}

export function reinstatePartner(id: string): Promise<Partner> {
  // An empty JSON object rather than no body, so a route that declares a body schema accepts it too.
  return apiRequest(`/api/admin/partners/${encodeURIComponent(id)}/reinstate`, {
    method: 'POST',
    body: {},
    schema: partnerSchema,
  });
}
