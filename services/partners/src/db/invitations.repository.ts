import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { invitations, partners } from './schema.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type NewInvitation = Pick<InvitationRow, 'id' | 'partnerId' | 'email' | 'role' | 'invitedBy'>;

/** The new invitation, or undefined when this e-mail already has one from the partner. */
export async function insertInvitation(
  executor: Executor,
  invitation: NewInvitation,
): Promise<InvitationRow | undefined> {
  // `invitations_partner_email_uq` decides between two owners' tabs inviting the same e-mail.
  const [row] = await executor.insert(invitations).values(invitation).onConflictDoNothing().returning();
  return row;
}

export async function listInvitations(executor: Executor, partnerId: string): Promise<InvitationRow[]> {
  return executor
    .select()
    .from(invitations)
    .where(eq(invitations.partnerId, partnerId))
    .orderBy(asc(invitations.invitedAt));
}

/** Invitations addressed to an e-mail, with the inviting partner's name; not from partners being erased. */
export async function invitationsTo(
  executor: Executor,
  email: string,
): Promise<{ invitation: InvitationRow; partnerName: string }[]> {
  return executor
    .select({ invitation: invitations, partnerName: partners.name })
    .from(invitations)
    .innerJoin(partners, eq(partners.id, invitations.partnerId))
    .where(and(eq(invitations.email, email), ne(partners.status, 'deletion_requested')))
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
