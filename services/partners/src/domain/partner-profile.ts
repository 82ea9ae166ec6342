import { randomUUID } from 'node:crypto';
import type { Descriptions, MyPartner, RegisterPartnerInput, UpdatePartnerInput } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { findMembership, insertMember, memberUserIds } from '../db/members.repository.ts';
import {
  insertPartner,
  updatePartner,
  type PartnerChanges,
  type PartnerProfileColumns,
  type PartnerRow,
} from '../db/partners.repository.ts';
import { audit } from './audit.ts';
import { hasFailure, runAutomatedChecks } from './automated-checks.ts';
import { mergeDescriptions } from './descriptions.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { myPartnerView, requireMembership } from './membership.ts';
import {
  alreadyPartnerMember,
  emailUnverified,
  invalidVat,
  notSubmittable,
  partnerLocked,
  reviewedFieldsLocked,
  submissionIncomplete,
} from './partners-errors.ts';
import { editScope, isReviewedField, REVIEWED_FIELDS, statusChange, type ReviewedField } from './status.ts';
import { checkTaxId } from './vat.ts';

/** The profile fields of a validated registration or edit (the type is chosen once, at registration). */
type ProfileInput = UpdatePartnerInput;

/** A VAT id is stored normalised and must be valid for the partner's country. */
function normalisedVat(vatId: string | null | undefined, country: string): string | null | undefined {
  if (vatId === undefined || vatId === null) return vatId;
  const result = checkTaxId(vatId, country);
  if (!result.ok) throw invalidVat(result.reason);
  return result.normalised;
}

/**
 * The columns the input sets, field by field; a field left out of the input stays as it is.
 * Descriptions are merged per language into the partner's `current` ones.
 */
function profileColumns(input: ProfileInput, current: Descriptions = {}): Partial<PartnerProfileColumns> {
  const columns: Partial<PartnerProfileColumns> = {};
  if (input.name !== undefined) columns.name = input.name;
  if (input.legalName !== undefined) columns.legalName = input.legalName;
  if (input.vatId !== undefined) columns.vatId = input.vatId;
  if (input.country !== undefined) columns.country = input.country;
  if (input.website !== undefined) columns.website = input.website;
  if (input.socialLinks !== undefined) columns.socialLinks = input.socialLinks;
  if (input.contactEmail !== undefined) columns.contactEmail = input.contactEmail;
  if (input.contactPhone !== undefined) columns.contactPhone = input.contactPhone;
  if (input.description !== undefined) columns.description = input.description || null;
  if (input.descriptions !== undefined) columns.descriptions = mergeDescriptions(current, input.descriptions);
  if (input.regions !== undefined) columns.regions = input.regions;
  if (input.languages !== undefined) columns.languages = input.languages;
  return columns;
}

/** GET /api/partners/me: the caller's partner, role and checks. */
export async function getMyPartner(ctx: PartnersContext, caller: Caller): Promise<MyPartner> {
  return myPartnerView(ctx.db, await requireMembership(ctx.db, caller.id, 'read'));
}

/** A signed-in user with a verified e-mail registers a business: a draft partner whose owner they are. */
export async function registerPartner(
  ctx: PartnersContext,
  caller: Caller,
  input: RegisterPartnerInput,
  meta: RequestMeta,
): Promise<MyPartner> {
  // A business is registered by someone whose address is proven: it receives the partner's
  // notices, and becomes the owner others are invited by (issue 10, "Accounts").
  if (!caller.emailVerified) throw emailUnverified();
  return ctx.db.transaction(async (tx) => {
    if (await findMembership(tx, caller.id)) throw alreadyPartnerMember();
    const { type, country } = input;
    const partner = await insertPartner(tx, {
      ...profileColumns(input),
      id: randomUUID(),
      ownerUserId: caller.id,
      type,
      name: input.name,
      country,
      vatId: normalisedVat(input.vatId, country) ?? null,
    });
    // Two registrations racing for one user: the unique membership decides, the loser rolls back.
    const joined = await insertMember(tx, {
      partnerId: partner.id,
      userId: caller.id,
      email: caller.email,
      role: 'owner',
    });
    if (!joined.ok) throw alreadyPartnerMember();
    await ctx.publish(
      tx,
      'partners.partner.registered.v1',
      { partnerId: partner.id, ownerUserId: caller.id, type, name: partner.name },
      { audience: [caller.id], correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'partner.registered',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: 'owner',
      data: { type, country },
      correlationId: meta.correlationId ?? null,
    });
    return myPartnerView(tx, { partner, role: 'owner' });
  });
}

