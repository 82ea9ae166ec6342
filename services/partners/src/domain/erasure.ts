import type { Tx } from '@tourconnect/db';
import { PermanentEventError } from '@tourconnect/events';
import {
  completeDeletionRequest,
  confirmErasure,
  findDeletionRequest,
  pendingServices,
  type DeletionRequestRow,
  type ErasureCounts,
} from '../db/deletion-requests.repository.ts';
import { deleteDocumentsOf } from '../db/documents.repository.ts';
import { deleteInvitationsOf, deleteInvitationsTo } from '../db/invitations.repository.ts';
import { deleteMember, deleteMembersOf, lockMemberOfUser, setMemberEmail } from '../db/members.repository.ts';
import { findPartner, updatePartner, type PartnerChanges } from '../db/partners.repository.ts';
import { audit } from './audit.ts';
import type { PartnersContext, RequestMeta } from './context.ts';
import { SELF } from './gdpr.ts';
import { statusChange } from './status.ts';

/** One holder service's answer to a deletion request (`<service>.partner_data.erased.v1`). */
export interface ErasureConfirmation extends ErasureCounts {
  requestId: string;
  partnerId: string;
  service: string;
}

/**
 * Records a holder's confirmation; when it was the last one besides partners' own, the partner
 * is erased here too and the request completes. A repeated confirmation changes nothing.
 */
export async function recordErasureConfirmation(
  ctx: PartnersContext,
  tx: Tx,
  confirmation: ErasureConfirmation,
  meta: RequestMeta,
): Promise<void> {
  const request = await findDeletionRequest(tx, confirmation.requestId, { forUpdate: true });
  if (!request || request.partnerId !== confirmation.partnerId) {
    throw new PermanentEventError(
      `no deletion request ${confirmation.requestId} for partner ${confirmation.partnerId}`,
    );
  }
  const { deletedRecords, anonymisedRecords } = confirmation;
  await confirmErasure(tx, request.id, confirmation.service, { deletedRecords, anonymisedRecords }, new Date());
  const pending = await pendingServices(tx, request.id);
  if (pending.length === 1 && pending[0] === SELF) await eraseSelf(ctx, tx, request, meta);
}

/** What is left of an erased partner: ids stay valid for financial records, nothing personal remains. */
const TOMBSTONE: PartnerChanges = {
  name: 'Deleted partner',
  legalName: null,
  vatId: null,
  website: null,
  socialLinks: [],
  contactEmail: null,
  contactPhone: null,
  description: null,
  descriptions: {},
  logoKey: null,
  logoSha256: null,
  logoContentType: null,
  regions: [],
  languages: [],
  rejectionReason: null,
  suspensionReason: null,
};

/**
 * The last step: documents and logo files are removed, members and invitations deleted, and
 * the partner row kept as an anonymised tombstone. Files go first: if the commit then fails,
 * the event is redelivered and deleting again is harmless.
 */
async function eraseSelf(ctx: PartnersContext, tx: Tx, request: DeletionRequestRow, meta: RequestMeta) {
  const partner = await findPartner(tx, request.partnerId, { forUpdate: true });
  if (!partner) throw new PermanentEventError(`partner ${request.partnerId} is missing`);
  const change = statusChange(partner.status, 'erase');
  if (!change) throw new PermanentEventError(`partner ${partner.id} is '${partner.status}', not awaiting erasure`);
  const docs = await deleteDocumentsOf(tx, partner.id);
  for (const key of [...docs.map((doc) => doc.storageKey), partner.logoKey]) if (key) await ctx.store.delete(key);
  const removedMembers = await deleteMembersOf(tx, partner.id);
  await deleteInvitationsOf(tx, partner.id);
  await updatePartner(tx, partner.id, { ...TOMBSTONE, ...change, deletedAt: new Date() });
  const now = new Date();
  const counts = { deletedRecords: docs.length + removedMembers, anonymisedRecords: 1 };
  await confirmErasure(tx, request.id, SELF, counts, now);
  await completeDeletionRequest(tx, request.id, now);
  await ctx.publish(
    tx,
    'partners.partner.deleted.v1',
    { partnerId: partner.id, requestId: request.id },
    { audience: [request.requestedBy], correlationId: meta.correlationId },
  );
  await audit(tx, {
    action: 'partner.erased',
    entityType: 'partner',
    entityId: partner.id,
    actorRole: 'system',
    data: { requestId: request.id, documents: docs.length, members: removedMembers },
    correlationId: meta.correlationId ?? null,
  });
}

/** What an erased owner's e-mail becomes: the row (and the partner's ownership) stays. */
export const ERASED_EMAIL = 'erased-user';

/**
 * A user erased their account (GDPR): partners drops what it holds about them — the e-mail on
 * their membership and invitations addressed to it. A manager or viewer simply leaves the
 * partner; an owner's membership is kept without the e-mail, so the business (which may have
 * bookings and payouts) is not erased behind its other members' backs; an admin can follow up.
 */
export async function forgetErasedUser(tx: Tx, userId: string, meta: RequestMeta): Promise<void> {
  const membership = await lockMemberOfUser(tx, userId);
  if (!membership) return;
  const { partnerId, role } = membership;
  await deleteInvitationsTo(tx, membership.email);
  const kept = role === 'owner';
  if (kept) await setMemberEmail(tx, partnerId, userId, ERASED_EMAIL);
  else await deleteMember(tx, partnerId, userId);
  await audit(tx, {
    action: 'member.erased',
    entityType: 'partner',
    entityId: partnerId,
    actorRole: 'system',
    data: { userId, role, kept },
    correlationId: meta.correlationId ?? null,
  });
}
