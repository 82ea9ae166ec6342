import { and, eq } from 'drizzle-orm';
import { decodeEventPayload, isEventSubject, type JsonValue } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import { PermanentEventError, type EventBus, type EventEnvelope } from '@tourconnect/events';
import { findPartner, updatePartner } from '../db/partners.repository.ts';
import { deletionConfirmations, deletionRequests, documents, invitations, members } from '../db/schema.ts';
import type { PartnersContext } from '../domain/context.ts';
import { SELF } from '../domain/gdpr.ts';
import { audit, publishPartnerEvent } from '../domain/partner-events.ts';

/**
 * `<service>.partner_data.erased.v1` from every holder in PARTNER_DATA_HOLDERS: record the
 * confirmation; when the last one arrives, erase the partner here too and complete the request.
 */
export function registerPartnerDataErasedHandlers(bus: EventBus, ctx: PartnersContext): void {
  for (const service of ctx.settings.PARTNER_DATA_HOLDERS) {
    const subject = `${service}.partner_data.erased.v1`;
    if (!isEventSubject(subject))
      throw new Error(`PARTNER_DATA_HOLDERS names '${service}', which has no ${subject} contract`);
    bus.handle({
      durable: `partners-erasure-confirmed-${service}`,
      subject,
      handler: (tx, envelope) => recordConfirmation(ctx, tx, envelope, subject),
    });
  }
}

async function recordConfirmation(
  ctx: PartnersContext,
  tx: Tx,
  envelope: EventEnvelope,
  subject: string,
): Promise<void> {
  let payload;
  try {
    payload = decodeEventPayload(subject as 'identity.partner_data.erased.v1', envelope.payload as JsonValue);
  } catch (error) {
    throw new PermanentEventError(`invalid ${subject} payload: ${(error as Error).message}`);
  }
  const [request] = await tx
    .select()
    .from(deletionRequests)
    .where(eq(deletionRequests.id, payload.requestId))
    .for('update');
  if (!request || request.partnerId !== payload.partnerId) {
    throw new PermanentEventError(`no deletion request ${payload.requestId} for partner ${payload.partnerId}`);
  }
  await tx
    .update(deletionConfirmations)
    .set({
      status: 'confirmed',
      confirmedAt: new Date(),
      deletedRecords: payload.deletedRecords,
      anonymisedRecords: payload.anonymisedRecords,
    })
    .where(
      and(
        eq(deletionConfirmations.requestId, request.id),
        eq(deletionConfirmations.service, payload.service),
        eq(deletionConfirmations.status, 'pending'),
      ),
    );
  const pending = await tx
    .select({ service: deletionConfirmations.service })
    .from(deletionConfirmations)
    .where(and(eq(deletionConfirmations.requestId, request.id), eq(deletionConfirmations.status, 'pending')));
  if (pending.length === 1 && pending[0]?.service === SELF) {
    await eraseSelf(ctx, tx, request, envelope.correlationId);
  }
}

/**
 * The last step: documents and logo files are removed, members and invitations deleted, and
 * the partner row kept as an anonymised tombstone (ids stay valid for financial records).
 * Files go first: if the commit then fails, the event is redelivered and deleting again is harmless.
 */
async function eraseSelf(
  ctx: PartnersContext,
  tx: Tx,
  request: typeof deletionRequests.$inferSelect,
  correlationId: string | undefined,
): Promise<void> {
  const partner = await findPartner(tx, request.partnerId, { forUpdate: true });
  if (!partner) throw new PermanentEventError(`partner ${request.partnerId} is missing`);
  const docs = await tx.delete(documents).where(eq(documents.partnerId, partner.id)).returning();
  for (const key of [...docs.map((doc) => doc.storageKey), partner.logoKey]) if (key) await ctx.store.delete(key);
  const removedMembers = await tx.delete(members).where(eq(members.partnerId, partner.id)).returning();
  await tx.delete(invitations).where(eq(invitations.partnerId, partner.id));
  await updatePartner(tx, partner.id, {
    status: 'deleted',
    verified: false,
    name: 'Deleted partner',
    legalName: null,
    vatId: null,
    website: null,
    socialLinks: [],
    contactEmail: null,
    contactPhone: null,
    description: null,
    logoKey: null,
    logoSha256: null,
    logoContentType: null,
    regions: [],
    languages: [],
    rejectionReason: null,
    suspensionReason: null,
    deletedAt: new Date(),
  });
  const now = new Date();
  await tx
    .update(deletionConfirmations)
    .set({
      status: 'confirmed',
      confirmedAt: now,
      deletedRecords: docs.length + removedMembers.length,
      anonymisedRecords: 1,
    })
    .where(and(eq(deletionConfirmations.requestId, request.id), eq(deletionConfirmations.service, SELF)));
  await tx
    .update(deletionRequests)
    .set({ status: 'completed', completedAt: now, partnerName: '' })
    .where(eq(deletionRequests.id, request.id));
  await publishPartnerEvent(
    ctx.bus,
    tx,
    'partners.partner.deleted.v1',
    { partnerId: partner.id, requestId: request.id },
    { audience: [request.requestedBy], correlationId },
  );
  await audit(tx, {
    action: 'partner.erased',
    entityType: 'partner',
    entityId: partner.id,
    actorRole: 'system',
    data: { requestId: request.id, documents: docs.length, members: removedMembers.length },
    correlationId: correlationId ?? null,
  });
}
