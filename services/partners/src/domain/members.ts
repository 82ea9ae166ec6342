import { randomUUID } from 'node:crypto';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { InviteMemberBody, MembersView, MyPartner, PartnerInvitation } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { findMembership } from '../db/partners.repository.ts';
import { invitations, members, partners } from '../db/schema.ts';
import type { Caller, PartnersContext } from './context.ts';
import { isUniqueViolation } from './db-errors.ts';
import { memberUserIds, myPartnerView, requireMembership } from './membership.ts';
import {
  alreadyInvited,
  alreadyMember,
  alreadyPartnerMember,
  cannotRemoveOwner,
  deletionInProgress,
  invitationNotFound,
  memberNotFound,
} from './partner-errors.ts';
import { audit, publishPartnerEvent } from './partner-events.ts';

const LIVE_FOR_MEMBERSHIP = ['draft', 'pending_review', 'verified', 'rejected', 'suspended'];

function invitationView(row: typeof invitations.$inferSelect, partnerName: string): PartnerInvitation {
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

export async function listMembers(ctx: PartnersContext, caller: Caller): Promise<MembersView> {
  const { partner } = await requireMembership(ctx.db, caller.user.id, 'read');
  const [memberRows, invitationRows] = await Promise.all([
    ctx.db.select().from(members).where(eq(members.partnerId, partner.id)).orderBy(asc(members.joinedAt)),
    ctx.db.select().from(invitations).where(eq(invitations.partnerId, partner.id)).orderBy(asc(invitations.invitedAt)),
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
): Promise<PartnerInvitation> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { partner } = await requireMembership(tx, caller.user.id, 'manage_members', { forUpdate: true });
      if (!LIVE_FOR_MEMBERSHIP.includes(partner.status)) throw deletionInProgress();
      const [existing] = await tx
        .select({ userId: members.userId })
        .from(members)
        .where(and(eq(members.partnerId, partner.id), eq(members.email, body.email)));
      if (existing) throw alreadyMember();
      const [row] = await tx
        .insert(invitations)
        .values({
          id: randomUUID(),
          partnerId: partner.id,
          email: body.email,
          role: body.role,
          invitedBy: caller.user.id,
        })
        .returning();
      await audit(tx, {
        action: 'member.invited',
        entityType: 'partner',
        entityId: partner.id,
        actorId: caller.user.id,
        actorRole: 'owner',
        data: { invitationId: row!.id, role: body.role },
        correlationId: caller.correlationId ?? null,
      });
      return invitationView(row!, partner.name);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'invitations_partner_email_uq')) throw alreadyInvited();
    throw error;
  }
}

export async function withdrawInvitation(ctx: PartnersContext, caller: Caller, invitationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.user.id, 'manage_members');
    const [row] = await tx
      .delete(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.partnerId, partner.id)))
      .returning();
    if (!row) throw invitationNotFound();
    await audit(tx, {
      action: 'invitation.withdrawn',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.user.id,
      actorRole: 'owner',
      data: { invitationId },
      correlationId: caller.correlationId ?? null,
    });
  });
}

export async function removeMember(ctx: PartnersContext, caller: Caller, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { partner } = await requireMembership(tx, caller.user.id, 'manage_members', { forUpdate: true });
    const [target] = await tx
      .select()
      .from(members)
      .where(and(eq(members.partnerId, partner.id), eq(members.userId, userId)));
    if (!target) throw memberNotFound();
    if (target.role === 'owner') throw cannotRemoveOwner();
    await tx.delete(members).where(and(eq(members.partnerId, partner.id), eq(members.userId, userId)));
    await publishPartnerEvent(
      ctx.bus,
      tx,
      'partners.member.removed.v1',
      { partnerId: partner.id, userId },
      { audience: [userId, ...(await memberUserIds(tx, partner.id))], correlationId: caller.correlationId },
    );
    await audit(tx, {
      action: 'member.removed',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.user.id,
      actorRole: 'owner',
      data: { userId, role: target.role },
      correlationId: caller.correlationId ?? null,
    });
  });
}

/** Invitations addressed to the signed-in user's e-mail (from the verified token). */
export async function myInvitations(ctx: PartnersContext, caller: Caller): Promise<PartnerInvitation[]> {
  const rows = await ctx.db
    .select({ invitation: invitations, partnerName: partners.name })
    .from(invitations)
    .innerJoin(partners, eq(partners.id, invitations.partnerId))
    .where(and(eq(invitations.email, caller.user.email.toLowerCase()), ne(partners.status, 'deletion_requested')))
    .orderBy(asc(invitations.invitedAt));
  return rows.map((row) => invitationView(row.invitation, row.partnerName));
}

async function takeInvitation(caller: Caller, invitationId: string, tx: Tx) {
  const [row] = await tx
    .delete(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.email, caller.user.email.toLowerCase())))
    .returning();
  if (!row) throw invitationNotFound();
  return row;
}

export async function acceptInvitation(ctx: PartnersContext, caller: Caller, invitationId: string): Promise<MyPartner> {
  try {
    return await ctx.db.transaction(async (tx) => {
      if (await findMembership(tx, caller.user.id)) throw alreadyPartnerMember();
      const invitation = await takeInvitation(caller, invitationId, tx);
      const [partner] = await tx.select().from(partners).where(eq(partners.id, invitation.partnerId)).for('update');
      if (!partner || !LIVE_FOR_MEMBERSHIP.includes(partner.status)) throw invitationNotFound();
      await tx
        .insert(members)
        .values({ partnerId: partner.id, userId: caller.user.id, email: caller.user.email, role: invitation.role });
      await publishPartnerEvent(
        ctx.bus,
        tx,
        'partners.member.joined.v1',
        { partnerId: partner.id, userId: caller.user.id, role: invitation.role },
        { audience: await memberUserIds(tx, partner.id), correlationId: caller.correlationId },
      );
      await audit(tx, {
        action: 'member.joined',
        entityType: 'partner',
        entityId: partner.id,
        actorId: caller.user.id,
        actorRole: invitation.role,
        data: { invitationId, role: invitation.role },
        correlationId: caller.correlationId ?? null,
      });
      return myPartnerView(tx, { partner, role: invitation.role });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'members_user_uq')) throw alreadyPartnerMember();
    throw error;
  }
}

export async function declineInvitation(ctx: PartnersContext, caller: Caller, invitationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const invitation = await takeInvitation(caller, invitationId, tx);
    await audit(tx, {
      action: 'invitation.declined',
      entityType: 'partner',
      entityId: invitation.partnerId,
      actorId: caller.user.id,
      actorRole: 'invitee',
      data: { invitationId },
      correlationId: caller.correlationId ?? null,
    });
  });
}
