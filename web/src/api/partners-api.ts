import {
  deletionRequestSchema,
  itemsSchema,
  membersViewSchema,
  myPartnerSchema,
  partnerDocumentSchema,
  partnerInvitationSchema,
  type DeletionRequest,
  type DocumentKind,
  type InviteMemberBody,
  type MembersView,
  type MyPartner,
  type PartnerDocument,
  type PartnerInvitation,
  type RegisterPartnerBody,
  type UpdatePartnerBody,
} from '@contracts/http';
import { isApiError } from './api-error.ts';
import { apiBlob, apiRequest } from './http-client.ts';

/**
 * The partners API (services/partners/README.md), as the signed-in partner and invitee use it.
 * Every JSON answer is checked against the schema the service declares for that route.
 */

const documentsSchema = itemsSchema(partnerDocumentSchema);
const invitationsSchema = itemsSchema(partnerInvitationSchema);

/** 404 `partner_not_found` is an answer, not a failure: the caller has no partner yet. */
export async function fetchMyPartner(): Promise<MyPartner | null> {
  try {
    return await apiRequest('/api/partners/me', { schema: myPartnerSchema });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function registerPartner(body: RegisterPartnerBody): Promise<MyPartner> {
  return apiRequest('/api/partners/register', { method: 'POST', body, schema: myPartnerSchema });
}

export function updatePartner(body: UpdatePartnerBody): Promise<MyPartner> {
  return apiRequest('/api/partners/me', { method: 'PATCH', body, schema: myPartnerSchema });
}

export function submitPartner(): Promise<MyPartner> {
  return apiRequest('/api/partners/me/submit', { method: 'POST', schema: myPartnerSchema });
}

function fileForm(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  // The service reads multipart fields in order: `kind` must come before the file.
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  return form;
}

export function uploadLogo(file: File): Promise<MyPartner> {
  return apiRequest('/api/partners/me/logo', { method: 'POST', body: fileForm(file), schema: myPartnerSchema });
}

export function deleteLogo(): Promise<MyPartner> {
  return apiRequest('/api/partners/me/logo', { method: 'DELETE', schema: myPartnerSchema });
}

export async function listDocuments(): Promise<PartnerDocument[]> {
  const data = await apiRequest('/api/partners/me/documents', { schema: documentsSchema });
  return data.items;
}

export function uploadDocument(kind: DocumentKind, file: File): Promise<PartnerDocument> {
  return apiRequest('/api/partners/me/documents', {
    method: 'POST',
    body: fileForm(file, { kind }),
    schema: partnerDocumentSchema,
  });
}

export function deleteDocument(id: string): Promise<void> {
  return apiRequest(`/api/partners/me/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchDocumentFile(id: string): Promise<Blob> {
  return apiBlob(`/api/partners/me/documents/${encodeURIComponent(id)}/file`);
}

export function fetchMembers(): Promise<MembersView> {
  return apiRequest('/api/partners/me/members', { schema: membersViewSchema });
}

export function inviteMember(body: InviteMemberBody): Promise<PartnerInvitation> {
  return apiRequest('/api/partners/me/members', { method: 'POST', body, schema: partnerInvitationSchema });
}

export function removeMember(userId: string): Promise<void> {
  return apiRequest(`/api/partners/me/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

/** The owner hands the partner to another member and stays on as a manager. */
export function makeOwner(userId: string): Promise<MembersView> {
  return apiRequest(`/api/partners/me/members/${encodeURIComponent(userId)}/make-owner`, {
    method: 'POST',
    schema: membersViewSchema,
  });
}

export function withdrawInvitation(id: string): Promise<void> {
  return apiRequest(`/api/partners/me/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export async function listMyInvitations(): Promise<PartnerInvitation[]> {
  const data = await apiRequest('/api/partners/invitations', { schema: invitationsSchema });
  return data.items;
}

/** Accepted with the secret of the e-mailed link, by the invited address once verified. */
export function acceptInvitation(token: string): Promise<MyPartner> {
  return apiRequest('/api/partners/invitations/accept', {
    method: 'POST',
    body: { token },
    schema: myPartnerSchema,
  });
}

export function declineInvitation(id: string): Promise<void> {
  return apiRequest(`/api/partners/invitations/${encodeURIComponent(id)}/decline`, { method: 'POST' });
}

/** Saved as a file, not read: the download is the partner's copy (GDPR art. 15/20). */
export function exportPartnerData(): Promise<Blob> {
  return apiBlob('/api/partners/me/export');
}

export function deletePartner(confirmName: string): Promise<DeletionRequest> {
  return apiRequest('/api/partners/me', { method: 'DELETE', body: { confirmName }, schema: deletionRequestSchema });
}

/** The latest deletion request, or null when the caller never asked for one. */
export async function fetchDeletion(): Promise<DeletionRequest | null> {
  try {
    return await apiRequest('/api/partners/me/deletion', { schema: deletionRequestSchema });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}
