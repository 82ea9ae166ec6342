import { asc, count, eq, inArray } from 'drizzle-orm';
import { listAudit } from '@tourconnect/audit';
import {
  requiredDocuments,
  type AdminPartnerDetail,
  type AdminPartnerSummary,
  type Page,
  type Partner,
  type PartnerStatus,
} from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { findPartner, listPartners, updatePartner } from '../db/partners.repository.ts';
import { auditLog, documents } from '../db/schema.ts';
import { runAutomatedChecks } from './automated-checks.ts';
import type { Caller, PartnersContext } from './context.ts';
import { memberUserIds } from './membership.ts';
import { cannotSuspend, partnerNotPending, partnerNotSuspended, publicPartnerNotFound } from './partner-errors.ts';
import { audit, publishPartnerEvent } from './partner-events.ts';
import { toDocument, toPartner, type PartnerRow } from './partner-view.ts';
import { nextStatus } from './status.ts';

export interface Decision {
  partnerId: string;
  decision: 'approve' | 'reject';
  reason?: string | undefined;
}

/** An admin approves (the badge) or rejects (with the reason the partner sees) a pending partner. */
export async function decidePartner(ctx: PartnersContext, admin: Caller, decision: Decision): Promise<Partner> {
  return ctx.db.transaction(async (tx) => {
    const partner = await lockPartner(tx, decision.partnerId);
    const next = nextStatus(partner.status, decision.decision);
    if (!next) throw partnerNotPending(partner.status);
    const now = new Date();
    const updated =
      decision.decision === 'approve'
        ? await updatePartner(tx, partner.id, {
            status: next,
            verified: true,
            verifiedAt: now,
            verifiedBy: admin.user.id,
            rejectionReason: null,
          })
        : await updatePartner(tx, partner.id, { status: next, rejectionReason: decision.reason ?? null });
    // Members learn the outcome live; other admins' queues refresh without a reload.
    const audience = [...(await memberUserIds(tx, partner.id)), 'role:admin'];
    if (decision.decision === 'approve') await announceVerified(ctx, tx, admin, updated, audience);
    else
      await publishPartnerEvent(
        ctx.bus,
        tx,
        'partners.partner.rejected.v1',
        {
          partnerId: partner.id,
          ownerUserId: partner.ownerUserId,
          rejectedByUserId: admin.user.id,
          reason: decision.reason ?? '',
        },
        { audience, correlationId: admin.correlationId },
      );
    await audit(tx, {
      action: decision.decision === 'approve' ? 'partner.verified' : 'partner.rejected',
      entityType: 'partner',
      entityId: partner.id,
      actorId: admin.user.id,
      actorRole: 'admin',
      data: { from: partner.status, to: next, ...(decision.reason ? { reason: decision.reason } : {}) },
      correlationId: admin.correlationId ?? null,
    });
    return toPartner(updated);
  });
}

async function announceVerified(ctx: PartnersContext, tx: Tx, admin: Caller, partner: PartnerRow, audience: string[]) {
  await publishPartnerEvent(
    ctx.bus,
    tx,
    'partners.partner.verified.v1',
    {
      partnerId: partner.id,
      ownerUserId: partner.ownerUserId,
      type: partner.type,
      name: partner.name,
      verifiedByUserId: admin.user.id,
    },
    { audience, correlationId: admin.correlationId },
  );
}

