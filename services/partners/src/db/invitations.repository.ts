import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { invitations, partners } from './schema.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type NewInvitation = Pick<
  InvitationRow,
  'id' | 'partnerId' | 'email' | 'role' | 'invitedBy' | 'tokenSha256' | 'expiresAt'
>;

/**
 * The new invitation, or undefined when this e-mail already has a live one from the partner.
 * An expired one to the same e-mail is replaced (new id, new link, new expiry): inviting again
 * is how an owner resends. `invitations_partner_email_uq` decides between two owners' tabs.
 */
export async function insertInvitation(
  executor: Executor,
  invitation: NewInvitation,
): Promise<InvitationRow | undefined> {
  const [row] = await executor
    .insert(invitations)
    .values(invitation)
    .onConflictDoUpdate({
      target: [invitations.partnerId, invitations.email],
      set: {
        id: sql`excluded.id`,
        role: sql`excluded.role`,
        invitedBy: sql`excluded.invited_by`,
        invitedAt: sql`now()`,
        tokenSha256: sql`excluded.token_sha256`,
        expiresAt: sql`excluded.expires_at`,
      },
      setWhere: sql`${invitations.expiresAt} <= now()`,
    })
    .returning();
  return row;
}

/** The invitation whose link secret hashes to `tokenSha256`, locked until commit. */
export async function lockInvitationByToken(
  executor: Executor,
  tokenSha256: string,
): Promise<InvitationRow | undefined> {
  const [row] = await executor.select().from(invitations).where(eq(invitations.tokenSha256, tokenSha256)).for('update');
  return row;
}

export async function deleteInvitation(executor: Executor, id: string): Promise<void> {
  await executor.delete(invitations).where(eq(invitations.id, id));
}

export async function listInvitations(executor: Executor, partnerId: string): Promise<InvitationRow[]> {
  return executor
    .select()
    .from(invitations)
    .where(eq(invitations.partnerId, partnerId))
    .orderBy(asc(invitations.invitedAt));
}

/**
 * Live invitations addressed to an e-mail, with the inviting partner's name: not expired, not
 * from partners being erased.
 */
export async function invitationsTo(
  executor: Executor,
  email: string,
  now: Date,
): Promise<{ invitation: InvitationRow; partnerName: string }[]> {
  return executor
    .select({ invitation: invitations, partnerName: partners.name })
    .from(invitations)
    .innerJoin(partners, eq(partners.id, invitations.partnerId))
    .where(and(eq(invitations.email, email), gt(invitations.expiresAt, now), ne(partners.status, 'deletion_requested')))
    .orderBy(asc(invitations.invitedAt));
}

/** Deletes one of a partner's invitations (withdrawal); undefined when it has no such invitation. */
export async function deletePartnerInvitation(
  executor: Executor,
  partnerId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  const [row] = await executor
    .delete(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.partnerId, partnerId)))
    .returning();
  return row;
}

/** Deletes an invitation addressed to `email` (accepted or declined); undefined when there is none. */
export async function takeInvitation(
  executor: Executor,
  id: string,
  email: string,
): Promise<InvitationRow | undefined> {
  const [row] = await executor
    .delete(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.email, email)))
    .returning();
  return row;
}

export async function deleteInvitationsOf(executor: Executor, partnerId: string): Promise<void> {
  await executor.delete(invitations).where(eq(invitations.partnerId, partnerId));
}

export async function deleteInvitationsTo(executor: Executor, email: string): Promise<void> {
  await executor.delete(invitations).where(eq(invitations.email, email));
}
