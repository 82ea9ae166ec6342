import { randomUUID } from 'node:crypto';
import {
  DOCUMENT_MAX_BYTES,
  documentSlots,
  type DocumentKind,
  type PartnerDocument,
} from '@tourconnect/contracts/http';
import { deleteDocument, findDocument, insertDocument, listDocuments } from '../db/documents.repository.ts';
import { audit } from './audit.ts';
import type { Caller, PartnersContext, RequestMeta } from './context.ts';
import { safeFilename } from '@tourconnect/storage';
import { requireMembership } from './membership.ts';
import { documentKindNotApplicable, documentNotFound, partnerLocked } from './partners-errors.ts';
import { toDocument } from './partner-view.ts';
import { documentRights } from './status.ts';
import { inspectUpload, storeThenCommit, type StoredFile, type UploadedFile } from './stored-files.ts';

export async function uploadDocument(
  ctx: PartnersContext,
  caller: Caller,
  kind: DocumentKind,
  file: UploadedFile,
  meta: RequestMeta,
): Promise<PartnerDocument> {
  const { partner } = await requireMembership(ctx.db, caller.id, 'edit');
  if (!documentRights(partner.status).upload) throw partnerLocked(partner.status);
  if (!documentSlots[partner.type].includes(kind)) throw documentKindNotApplicable(kind, partner.type);
  const checked = inspectUpload(file, DOCUMENT_MAX_BYTES, ['application/pdf', 'image/jpeg', 'image/png']);
  const id = randomUUID();
  const storageKey = `partners/${partner.id}/documents/${id}`;
  return storeThenCommit(ctx, storageKey, file, checked.type, () =>
    ctx.db.transaction(async (tx) => {
      // Re-checked under the lock: the partner may have been submitted meanwhile.
      const locked = await requireMembership(tx, caller.id, 'edit', { forUpdate: true });
      if (locked.partner.id !== partner.id || !documentRights(locked.partner.status).upload) {
        throw partnerLocked(locked.partner.status);
      }
      const row = await insertDocument(tx, {
        id,
        partnerId: partner.id,
        kind,
        filename: safeFilename(file.filename, checked.type),
        contentType: checked.type,
        size: file.data.length,
        sha256: checked.sha256,
        storageKey,
        uploadedBy: caller.id,
      });
      await audit(tx, {
        action: 'document.uploaded',
        entityType: 'partner',
        entityId: partner.id,
        actorId: caller.id,
        actorRole: locked.role,
        data: { documentId: id, kind, sha256: checked.sha256, size: file.data.length },
        correlationId: meta.correlationId ?? null,
      });
      return toDocument(row);
    }),
  );
}

export async function listMyDocuments(ctx: PartnersContext, caller: Caller): Promise<PartnerDocument[]> {
  const { partner } = await requireMembership(ctx.db, caller.id, 'read');
  return (await listDocuments(ctx.db, partner.id)).map(toDocument);
}

export async function deleteMyDocument(
  ctx: PartnersContext,
  caller: Caller,
  documentId: string,
  meta: RequestMeta,
): Promise<void> {
  const storageKey = await ctx.db.transaction(async (tx) => {
    const { partner, role } = await requireMembership(tx, caller.id, 'edit', { forUpdate: true });
    const row = await deleteDocument(tx, partner.id, documentId);
    if (!row) throw documentNotFound();
    if (!documentRights(partner.status).remove) throw partnerLocked(partner.status);
    await audit(tx, {
      action: 'document.deleted',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.id,
      actorRole: role,
      data: { documentId, kind: row.kind, sha256: row.sha256 },
      correlationId: meta.correlationId ?? null,
    });
    return row.storageKey;
  });
  // After commit: a failed commit must not lose the file of a document that still exists.
  await ctx.store.delete(storageKey);
}

/** A document's bytes for one of the partner's members (`callerId`), or for an admin (`partnerId`). */
export async function readDocumentFile(
  ctx: PartnersContext,
  documentId: string,
  scope: { callerId: string } | { partnerId: string },
): Promise<StoredFile> {
  const partnerId =
    'partnerId' in scope ? scope.partnerId : (await requireMembership(ctx.db, scope.callerId, 'read')).partner.id;
  const row = await findDocument(ctx.db, partnerId, documentId);
  if (!row) throw documentNotFound();
  const data = await ctx.store.get(row.storageKey);
  if (!data) throw documentNotFound();
  return { data, contentType: row.contentType, filename: row.filename };
}