/** Withdraws the badge and the listing (fraud, complaints); reinstating restores both. */
export async function suspendPartner(
  ctx: PartnersContext,
  admin: Caller,
  partnerId: string,
  reason: string,
): Promise<Partner> {
  return ctx.db.transaction(async (tx) => {
    const partner = await lockPartner(tx, partnerId);
    const next = nextStatus(partner.status, 'suspend');
    if (!next) throw cannotSuspend(partner.status);
    const updated = await updatePartner(tx, partner.id, { status: next, verified: false, suspensionReason: reason });
    await publishPartnerEvent(
      ctx.bus,
      tx,
      'partners.partner.suspended.v1',
      { partnerId, ownerUserId: partner.ownerUserId, suspendedByUserId: admin.user.id, reason },
      { audience: [...(await memberUserIds(tx, partnerId)), 'role:admin'], correlationId: admin.correlationId },
    );
    await audit(tx, {
      action: 'partner.suspended',
      entityType: 'partner',
      entityId: partnerId,
      actorId: admin.user.id,
      actorRole: 'admin',
      data: { from: partner.status, reason },
      correlationId: admin.correlationId ?? null,
    });
    return toPartner(updated);
  });
}

export async function reinstatePartner(ctx: PartnersContext, admin: Caller, partnerId: string): Promise<Partner> {
  return ctx.db.transaction(async (tx) => {
    const partner = await lockPartner(tx, partnerId);
    const next = nextStatus(partner.status, 'reinstate');
    if (!next) throw partnerNotSuspended();
    const updated = await updatePartner(tx, partner.id, {
      status: next,
      verified: true,
      verifiedAt: new Date(),
      verifiedBy: admin.user.id,
      suspensionReason: null,
    });
    await announceVerified(ctx, tx, admin, updated, [...(await memberUserIds(tx, partnerId)), 'role:admin']);
    await audit(tx, {
      action: 'partner.reinstated',
      entityType: 'partner',
      entityId: partnerId,
      actorId: admin.user.id,
      actorRole: 'admin',
      data: { from: partner.status },
      correlationId: admin.correlationId ?? null,
    });
    return toPartner(updated);
  });
}

async function lockPartner(tx: Tx, partnerId: string): Promise<PartnerRow> {
  const partner = await findPartner(tx, partnerId, { forUpdate: true });
  if (!partner || partner.status === 'deleted') throw publicPartnerNotFound();
  return partner;
}

/** The review queue: oldest submission first, so nobody waits behind newcomers. */
export async function reviewQueue(
  ctx: PartnersContext,
  query: { status: PartnerStatus; page: number; pageSize: number },
): Promise<Page<AdminPartnerSummary>> {
  const { rows, total } = await listPartners(ctx.db, { statuses: [query.status], ...query }, 'queue');
  // One grouped count for the page instead of one query per row.
  const counts = rows.length
    ? await ctx.db
        .select({ partnerId: documents.partnerId, n: count() })
        .from(documents)
        .where(
          inArray(
            documents.partnerId,
            rows.map((row) => row.id),
          ),
        )
        .groupBy(documents.partnerId)
    : [];
  const documentCount = new Map(counts.map((row) => [row.partnerId, row.n]));
  const items = await Promise.all(
    rows.map(async (row) => ({
      partner: toPartner(row),
      documentCount: documentCount.get(row.id) ?? 0,
      checks: await runAutomatedChecks(ctx.db, row, 'admin'),
    })),
  );
  return { items, page: query.page, pageSize: query.pageSize, total };
}

export async function adminPartnerDetail(ctx: PartnersContext, partnerId: string): Promise<AdminPartnerDetail> {
  const partner = await findPartner(ctx.db, partnerId);
  if (!partner) throw publicPartnerNotFound();
  const [docs, checks, history] = await Promise.all([
    ctx.db.select().from(documents).where(eq(documents.partnerId, partnerId)).orderBy(asc(documents.uploadedAt)),
    runAutomatedChecks(ctx.db, partner, 'admin'),
    listAudit(ctx.db, auditLog, { limit: 100, entityType: 'partner', entityId: partnerId }),
  ]);
  return {
    partner: toPartner(partner),
    requiredDocuments: [...requiredDocuments[partner.type]],
    documents: docs.map(toDocument),
    checks,
    history: history.map((entry) => ({
      action: entry.action,
      actorId: entry.actorId,
      occurredAt: entry.occurredAt.toISOString(),
      data: (entry.data ?? {}) as Record<string, unknown>,
    })),
  };
}
