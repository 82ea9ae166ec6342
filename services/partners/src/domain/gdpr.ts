import { randomUUID } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import { listAudit } from '@tourconnect/audit';
import type { DeletionRequest } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import { updatePartner } from '../db/partners.repository.ts';
import { auditLog, deletionConfirmations, deletionRequests, documents, invitations, members } from '../db/schema.ts';
import type { Caller, PartnersContext } from './context.ts';
import { memberUserIds, requireMembership } from './membership.ts';
import { confirmNameMismatch, deletionInProgress, deletionNotFound } from './partner-errors.ts';
import { audit, publishPartnerEvent } from './partner-events.ts';
import { toDocument, toPartner } from './partner-view.ts';
import { nextStatus } from './status.ts';

/** The partners service's own line in every deletion request; confirmed last, when it erases itself. */
export const SELF = 'partners';

/** Everything the partners service holds about the caller's partner, as one JSON document. */
export async function exportMyPartner(ctx: PartnersContext, caller: Caller): Promise<Record<string, unknown>> {
  const { partner } = await requireMembership(ctx.db, caller.user.id, 'export');
  const [memberRows, invitationRows, documentRows, history, requests] = await Promise.all([
    ctx.db.select().from(members).where(eq(members.partnerId, partner.id)).orderBy(asc(members.joinedAt)),
    ctx.db.select().from(invitations).where(eq(invitations.partnerId, partner.id)),
    ctx.db.select().from(documents).where(eq(documents.partnerId, partner.id)).orderBy(asc(documents.uploadedAt)),
    listAudit(ctx.db, auditLog, { limit: 500, entityType: 'partner', entityId: partner.id }),
    ctx.db.select().from(deletionRequests).where(eq(deletionRequests.partnerId, partner.id)),
  ]);
  await ctx.db.transaction((tx) =>
    audit(tx, {
      action: 'partner.exported',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.user.id,
      actorRole: 'owner',
      correlationId: caller.correlationId ?? null,
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
      joinedAt: row.joinedAt,
    })),
    invitations: invitationRows.map((row) => ({ email: row.email, role: row.role, invitedAt: row.invitedAt })),
    documents: documentRows.map(toDocument),
    history: history.map((entry) => ({
      action: entry.action,
      actorId: entry.actorId,
      occurredAt: entry.occurredAt,
      data: entry.data,
    })),
    deletionRequests: requests,
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
): Promise<DeletionRequest> {
  const requestId = await ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.user.id, 'delete', { forUpdate: true });
    const next = nextStatus(partner.status, 'request_deletion');
    if (!next) throw deletionInProgress();
    if (confirmName.trim() !== partner.name.trim()) throw confirmNameMismatch();
    const id = randomUUID();
    await tx
      .insert(deletionRequests)
      .values({ id, partnerId: partner.id, partnerName: partner.name, requestedBy: caller.user.id });
    await tx
      .insert(deletionConfirmations)
      .values([...ctx.settings.PARTNER_DATA_HOLDERS, SELF].map((service) => ({ requestId: id, service })));
    await updatePartner(tx, partner.id, { status: next, verified: false });
    await tx.delete(invitations).where(eq(invitations.partnerId, partner.id));
    await publishPartnerEvent(
      ctx.bus,
      tx,
      'partners.partner.deletion_requested.v1',
      { partnerId: partner.id, requestId: id, requestedByUserId: caller.user.id },
      { audience: await memberUserIds(tx, partner.id), correlationId: caller.correlationId },
    );
    await audit(tx, {
      action: 'partner.deletion_requested',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.user.id,
      actorRole: 'owner',
      data: { requestId: id, from: partner.status },
      correlationId: caller.correlationId ?? null,
    });
    return id;
  });
  return deletionView(ctx.db, requestId);
}

/** The requester follows the latest request, also once the partner (and their membership) is gone. */
export async function myDeletionRequest(ctx: PartnersContext, caller: Caller): Promise<DeletionRequest> {
  const [latest] = await ctx.db
    .select({ id: deletionRequests.id })
    .from(deletionRequests)
    .where(eq(deletionRequests.requestedBy, caller.user.id))
    .orderBy(desc(deletionRequests.requestedAt))
    .limit(1);
  if (!latest) throw deletionNotFound();
  return deletionView(ctx.db, latest.id);
}

export async function deletionView(executor: Executor, requestId: string): Promise<DeletionRequest> {
  const [request] = await executor.select().from(deletionRequests).where(eq(deletionRequests.id, requestId));
  if (!request) throw deletionNotFound();
  const confirmations = await executor
    .select()
    .from(deletionConfirmations)
    .where(eq(deletionConfirmations.requestId, requestId))
    .orderBy(asc(deletionConfirmations.service));
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
