import { randomUUID } from 'node:crypto';
import type { DeletionRequest, PartnerExport } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { partnerHistory } from '../db/audit-log.repository.ts';
import {
  deletionRequestsOf,
  findDeletionRequest,
  insertDeletionRequest,
  latestDeletionRequestBy,
  listConfirmations,
} from '../db/deletion-requests.repository.ts';
import { listDocuments } from '../db/documents.repository.ts';
import { deleteInvitationsOf, listInvitations } from '../db/invitations.repository.ts';
import { listMembers, memberUserIds } from '../db/members.repository.ts';
import { updatePartner } from '../db/partners.repository.ts';
import { audit } from './audit.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { requireMembership } from './membership.ts';
import { confirmNameMismatch, deletionInProgress, deletionNotFound } from './partners-errors.ts';
import { toDocument, toPartner } from './partner-view.ts';
import { statusChange } from './status.ts';

/** The partners service's own line in every deletion request; confirmed last, when it erases itself. */
export const SELF = 'partners';

/** Everything the partners service holds about the caller's partner, as one JSON document. */
export async function exportMyPartner(ctx: PartnersContext, caller: Caller, meta: RequestMeta): Promise<PartnerExport> {
  const { partner } = await requireMembership(ctx.db, caller.id, 'export');
  const [memberRows, invitationRows, documentRows, history, requests] = await Promise.all([
    listMembers(ctx.db, partner.id),
    listInvitations(ctx.db, partner.id),
    listDocuments(ctx.db, partner.id),
    partnerHistory(ctx.db, partner.id, 500),
    deletionRequestsOf(ctx.db, partner.id),
  ]);
  await ctx.db.transaction((tx) =>
    audit(tx, {
      action: 'partner.exported',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: 'owner',
      correlationId: meta.correlationId ?? null,
    }),
  );
  return {
    format: 'tourconnect.partner-export.v1',
    exportedAt: new Date().toISOString(),
    service: SELF,
    partner: toPartner(partner),
    members: memberRows.map((row) => ({
      userId: row.userId,
      email: row.email,
      role: row.role,
      joinedAt: row.joinedAt.toISOString(),
    })),
    invitations: invitationRows.map((row) => ({
      email: row.email,
      role: row.role,
      invitedAt: row.invitedAt.toISOString(),
    })),
    documents: documentRows.map(toDocument),
    history: history.map((entry) => ({
      action: entry.action,
      actorId: entry.actorId,
      occurredAt: entry.occurredAt.toISOString(),
      data: entry.data,
    })),
    deletionRequests: requests.map((request) => ({
      id: request.id,
      partnerId: request.partnerId,
      partnerName: request.partnerName,
      requestedBy: request.requestedBy,
      status: request.status,
      requestedAt: request.requestedAt.toISOString(),
      completedAt: request.completedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * GDPR erasure, step one: the partner stops (no edits, no listing, no badge) and every
 * service holding its data is asked to erase it; the request completes as they confirm.
 */
export async function requestDeletion(
  ctx: PartnersContext,
  caller: Caller,
  confirmName: string,
  meta: RequestMeta,
): Promise<DeletionRequest> {
  const requestId = await ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.id, 'delete', { forUpdate: true });
    const change = statusChange(partner.status, 'request_deletion');
    if (!change) throw deletionInProgress();
    if (confirmName.trim() !== partner.name.trim()) throw confirmNameMismatch();
    const id = randomUUID();
    await insertDeletionRequest(tx, {
      id,
      partnerId: partner.id,
      partnerName: partner.name,
      requestedBy: caller.id,
      services: [...ctx.settings.PARTNER_DATA_HOLDERS, SELF],
    });
    await updatePartner(tx, partner.id, change);
    await deleteInvitationsOf(tx, partner.id);
    await ctx.publish(
      tx,
      'partners.partner.deletion_requested.v1',
      { partnerId: partner.id, requestId: id, requestedByUserId: caller.id },
      { audience: await memberUserIds(tx, partner.id), correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'partner.deletion_requested',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: 'owner',
      data: { requestId: id, from: partner.status },
      correlationId: meta.correlationId ?? null,
    });
    return id;
  });
  return deletionView(ctx.db, requestId);
}

/** The requester follows the latest request, also once the partner (and their membership) is gone. */
export async function myDeletionRequest(ctx: PartnersContext, caller: Caller): Promise<DeletionRequest> {
  const latest = await latestDeletionRequestBy(ctx.db, caller.id);
  if (!latest) throw deletionNotFound();
  return deletionView(ctx.db, latest.id);
}

async function deletionView(executor: Executor, requestId: string): Promise<DeletionRequest> {
  const request = await findDeletionRequest(executor, requestId);
  if (!request) throw deletionNotFound();
  const confirmations = await listConfirmations(executor, requestId);
  return {
    id: request.id,
    partnerId: request.partnerId,
    partnerName: request.partnerName,
    status: request.status,
    requestedAt: request.requestedAt.toISOString(),
    completedAt: request.completedAt?.toISOString() ?? null,
    services: confirmations.map((row) => ({
      service: row.service,
      status: row.status,
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
    })),
  };
}
