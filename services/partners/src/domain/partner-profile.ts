import { randomUUID } from 'node:crypto';
import type { MyPartner, RegisterPartnerBody, UpdatePartnerBody } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { findMembership, updatePartner, type Membership } from '../db/partners.repository.ts';
import { members, partners } from '../db/schema.ts';
import { hasFailure, runAutomatedChecks } from './automated-checks.ts';
import type { Caller, PartnersContext } from './context.ts';
import { isUniqueViolation } from './db-errors.ts';
import { memberUserIds, myPartnerView, requireMembership } from './membership.ts';
import {
  alreadyPartnerMember,
  invalidVat,
  notSubmittable,
  partnerLocked,
  submissionIncomplete,
} from './partner-errors.ts';
import { audit, publishPartnerEvent } from './partner-events.ts';
import type { PartnerRow } from './partner-view.ts';
import { editScope, LEGAL_FIELDS, nextStatus } from './status.ts';
import { checkTaxId } from './vat.ts';

type ProfileInput = Omit<UpdatePartnerBody, 'type'>;

/** A VAT id is stored normalised and must be valid for the partner's country. */
function normalisedVat(vatId: string | null | undefined, country: string): string | null | undefined {
  if (vatId === undefined || vatId === null) return vatId;
  const result = checkTaxId(vatId, country);
  if (!result.ok) throw invalidVat(result.reason);
  return result.normalised;
}

/** A signed-in user registers a business: a draft partner whose owner they are. */
export async function registerPartner(
  ctx: PartnersContext,
  caller: Caller,
  body: RegisterPartnerBody,
): Promise<MyPartner> {
  try {
    return await ctx.db.transaction(async (tx) => {
      if (await findMembership(tx, caller.user.id)) throw alreadyPartnerMember();
      const id = randomUUID();
      const { type, name, country, ...rest } = body as Required<RegisterPartnerBody>;
      const [partner] = await tx
        .insert(partners)
        .values({
          id,
          ownerUserId: caller.user.id,
          type,
          name,
          country,
          ...rest,
          vatId: normalisedVat(body.vatId, country) ?? null,
        })
        .returning();
      await tx
        .insert(members)
        .values({ partnerId: id, userId: caller.user.id, email: caller.user.email, role: 'owner' });
      await publishPartnerEvent(
        ctx.bus,
        tx,
        'partners.partner.registered.v1',
        { partnerId: id, ownerUserId: caller.user.id, type, name },
        { audience: [caller.user.id], correlationId: caller.correlationId },
      );
      await audit(tx, {
        action: 'partner.registered',
        entityType: 'partner',
        entityId: id,
        actorId: caller.user.id,
        actorRole: 'owner',
        data: { type, country },
        correlationId: caller.correlationId ?? null,
      });
      return myPartnerView(tx, { partner: partner!, role: 'owner' });
    });
  } catch (error) {
    // Two registrations racing for one user: the unique membership index decides.
    if (isUniqueViolation(error, 'members_user_uq')) throw alreadyPartnerMember();
    throw error;
  }
}

function changedFields(partner: PartnerRow, values: Partial<PartnerRow>): string[] {
  return Object.entries(values)
    .filter(([key, value]) => JSON.stringify(partner[key as keyof PartnerRow]) !== JSON.stringify(value))
    .map(([key]) => key);
}

/** Profile edits; on a verified partner, a legal change sends it back to review and removes the badge. */
export async function updateMyPartner(ctx: PartnersContext, caller: Caller, body: ProfileInput): Promise<MyPartner> {
  return ctx.db.transaction(async (tx) => {
    const membership = await requireMembership(tx, caller.user.id, 'edit', { forUpdate: true });
    const { partner } = membership;
    if (editScope(partner.status) === 'none') throw partnerLocked(partner.status);
    const country = body.country ?? partner.country;
    const values: Partial<PartnerRow> = { ...(body as Partial<PartnerRow>) };
    if (body.vatId !== undefined || (body.country !== undefined && partner.vatId)) {
      values.vatId = normalisedVat(body.vatId === undefined ? partner.vatId : body.vatId, country) ?? null;
    }
    const changed = changedFields(partner, values);
    if (!changed.length) return myPartnerView(tx, membership);
    const legalChange = changed.some((field) => (LEGAL_FIELDS as readonly string[]).includes(field));
    const reopen = partner.status === 'verified' && legalChange;
    const updated = await updatePartner(tx, partner.id, {
      ...values,
      ...(reopen
        ? { status: 'pending_review', verified: false, verifiedAt: null, verifiedBy: null, submittedAt: new Date() }
        : {}),
    });
    if (reopen) await announceSubmission(ctx, tx, caller, updated, 'legal_details_changed');
    await audit(tx, {
      action: 'partner.updated',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.user.id,
      actorRole: membership.role,
      data: { fields: changed, reopenedReview: reopen },
      correlationId: caller.correlationId ?? null,
    });
    return myPartnerView(tx, { partner: updated, role: membership.role });
  });
}

/** Draft or rejected → pending_review, once no automated check fails. */
export async function submitMyPartner(ctx: PartnersContext, caller: Caller): Promise<MyPartner> {
  return ctx.db.transaction(async (tx) => {
    const membership: Membership = await requireMembership(tx, caller.user.id, 'edit', { forUpdate: true });
    const { partner } = membership;
    const next = nextStatus(partner.status, 'submit');
    if (!next) throw notSubmittable(partner.status);
    const checks = await runAutomatedChecks(tx, partner);
    if (hasFailure(checks)) throw submissionIncomplete(checks);
    const updated = await updatePartner(tx, partner.id, {
      status: next,
      submittedAt: new Date(),
      rejectionReason: null,
    });
    await announceSubmission(ctx, tx, caller, updated, 'submitted');
    await audit(tx, {
      action: 'partner.submitted',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.user.id,
      actorRole: membership.role,
      data: { from: partner.status, checks: checks.map((check) => `${check.code}:${check.status}`) },
      correlationId: caller.correlationId ?? null,
    });
    return myPartnerView(tx, { partner: updated, role: membership.role });
  });
}

async function announceSubmission(
  ctx: PartnersContext,
  tx: Tx,
  caller: Caller,
  partner: PartnerRow,
  reason: 'submitted' | 'legal_details_changed',
): Promise<void> {
  await publishPartnerEvent(
    ctx.bus,
    tx,
    'partners.partner.submitted.v1',
    { partnerId: partner.id, ownerUserId: partner.ownerUserId, type: partner.type, name: partner.name, reason },
    { audience: [...(await memberUserIds(tx, partner.id)), 'role:admin'], correlationId: caller.correlationId },
  );
}
