import type { MyPartner, PartnerInvitation } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import {
  deleteInvitation,
  invitationsTo,
  lockInvitationByToken,
  takeInvitation,
  type InvitationRow,
} from '../db/invitations.repository.ts';
import { findMembership, insertMember, memberUserIds } from '../db/members.repository.ts';
import { findPartner } from '../db/partners.repository.ts';
import { audit } from './audit.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { tokenHash } from './invitation-links.ts';
import { invitationView } from './members.ts';
import { myPartnerView } from './membership.ts';
import {
  alreadyPartnerMember,
  emailUnverified,
  invitationEmailMismatch,
  invitationExpired,
  invitationNotFound,
  invitationTokenInvalid,
} from './partners-errors.ts';
import { isLiveForMembership } from './status.ts';

// Invitations are addressed to an e-mail; the caller's comes from the verified token.
const emailOf = (caller: Caller) => caller.email.toLowerCase();

/**
 * Only an address its holder has proven (the token's `email_verified`) may see or answer the
 * invitations sent to it: whoever signs up with someone else's address must not learn who
 * invited it, accept on its behalf, or decline to block it (issue 10 #1).
 */
function requireVerifiedEmail(caller: Caller): void {
  if (!caller.emailVerified) throw emailUnverified();
}

/** Live invitations addressed to the signed-in user's verified e-mail. */
export async function myInvitations(ctx: PartnersContext, caller: Caller): Promise<PartnerInvitation[]> {
  requireVerifiedEmail(caller);
  const rows = await invitationsTo(ctx.db, emailOf(caller), new Date());
  return rows.map((row) => invitationView(row.invitation, row.partnerName));
}

/**
 * The invitation a link's secret names, for this caller: an unknown (used, withdrawn,
 * mistyped) secret, an expired link, or a link sent to another address is refused, each with
 * its own code, and nothing changes.
 */
async function invitationOfLink(tx: Tx, caller: Caller, token: string): Promise<InvitationRow> {
  const invitation = await lockInvitationByToken(tx, tokenHash(token));
  if (!invitation) throw invitationTokenInvalid();
  if (invitation.expiresAt.getTime() <= Date.now()) throw invitationExpired();
  if (invitation.email !== emailOf(caller)) throw invitationEmailMismatch();
  return invitation;
}

/**
 * Accepting by the e-mailed link, signed in with the invited, verified address: the caller
 * joins with the invited role, the link is used up, identity is told to grant the role.
 */
export async function acceptInvitation(
  ctx: PartnersContext,
  caller: Caller,
  token: string,
  meta: RequestMeta,
): Promise<MyPartner> {
  requireVerifiedEmail(caller);
  return ctx.db.transaction(async (tx) => {
    const invitation = await invitationOfLink(tx, caller, token);
    // Refused before the link is used up: it stays valid for when the caller has left their partner.
    if (await findMembership(tx, caller.id)) throw alreadyPartnerMember();
    const partner = await findPartner(tx, invitation.partnerId, { forUpdate: true });
    if (!partner || !isLiveForMembership(partner.status)) throw invitationTokenInvalid();
    await deleteInvitation(tx, invitation.id);
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
      data: { invitationId: invitation.id, role },
      correlationId: meta.correlationId ?? null,
    });
    return myPartnerView(tx, { partner, role });
  });
}

/** Declining one of the invitations listed to the caller's verified address removes it. */
export async function declineInvitation(
  ctx: PartnersContext,
  caller: Caller,
  invitationId: string,
  meta: RequestMeta,
): Promise<void> {
  requireVerifiedEmail(caller);
  await ctx.db.transaction(async (tx) => {
    const invitation = await takeInvitation(tx, invitationId, emailOf(caller));
    if (!invitation) throw invitationNotFound();
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