/** The reviewed fields the input would change (a VAT id typed differently but equal once normalised does not). */
function reviewedFieldsChanged(partner: PartnerRow, input: ProfileInput): ReviewedField[] {
  return REVIEWED_FIELDS.filter((field) => {
    const value = input[field];
    if (value === undefined) return false;
    if (field === 'vatId' && value !== null && partner.vatId !== null) {
      const checked = checkTaxId(value, partner.country);
      return !checked.ok || checked.normalised !== partner.vatId;
    }
    return value !== partner[field];
  });
}

/** JSON with object keys sorted: PostgreSQL's jsonb answers keys in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function changedFields(partner: PartnerRow, changes: PartnerChanges): string[] {
  return Object.entries(changes)
    .filter(([key, value]) => canonical(partner[key as keyof PartnerRow]) !== canonical(value))
    .map(([key]) => key);
}

/**
 * Profile edits (README "Status"): on a verified partner, a change to the display name or a legal
 * field sends it back to review and removes the badge; in review, those fields are locked and
 * the rest of the profile stays editable.
 */
export async function updateMyPartner(
  ctx: PartnersContext,
  caller: Caller,
  input: ProfileInput,
  meta: RequestMeta,
): Promise<MyPartner> {
  return ctx.db.transaction(async (tx) => {
    const membership = await requireMembership(tx, caller.id, 'edit', { forUpdate: true });
    const { partner } = membership;
    const scope = editScope(partner.status);
    if (scope === 'none') throw partnerLocked(partner.status);
    // Before any validation of their values: a locked field is refused as locked.
    const locked = scope === 'profile_only' ? reviewedFieldsChanged(partner, input) : [];
    if (locked.length) throw reviewedFieldsLocked(locked);
    const changes: PartnerChanges = profileColumns(input, partner.descriptions);
    if (input.vatId !== undefined || (input.country !== undefined && partner.vatId)) {
      const country = input.country ?? partner.country;
      changes.vatId = normalisedVat(input.vatId === undefined ? partner.vatId : input.vatId, country) ?? null;
    }
    const changed = changedFields(partner, changes);
    if (!changed.length) return myPartnerView(tx, membership);
    const reviewed = changed.filter(isReviewedField);
    // The badge vouches for the display name and the legal details: changing one reopens the
    // review (announced with the contract's reason "legal_details_changed"; the audit entry
    // names the fields).
    const reopen = reviewed.length ? statusChange(partner.status, 'legal_change') : undefined;
    const updated = await updatePartner(tx, partner.id, {
      ...changes,
      ...(reopen ? { ...reopen, verifiedAt: null, verifiedBy: null, submittedAt: new Date() } : {}),
    });
    if (reopen) await announceSubmission(ctx, tx, updated, 'legal_details_changed', caller, meta);
    await audit(tx, {
      action: 'partner.updated',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: membership.role,
      data: { fields: changed, reopenedReview: !!reopen },
      correlationId: meta.correlationId ?? null,
    });
    return myPartnerView(tx, { partner: updated, role: membership.role });
  });
}

/** Draft or rejected → pending_review, once no automated check fails. */
export async function submitMyPartner(ctx: PartnersContext, caller: Caller, meta: RequestMeta): Promise<MyPartner> {
  return ctx.db.transaction(async (tx) => {
    const membership = await requireMembership(tx, caller.id, 'edit', { forUpdate: true });
    const { partner } = membership;
    const change = statusChange(partner.status, 'submit');
    if (!change) throw notSubmittable(partner.status);
    const checks = await runAutomatedChecks(tx, partner);
    if (hasFailure(checks)) throw submissionIncomplete(checks);
    const updated = await updatePartner(tx, partner.id, { ...change, submittedAt: new Date(), rejectionReason: null });
    await announceSubmission(ctx, tx, updated, 'submitted', caller, meta);
    await audit(tx, {
      action: 'partner.submitted',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: membership.role,
      data: { from: partner.status, checks: checks.map((check) => `${check.code}:${check.status}`) },
      correlationId: meta.correlationId ?? null,
    });
    return myPartnerView(tx, { partner: updated, role: membership.role });
  });
}

async function announceSubmission(
  ctx: PartnersContext,
  tx: Tx,
  partner: PartnerRow,
  reason: 'submitted' | 'legal_details_changed',
  caller: Caller,
  meta: RequestMeta,
): Promise<void> {
  await ctx.publish(
    tx,
    'partners.partner.submitted.v1',
    {
      partnerId: partner.id,
      ownerUserId: partner.ownerUserId,
      type: partner.type,
      name: partner.name,
      reason,
      // The portal reads the member's own submission as "you submitted …".
      submittedByUserId: caller.id,
    },
    { audience: [...(await memberUserIds(tx, partner.id)), 'role:admin'], correlationId: meta.correlationId },
  );
}
