import type { Role } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { insertRole } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import type { IdentityContext } from './context.ts';

export interface RoleGrant {
  userId: string;
  role: Role;
  /** For 'partner': the partner the user now acts for. */
  partnerId?: string;
  /** The admin who granted it; absent when granted in reaction to an event or at boot. */
  grantedBy?: string;
  /** What caused it (an event id, 'bootstrap'), kept in the audit entry. */
  cause: string;
  correlationId?: string;
}

/**
 * Guarded state change: granting a role the user already holds does nothing (no event, no
 * audit entry), so a redelivered or replayed event is harmless. Returns whether it changed.
 */
export async function grantRole(ctx: IdentityContext, tx: Tx, grant: RoleGrant): Promise<boolean> {
  const added = await insertRole(tx, {
    userId: grant.userId,
    role: grant.role,
    partnerId: grant.partnerId ?? null,
    grantedBy: grant.grantedBy ?? null,
  });
  if (!added) return false;
  await ctx.publish(
    tx,
    'identity.user.role_granted.v1',
    {
      userId: grant.userId,
      role: grant.role,
      partnerId: grant.partnerId ?? '',
      grantedByUserId: grant.grantedBy ?? '',
    },
    { audience: [grant.userId], correlationId: grant.correlationId },
  );
  await audit(tx, {
    action: 'user.role_granted',
    entityType: 'user',
    entityId: grant.userId,
    actorId: grant.grantedBy ?? null,
    actorRole: grant.grantedBy ? 'admin' : 'system',
    data: { role: grant.role, partnerId: grant.partnerId ?? null, cause: grant.cause },
    correlationId: grant.correlationId ?? null,
  });
  return true;
}
