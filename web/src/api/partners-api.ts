import type {
  DeletionRequest,
  DocumentKind,
  InviteMemberBody,
  MembersView,
  MyPartner,
  PartnerDocument,
  PartnerInvitation,
  RegisterPartnerBody,
  UpdatePartnerBody,
} from '@contracts/http';
import { isApiError } from './api-error.ts';
import { apiBlob, apiRequest } from './http-client.ts';

/** The partners API (services/partners/README.md), as the signed-in partner and invitee use it. */

/** 404 `partner_not_found` is an answer, not a failure: the caller has no partner yet. */
export async function fetchMyPartner(): Promise<MyPartner | null> {
  try {
    return await apiRequest<MyPartner>('/api/partners/me');
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function registerPartner(body: RegisterPartnerBody): Promise<MyPartner> {
  return apiRequest<MyPartner>('/api/partners/register', { method: 'POST', body });
}

export function updatePartner(body: UpdatePartnerBody): Promise<MyPartner> {
  return apiRequest<MyPartner>('/api/partners/me', { method: 'PATCH', body });
}

export function submitPartner(): Promise<MyPartner> {
  return apiRequest<MyPartner>('/api/partners/me/submit', { method: 'POST' });
}

function fileForm(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  // The service reads multipart fields in order: `kind` must come before the file.
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  return form;
}

export function uploadLogo(file: File): Promise<MyPartner> {
  return apiRequest<MyPartner>('/api/partners/me/logo', { method: 'POST', body: fileForm(file) });
}

export function deleteLogo(): Promise<MyPartner> {
  return apiRequest<MyPartner>('/api/partners/me/logo', { method: 'DELETE' });
}

export async function listDocuments(): Promise<PartnerDocument[]> {
  const data = await apiRequest<{ items: PartnerDocument[] }>('/api/partners/me/documents');
  return data.items;
}

export function uploadDocument(kind: DocumentKind, file: File): Promise<PartnerDocument> {
  return apiRequest<PartnerDocument>('/api/partners/me/documents', { method: 'POST', body: fileForm(file, { kind }) });
}

export function deleteDocument(id: string): Promise<void> {
  return apiRequest(`/api/partners/me/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchDocumentFile(id: string): Promise<Blob> {
  return apiBlob(`/api/partners/me/documents/${encodeURIComponent(id)}/file`);
}

export function fetchMembers(): Promise<MembersView> {
  return apiRequest<MembersView>('/api/partners/me/members');
}

export function inviteMember(body: InviteMemberBody): Promise<PartnerInvitation> {
  return apiRequest<PartnerInvitation>('/api/partners/me/members', { method: 'POST', body });
}

export function removeMember(userId: string): Promise<void> {
  return apiRequest(`/api/partners/me/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export function withdrawInvitation(id: string): Promise<void> {
  return apiRequest(`/api/partners/me/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function listMyInvitations(): Promise<PartnerInvitation[]> {
  const data = await apiRequest<{ items: PartnerInvitation[] }>('/api/partners/invitations');
  return data.items;
}

export function acceptInvitation(id: string): Promise<MyPartner> {
  return apiRequest<MyPartner>(`/api/partners/invitations/${encodeURIComponent(id)}/accept`, { method: 'POST' });
}

export function declineInvitation(id: string): Promise<void> {
  return apiRequest(`/api/partners/invitations/${encodeURIComponent(id)}/decline`, { method: 'POST' });
}

export function exportPartnerData(): Promise<Blob> {
  return apiBlob('/api/partners/me/export');
}

export function deletePartner(confirmName: string): Promise<DeletionRequest> {
  return apiRequest<DeletionRequest>('/api/partners/me', { method: 'DELETE', body: { confirmName } });
}

/** The latest deletion request, or null when the caller never asked for one. */
export async function fetchDeletion(): Promise<DeletionRequest | null> {
  try {
    return await apiRequest<DeletionRequest>('/api/partners/me/deletion');
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}
