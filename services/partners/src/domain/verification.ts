import type { Partner, VerifyPartnerInput } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { memberUserIds } from '../db/members.repository.ts';
import { findPartner, updatePartner, type PartnerRow } from '../db/partners.repository.ts';
import { audit } from './audit.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { hasFailure, runAutomatedChecks } from './automated-checks.ts';
import {
  cannotSuspend,
  partnerNotPending,
  partnerNotSuspended,
  publicPartnerNotFound,
  submissionIncomplete,
} from './partners-errors.ts';
import { toPartner } from './partner-view.ts';
import { statusChange } from './status.ts';

async function lockPartner(tx: Tx, partnerId: string): Promise<PartnerRow> {
  const partner = await findPartner(tx, partnerId, { forUpdate: true });
  if (!partner || partner.status === 'deleted') throw publicPartnerNotFound();
  return partner;
}

/** Members learn the outcome live; other admins' queues refresh without a reload. */
async function reviewAudience(tx: Tx, partnerId: string): Promise<string[]> {
  return [...(await memberUserIds(tx, partnerId)), 'role:admin'];
}

/** An admin approves (the badge) or rejects (with the reason the partner sees) a pending partner. */
export async function decidePartner(
  ctx: PartnersContext,
  caller: Caller,
  decision: VerifyPartnerInput,
  meta: RequestMeta,
): Promise<Partner> {
  return ctx.db.transaction(async (tx) => {
    const partner = await lockPartner(tx, decision.partnerId);
    const change = statusChange(partner.status, decision.decision);
    if (!change) throw partnerNotPending(partner.status);
    if (decision.decision === 'approve') {
      // The profile may have changed in review (a logo removed, a description cleared): the
      // badge goes only on a profile that passes every check.
      const checks = await runAutomatedChecks(tx, partner, 'admin');
      if (hasFailure(checks)) throw submissionIncomplete(checks);
    }
    const reason = decision.reason ?? null;
    const updated =
      decision.decision === 'approve'
        ? await updatePartner(tx, partner.id, {
            ...change,
            verifiedAt: new Date(),
            verifiedBy: caller.id,
            rejectionReason: null,
          })
        : await updatePartner(tx, partner.id, { ...change, rejectionReason: reason });
    const audience = await reviewAudience(tx, partner.id);
    if (decision.decision === 'approve') await announceVerified(ctx, tx, caller, updated, audience, meta);
    else
      await ctx.publish(
        tx,
        'partners.partner.rejected.v1',
        { partnerId: partner.id, ownerUserId: partner.ownerUserId, rejectedByUserId: caller.id, reason: reason ?? '' },
        { audience, correlationId: meta.correlationId },
      );
    await audit(tx, {
      action: decision.decision === 'approve' ? 'partner.verified' : 'partner.rejected',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: 'admin',
      data: { from: partner.status, to: change.status, ...(decision.reason ? { reason: decision.reason } : {}) },
      correlationId: meta.correlationId ?? null,
    });
    return toPartner(updated);
  });
}

async function announceVerified(
  ctx: PartnersContext,
  tx: Tx,
  caller: Caller,
  partner: PartnerRow,
  audience: string[],
  meta: RequestMeta,
): Promise<void> {
  await ctx.publish(
    tx,
    'partners.partner.verified.v1',
    {
      partnerId: partner.id,
      ownerUserId: partner.ownerUserId,
      type: partner.type,
      name: partner.name,
      verifiedByUserId: caller.id,
      // billing prints these on its commission invoices.
      legalName: partner.legalName ?? '',
      vatId: partner.vatId ?? '',
      country: partner.country,
    },
    { audience, correlationId: meta.correlationId },
  );
}

/** Withdraws the badge and the listing (fraud, complaints); reinstating restores both. */
export async function suspendPartner(
  ctx: PartnersContext,
  caller: Caller,
  partnerId: string,
  reason: string,
  meta: RequestMeta,
): Promise<Partner> {
  return ctx.db.transaction(async (tx) => {
    const partner = await lockPartner(tx, partnerId);
    const change = statusChange(partner.status, 'suspend');
    if (!change) throw cannotSuspend(partner.status);
    const updated = await updatePartner(tx, partner.id, { ...change, suspensionReason: reason });
    await ctx.publish(
      tx,
      'partners.partner.suspended.v1',
      { partnerId, ownerUserId: partner.ownerUserId, suspendedByUserId: caller.id, reason },
      { audience: await reviewAudience(tx, partnerId), correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'partner.suspended',
      entityType: 'partner',
      entityId: partnerId,
      actorId: caller.id,
      actorRole: 'admin',
      data: { from: partner.status, reason },
      correlationId: meta.correlationId ?? null,
    });
    return toPartner(updated);
  });
}

export async function reinstatePartner(
  ctx: PartnersContext,
  caller: Caller,
  partnerId: string,
  meta: RequestMeta,
): Promise<Partner> {
  return ctx.db.transaction(async (tx) => {
    const partner = await lockPartner(tx, partnerId);
    const change = statusChange(partner.status, 'reinstate');
    if (!change) throw partnerNotSuspended();
    const updated = await updatePartner(tx, partner.id, {
      ...change,
      verifiedAt: new Date(),
      verifiedBy: caller.id,
      suspensionReason: null,
    });
    await announceVerified(ctx, tx, caller, updated, await reviewAudience(tx, partnerId), meta);
    await audit(tx, {
      action: 'partner.reinstated',
      entityType: 'partner',
      entityId: partnerId,
      actorId: caller.id,
      actorRole: 'admin',
      data: { from: partner.status },
      correlationId: meta.correlationId ?? null,
    });
    return toPartner(updated);
  });
}
