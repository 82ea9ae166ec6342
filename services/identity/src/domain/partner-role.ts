import type { Tx } from '@tourconnect/db';
import { isErased } from '../db/erased-partners.repository.ts';
import { findPartnerOfUser, findUserById, type UserRow } from '../db/users.repository.ts';
import type { IdentityContext } from './context.ts';
import { grantRole } from './grant-role.ts';
import { revokeRole } from './revoke-role.ts';

/** A user acting for a partner, as partners announced it; `cause` is the event's id. */
export interface PartnerLink {
  userId: string;
  partnerId: string;
  cause: string;
  correlationId?: string;
}

/**
 * `unknown_user`: no such user, and retrying cannot make one appear (the consumer
 * dead-letters it for an admin). `unchanged`: nothing to do (already held, the user or the
 * partner erased meanwhile), which is also what a redelivery finds.
 */
export type PartnerRoleOutcome = 'granted' | 'unchanged' | 'unknown_user';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The owner of a newly registered partner gets the 'partner' role for it. An owner who
 * already acts for a partner keeps that one: the role is held, so nothing changes.
 */
export async function grantOwnerRole(ctx: IdentityContext, tx: Tx, link: PartnerLink): Promise<PartnerRoleOutcome> {
  const user = await recipient(tx, link);
  if (user === 'unknown_user' || user === 'unchanged') return user;
  return (await grant(ctx, tx, link)) ? 'granted' : 'unchanged';
}

/**
 * A member who joined a partner acts for it. Joined and removed events travel on separate
 * consumers: a join for partner B may arrive before the removal from A. The role follows the
 * newest membership (A's grant is revoked, announced and audited like any revocation), and
 * the late removal from A then finds a role for B and leaves it alone.
 */
export async function grantMemberRole(ctx: IdentityContext, tx: Tx, link: PartnerLink): Promise<PartnerRoleOutcome> {
  const user = await recipient(tx, link);
  if (user === 'unknown_user' || user === 'unchanged') return user;
  const previous = await findPartnerOfUser(tx, user.id);
  if (previous && previous !== link.partnerId) {
    await revokeRole(ctx, tx, {
      userId: user.id,
      role: 'partner',
      partnerId: previous,
      cause: link.cause,
      correlationId: link.correlationId,
    });
  }
  return (await grant(ctx, tx, link)) ? 'granted' : 'unchanged';
}

/** A member removed from a partner loses the role for that partner only (a stale removal changes nothing). */
export async function revokeMemberRole(ctx: IdentityContext, tx: Tx, link: PartnerLink): Promise<boolean> {
  return revokeRole(ctx, tx, { ...link, role: 'partner' });
}

/** The user row (locked, so a concurrent erasure waits) or why there is nothing to grant. */
async function recipient(tx: Tx, link: PartnerLink): Promise<UserRow | 'unknown_user' | 'unchanged'> {
  const user = UUID.test(link.userId) ? await findUserById(tx, link.userId, { forUpdate: true }) : undefined;
  if (!user) return 'unknown_user';
  if (user.status !== 'active') return 'unchanged'; // erased meanwhile; nobody to grant the role to
  // The partner was erased before this event arrived on its own consumer: grant nothing.
  if (await isErased(tx, link.partnerId)) return 'unchanged';
  return user;
}

function grant(ctx: IdentityContext, tx: Tx, link: PartnerLink): Promise<boolean> {
  return grantRole(ctx, tx, {
    userId: link.userId,
    role: 'partner',
    partnerId: link.partnerId,
    cause: link.cause,
    correlationId: link.correlationId,
  });
}
