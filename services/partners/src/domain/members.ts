import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@tourconnect/contracts';
import type { Executor } from '@tourconnect/db';
import type { InviteMemberInput, MembersView, PartnerInvitation } from '@tourconnect/contracts/http';
import {
  deletePartnerInvitation,
  insertInvitation,
  listInvitations,
  type InvitationRow,
} from '../db/invitations.repository.ts';
import {
  deleteMember,
  findMember,
  isMemberEmail,
  listMembers,
  memberUserIds,
  setMemberRole,
} from '../db/members.repository.ts';
import { setPartnerOwner, type PartnerRow } from '../db/partners.repository.ts';
import { audit } from './audit.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { INVITATION_TTL_MS, newInvitationSecret } from './invitation-links.ts';
import { requireMembership } from './membership.ts';
import {
  alreadyInvited,
  alreadyOwner,
  alreadyMember,
  cannotRemoveOwner,
  deletionInProgress,
  invitationNotFound,
  memberNotFound,
} from './partners-errors.ts';
import { isLiveForMembership } from './status.ts';

export function invitationView(row: InvitationRow, partnerName: string): PartnerInvitation {
  return {
    id: row.id,
    partnerId: row.partnerId,
    partnerName,
    email: row.email,
    role: row.role,
    invitedAt: row.invitedAt.toISOString(),
    invitedBy: row.invitedBy,
    expiresAt: row.expiresAt.toISOString(),
  };
}

export async function listMyMembers(ctx: PartnersContext, caller: Caller): Promise<MembersView> {
  const { partner } = await requireMembership(ctx.db, caller.id, 'read');
  return membersView(ctx.db, partner);
}

async function membersView(executor: Executor, partner: PartnerRow): Promise<MembersView> {
  const [memberRows, invitationRows] = await Promise.all([
    listMembers(executor, partner.id),
    listInvitations(executor, partner.id),
  ]);
  return {
    members: memberRows.map((row) => ({
      userId: row.userId,
      email: row.email,
      role: row.role,
      joinedAt: row.joinedAt.toISOString(),
    })),
    invitations: invitationRows.map((row) => invitationView(row, partner.name)),
  };
}

/**
 * The owner invites by e-mail. The invitation carries a single-use secret link (only its
 * SHA-256 is stored; it expires after INVITATION_TTL_MS) that notifications e-mails to the
 * address from `partners.invitation.sent.v1`, written in the same transaction. Accepting needs
 * that link and a verified address equal to the invited one (issue 10 #1, invitation squatting).
 */
export async function inviteMember(
  ctx: PartnersContext,
  caller: Caller,
  body: InviteMemberInput,
  meta: RequestMeta,
): Promise<PartnerInvitation> {
  return ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.id, 'manage_members', { forUpdate: true });
    if (!isLiveForMembership(partner.status)) throw deletionInProgress();
    if (await isMemberEmail(tx, partner.id, body.email)) throw alreadyMember();
    const secret = newInvitationSecret();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const row = await insertInvitation(tx, {
      id: randomUUID(),
      partnerId: partner.id,
      email: body.email,
      role: body.role,
      invitedBy: caller.id,
      tokenSha256: secret.sha256,
      expiresAt,
    });
    if (!row) throw alreadyInvited();
    // No live audience: the token must never reach a browser through the gateway's push channel.
    await ctx.publish(
      tx,
      'partners.invitation.sent.v1',
      {
        invitationId: row.id,
        partnerId: partner.id,
        partnerName: partner.name,
        email: row.email,
        role: row.role,
        invitedByUserId: caller.id,
        token: secret.token,
        expiresAt: timestampFromDate(row.expiresAt),
        locale: body.locale ?? '',
      },
      { correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'member.invited',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: 'owner',
      data: { invitationId: row.id, role: body.role },
      correlationId: meta.correlationId ?? null,
    });
    return invitationView(row, partner.name);
  });
}

export async function withdrawInvitation(
  ctx: PartnersContext,
  caller: Caller,
  invitationId: string,
  meta: RequestMeta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.id, 'manage_members');
    const row = await deletePartnerInvitation(tx, partner.id, invitationId);
    if (!row) throw invitationNotFound();
    await audit(tx, {
      action: 'invitation.withdrawn',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: 'owner',
      data: { invitationId },
      correlationId: meta.correlationId ?? null,
    });
  });
}

export async function removeMember(
  ctx: PartnersContext,
  caller: Caller,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.id, 'manage_members', { forUpdate: true });
    const target = await findMember(tx, partner.id, userId);
    if (!target) throw memberNotFound();
    if (target.role === 'owner') throw cannotRemoveOwner();
    await deleteMember(tx, partner.id, userId);
    await ctx.publish(
      tx,
      'partners.member.removed.v1',
      { partnerId: partner.id, userId },
      { audience: [userId, ...(await memberUserIds(tx, partner.id))], correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'member.removed',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: 'owner',
      data: { userId, role: target.role },
      correlationId: meta.correlationId ?? null,
    });
  });
}

/**
 * The owner hands the partner to another current member, who becomes its owner; the former
 * owner stays as a manager. This is how an owner leaves (issue 11: an owner deleting their
 * account must first hand ownership over or delete the partner, so no verified partner is left
 * without an owner). Announced with partners.partner.owner_changed.v1 (identity keeps who owns
 * which partner from it, to refuse deleting a live partner owner's account; both stay members,
 * so their partner roles do not change) to the partner's members, and audited.
 */
export async function transferOwnership(
  ctx: PartnersContext,
  caller: Caller,
  userId: string,
  meta: RequestMeta,
): Promise<MembersView> {
  return ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.id, 'transfer_ownership', { forUpdate: true });
    if (!isLiveForMembership(partner.status)) throw deletionInProgress();
    if (userId === caller.id) throw alreadyOwner();
    const target = await findMember(tx, partner.id, userId);
    if (!target) throw memberNotFound();
    // One owner per partner (`members_one_owner_uq`): the old owner steps down first.
    await setMemberRole(tx, partner.id, caller.id, 'manager');
    await setMemberRole(tx, partner.id, userId, 'owner');
    const updated = await setPartnerOwner(tx, partner.id, userId);
    await ctx.publish(
      tx,
      'partners.partner.owner_changed.v1',
      { partnerId: partner.id, ownerUserId: userId, previousOwnerUserId: caller.id, changedByUserId: caller.id },
      { audience: await memberUserIds(tx, partner.id), correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'member.ownership_transferred',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: 'owner',
      data: { from: caller.id, to: userId, previousRole: target.role },
      correlationId: meta.correlationId ?? null,
    });
    return membersView(tx, updated);
  });
}
