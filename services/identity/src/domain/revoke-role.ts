import { and, eq } from 'drizzle-orm';
import type { Role } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { userRoles } from '../db/schema.ts';
import { audit } from './audit.ts';
import type { IdentityContext } from './identity-context.ts';
import { publishUserEvent } from './identity-events.ts';

export interface RoleRevocation {
  userId: string;
  role: Role;
  /** For 'partner': only the grant for this partner is revoked (a stale event changes nothing). */
  partnerId?: string;
  cause: string;
  correlationId?: string;
}

/**
 * Guarded like grantRole: revoking a role the user does not hold (for that partner) does
 * nothing, so redelivered events are harmless. Returns whether it changed.
 */
export async function revokeRole(ctx: IdentityContext, tx: Tx, revocation: RoleRevocation): Promise<boolean> {
  const removed = await tx
    .delete(userRoles)
    .where(
      and(
        eq(userRoles.userId, revocation.userId),
        eq(userRoles.role, revocation.role),
        ...(revocation.partnerId ? [eq(userRoles.partnerId, revocation.partnerId)] : []),
      ),
    )
    .returning({ role: userRoles.role });
  if (!removed.length) return false;
  await publishUserEvent(
    ctx.bus,
    tx,
    'identity.user.role_revoked.v1',
    { userId: revocation.userId, role: revocation.role, partnerId: revocation.partnerId ?? '' },
    { userId: revocation.userId, correlationId: revocation.correlationId },
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
