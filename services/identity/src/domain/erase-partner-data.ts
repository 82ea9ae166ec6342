import type { Tx } from '@tourconnect/db';
import { markErased } from '../db/erased-partners.repository.ts';
import { listPartnerRoleHolders } from '../db/users.repository.ts';
import { audit } from './audit.ts';
import { forgetOwner } from './partner-ownership.ts';
import type { IdentityContext } from './context.ts';
import { revokeRole } from './revoke-role.ts';

export interface PartnerErasureRequest {
  partnerId: string;
  requestId: string;
  requestedByUserId: string;
  /** The deletion-request event's id, kept in each revocation's audit entry. */
  cause: string;
  correlationId?: string;
}

/**
 * A partner's GDPR erasure as far as identity is concerned: the partner is remembered as
 * erased (a late join or registration grants nothing), its owner is forgotten (their account
 * may be deleted again), every holder of its 'partner' role
 * loses it through revokeRole (so each revocation is announced and audited), and the
 * erasure is confirmed to partners with identity.partner_data.erased.v1. Returns how many
 * roles were revoked.
 */
export async function erasePartnerData(ctx: IdentityContext, tx: Tx, request: PartnerErasureRequest): Promise<number> {
  const { partnerId, requestId, correlationId } = request;
  await markErased(tx, partnerId, requestId);
  await forgetOwner(tx, partnerId);
  let revoked = 0;
  for (const userId of await listPartnerRoleHolders(tx, partnerId)) {
    const changed = await revokeRole(ctx, tx, {
      userId,
      role: 'partner',
      partnerId,
      cause: request.cause,
      correlationId,
    });
    if (changed) revoked += 1;
  }
  await ctx.publish(
    tx,
    'identity.partner_data.erased.v1',
    { partnerId, requestId, service: 'identity', deletedRecords: revoked, anonymisedRecords: 0 },
    { audience: [request.requestedByUserId], correlationId },
  );
  await audit(tx, {
    action: 'partner_data.erased',
    entityType: 'partner',
    entityId: partnerId,
    actorRole: 'system',
    data: { requestId, revokedRoles: revoked },
    correlationId: correlationId ?? null,
  });
  return revoked;
}
