import type { MyPartner, PartnerInvitation } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { invitationsTo, takeInvitation, type InvitationRow } from '../db/invitations.repository.ts';
import { findMembership, insertMember, memberUserIds } from '../db/members.repository.ts';
import { findPartner } from '../db/partners.repository.ts';
import { audit } from './audit.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { invitationView } from './members.ts';
import { myPartnerView } from './membership.ts';
import { alreadyPartnerMember, invitationNotFound } from './partners-errors.ts';
import { isLiveForMembership } from './status.ts';

// Invitations are addressed to an e-mail; the caller's comes from the verified token.
const emailOf = (caller: Caller) => caller.email.toLowerCase();

/** Invitations addressed to the signed-in user's e-mail. */
export async function myInvitations(ctx: PartnersContext, caller: Caller): Promise<PartnerInvitation[]> {
  const rows = await invitationsTo(ctx.db, emailOf(caller));
  return rows.map((row) => invitationView(row.invitation, row.partnerName));
}

async function takeMyInvitation(tx: Tx, caller: Caller, invitationId: string): Promise<InvitationRow> {
  const row = await takeInvitation(tx, invitationId, emailOf(caller));
  if (!row) throw invitationNotFound();
  return row;
}

export async function acceptInvitation(
  ctx: PartnersContext,
  caller: Caller,
  invitationId: string,
  meta: RequestMeta,
): Promise<MyPartner> {
  return ctx.db.transaction(async (tx) => {
    if (await findMembership(tx, caller.id)) throw alreadyPartnerMember();
    const invitation = await takeMyInvitation(tx, caller, invitationId);
    const partner = await findPartner(tx, invitation.partnerId, { forUpdate: true });
    if (!partner || !isLiveForMembership(partner.status)) throw invitationNotFound();
    const { role } = invitation;
    // Two acceptances racing for one user: the unique membership decides, the loser rolls back.
    const joined = await insertMember(tx, { partnerId: partner.id, userId: caller.id, email: caller.email, role });
    if (!joined.ok) throw alreadyPartnerMember();
    await ctx.publish(
      tx,
      'partners.member.joined.v1',
      { partnerId: partner.id, userId: caller.id, role },
      { audience: await memberUserIds(tx, partner.id), correlationId: meta.correlationId },
    );
    await audit(tx, {
      action: 'member.joined',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: role,
      data: { invitationId, role },
      correlationId: meta.correlationId ?? null,
    });
    return myPartnerView(tx, { partner, role });
  });
}

export async function declineInvitation(
  ctx: PartnersContext,
  caller: Caller,
  invitationId: string,
  meta: RequestMeta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const invitation = await takeMyInvitation(tx, caller, invitationId);
    await audit(tx, {
      action: 'invitation.declined',
      entityType: 'partner',
      entityId: invitation.partnerId,
      actorId: caller.id,
      actorRole: 'invitee',
      data: { invitationId },
      correlationId: meta.correlationId ?? null,
    });
  });
}
