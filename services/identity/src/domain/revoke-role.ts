import type { Role } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { deleteRole } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import type { IdentityContext } from './context.ts';

export interface RoleRevocation {
  userId: string;
  role: Role;
  /** For 'partner': only the grant for this partner is revoked (a stale event changes nothing). */
  partnerId?: string;
  /** What caused it (an event id), kept in the audit entry. */
  cause: string;
  correlationId?: string;
}

/**
 * Guarded like grantRole: revoking a role the user does not hold (for that partner) does
 * nothing, so redelivered events are harmless. Every revocation that changes something is
 * announced (the portal refreshes the session) and audited. Returns whether it changed.
 */
export async function revokeRole(ctx: IdentityContext, tx: Tx, revocation: RoleRevocation): Promise<boolean> {
  const removed = await deleteRole(tx, revocation);
  if (!removed) return false;
  await ctx.publish(
    tx,
    'identity.user.role_revoked.v1',
    { userId: revocation.userId, role: revocation.role, partnerId: revocation.partnerId ?? '' },
    { audience: [revocation.userId], correlationId: revocation.correlationId },
  );
  await audit(tx, {
    action: 'user.role_revoked',
    entityType: 'user',
    entityId: revocation.userId,
    actorRole: 'system',
    data: { role: revocation.role, partnerId: revocation.partnerId ?? null, cause: revocation.cause },
    correlationId: revocation.correlationId ?? null,
  });
  return true;
}
