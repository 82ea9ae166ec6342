import { randomUUID } from 'node:crypto';
import type { InviteMemberBody, MembersView, PartnerInvitation } from '@tourconnect/contracts/http';
import {
  deletePartnerInvitation,
  insertInvitation,
  listInvitations,
  type InvitationRow,
} from '../db/invitations.repository.ts';
import { deleteMember, findMember, isMemberEmail, listMembers, memberUserIds } from '../db/members.repository.ts';
import { audit } from './audit.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { requireMembership } from './membership.ts';
import {
  alreadyInvited,
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
  };
}

export async function listMyMembers(ctx: PartnersContext, caller: Caller): Promise<MembersView> {
  const { partner } = await requireMembership(ctx.db, caller.id, 'read');
  const [memberRows, invitationRows] = await Promise.all([
    listMembers(ctx.db, partner.id),
    listInvitations(ctx.db, partner.id),
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

/** The owner invites by e-mail; whoever signs in with that e-mail sees it and may accept. */
export async function inviteMember(
  ctx: PartnersContext,
  caller: Caller,
  body: InviteMemberBody,
  meta: RequestMeta,
): Promise<PartnerInvitation> {
  return ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.id, 'manage_members', { forUpdate: true });
    if (!isLiveForMembership(partner.status)) throw deletionInProgress();
    if (await isMemberEmail(tx, partner.id, body.email)) throw alreadyMember();
    const row = await insertInvitation(tx, {
      id: randomUUID(),
      partnerId: partner.id,
      email: body.email,
      role: body.role,
      invitedBy: caller.id,
    });
    if (!row) throw alreadyInvited();
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
