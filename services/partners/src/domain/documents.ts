import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import {
  DOCUMENT_MAX_BYTES,
  LOGO_MAX_BYTES,
  type DocumentKind,
  type MyPartner,
  type PartnerDocument,
} from '@tourconnect/contracts/http';
import { findPartner, updatePartner } from '../db/partners.repository.ts';
import { documents } from '../db/schema.ts';
import type { Caller, PartnersContext } from './context.ts';
import { safeFilename, sniffFileType, type SniffedType } from './file-type.ts';
import { myPartnerView, requireMembership } from './membership.ts';
import {
  documentNotFound,
  fileTooLarge,
  partnerLocked,
  publicPartnerNotFound,
  unsupportedFileType,
} from './partner-errors.ts';
import { audit } from './partner-events.ts';
import { toDocument } from './partner-view.ts';
import { documentRights, editScope } from './status.ts';

export interface UploadedFile {
  filename: string;
  data: Buffer;
  /** The multipart parser stopped at the limit: the file is larger than allowed. */
  truncated: boolean;
}

interface CheckedFile {
  type: SniffedType;
  sha256: string;
}

/** The bytes decide the type, never the name or the declared content type. */
function inspect(file: UploadedFile, limit: number, allowed: readonly SniffedType[]): CheckedFile {
  if (file.truncated || file.data.length > limit) throw fileTooLarge(limit);
  const type = sniffFileType(file.data);
  if (!type || !allowed.includes(type)) throw unsupportedFileType();
  return { type, sha256: createHash('sha256').update(file.data).digest('hex') };
}

/**
 * Stores the file, then the row; if the row's transaction fails the file is removed again, so
 * a failed upload leaves neither a file nor a row behind.
 */
async function storeThenCommit<T>(
  ctx: PartnersContext,
  key: string,
  file: UploadedFile,
  type: SniffedType,
  commit: () => Promise<T>,
): Promise<T> {
  await ctx.store.put(key, file.data, type);
  try {
    return await commit();
  } catch (error) {
    await ctx.store.delete(key).catch(() => {});
    throw error;
  }
}

export async function uploadDocument(
  ctx: PartnersContext,
  caller: Caller,
  kind: DocumentKind,
  file: UploadedFile,
): Promise<PartnerDocument> {
  const { partner } = await requireMembership(ctx.db, caller.user.id, 'edit');
  if (!documentRights(partner.status).upload) throw partnerLocked(partner.status);
  const checked = inspect(file, DOCUMENT_MAX_BYTES, ['application/pdf', 'image/jpeg', 'image/png']);
  const id = randomUUID();
  const storageKey = `partners/${partner.id}/documents/${id}`;
  return storeThenCommit(ctx, storageKey, file, checked.type, () =>
    ctx.db.transaction(async (tx) => {
      // Re-checked under the lock: the partner may have been submitted meanwhile.
      const locked = await requireMembership(tx, caller.user.id, 'edit', { forUpdate: true });
      if (locked.partner.id !== partner.id || !documentRights(locked.partner.status).upload) {
        throw partnerLocked(locked.partner.status);
      }
      const [row] = await tx
        .insert(documents)
        .values({
          id,
          partnerId: partner.id,
          kind,
          filename: safeFilename(file.filename, checked.type),
          contentType: checked.type,
          size: file.data.length,
          sha256: checked.sha256,
          storageKey,
          uploadedBy: caller.user.id,
        })
        .returning();
      await audit(tx, {
        action: 'document.uploaded',
        entityType: 'partner',
        entityId: partner.id,
        actorId: caller.user.id,
        actorRole: locked.role,
        data: { documentId: id, kind, sha256: checked.sha256, size: file.data.length },
        correlationId: caller.correlationId ?? null,
      });
      return toDocument(row!);
    }),
  );
}

export async function listMyDocuments(ctx: PartnersContext, caller: Caller): Promise<PartnerDocument[]> {
  const { partner } = await requireMembership(ctx.db, caller.user.id, 'read');
  const rows = await ctx.db
    .select()
    .from(documents)
    .where(eq(documents.partnerId, partner.id))
    .orderBy(asc(documents.uploadedAt));
  return rows.map(toDocument);
}

export async function deleteMyDocument(ctx: PartnersContext, caller: Caller, documentId: string): Promise<void> {
  const storageKey = await ctx.db.transaction(async (tx) => {
    const { partner, role } = await requireMembership(tx, caller.user.id, 'edit', { forUpdate: true });
    const [row] = await tx
      .delete(documents)
      .where(and(eq(documents.id, documentId), eq(documents.partnerId, partner.id)))
      .returning();
    if (!row) throw documentNotFound();
    if (!documentRights(partner.status).remove) throw partnerLocked(partner.status);
    await audit(tx, {
      action: 'document.deleted',
      entityType: 'partner',
      entityId: partner.id,
      actorId: caller.user.id,
      actorRole: role,
      data: { documentId, kind: row.kind, sha256: row.sha256 },
      correlationId: caller.correlationId ?? null,
    });
    return row.storageKey;
  });
  // After commit: a failed commit must not lose the file of a document that still exists.
  await ctx.store.delete(storageKey);
}

export interface StoredFile {
  data: Buffer;
  contentType: string;
  filename: string;
}

/** A document's bytes for one of the partner's members, or for an admin (`partnerId` given). */
export async function readDocumentFile(
  ctx: PartnersContext,
  documentId: string,
  scope: { userId: string } | { partnerId: string },
): Promise<StoredFile> {
  const partnerId =
    'partnerId' in scope ? scope.partnerId : (await requireMembership(ctx.db, scope.userId, 'read')).partner.id;
  const [row] = await ctx.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.partnerId, partnerId)));
  if (!row) throw documentNotFound();
  const data = await ctx.store.get(row.storageKey);
  if (!data) throw documentNotFound();
  return { data, contentType: row.contentType, filename: row.filename };
}

export async function uploadLogo(ctx: PartnersContext, caller: Caller, file: UploadedFile): Promise<MyPartner> {
  const { partner } = await requireMembership(ctx.db, caller.user.id, 'edit');
  if (editScope(partner.status) === 'none') throw partnerLocked(partner.status);
  const checked = inspect(file, LOGO_MAX_BYTES, ['image/jpeg', 'image/png']);
  // A new key per logo: the old one is removed only after the new one is committed.
  const key = `partners/${partner.id}/logo/${checked.sha256.slice(0, 16)}`;
  const { view, previousKey } = await storeThenCommit(ctx, key, file, checked.type, () =>
    ctx.db.transaction(async (tx) => {
      const membership = await requireMembership(tx, caller.user.id, 'edit', { forUpdate: true });
      if (editScope(membership.partner.status) === 'none') throw partnerLocked(membership.partner.status);
      const updated = await updatePartner(tx, partner.id, {
        logoKey: key,
        logoSha256: checked.sha256,
        logoContentType: checked.type,
      });
      await audit(tx, {
        action: 'partner.logo_changed',
        entityType: 'partner',
        entityId: partner.id,
        actorId: caller.user.id,
        actorRole: membership.role,
        data: { sha256: checked.sha256 },
        correlationId: caller.correlationId ?? null,
      });
      return {
        view: await myPartnerView(tx, { partner: updated, role: membership.role }),
        previousKey: membership.partner.logoKey,
      };
    }),
  );
  if (previousKey && previousKey !== key) await ctx.store.delete(previousKey).catch(() => {});
  return view;
}

export async function removeLogo(ctx: PartnersContext, caller: Caller): Promise<MyPartner> {
  const { view, previousKey } = await ctx.db.transaction(async (tx) => {
    const membership = await requireMembership(tx, caller.user.id, 'edit', { forUpdate: true });
    if (editScope(membership.partner.status) === 'none') throw partnerLocked(membership.partner.status);
    const updated = await updatePartner(tx, membership.partner.id, {
      logoKey: null,
      logoSha256: null,
      logoContentType: null,
    });
    await audit(tx, {
      action: 'partner.logo_removed',
      entityType: 'partner',
      entityId: membership.partner.id,
      actorId: caller.user.id,
      actorRole: membership.role,
      correlationId: caller.correlationId ?? null,
    });
    return {
      view: await myPartnerView(tx, { partner: updated, role: membership.role }),
      previousKey: membership.partner.logoKey,
    };
  });
  if (previousKey) await ctx.store.delete(previousKey).catch(() => {});
  return view;
}

/**
 * Logos are public (an <img> sends no token, and the owner's preview shows a draft's logo),
 * except once the partner asked to be erased.
 */
export async function readLogo(ctx: PartnersContext, partnerId: string): Promise<StoredFile> {
  const partner = await findPartner(ctx.db, partnerId);
  const erased = partner?.status === 'deleted' || partner?.status === 'deletion_requested';
  if (!partner || erased || !partner.logoKey) throw publicPartnerNotFound();
  const data = await ctx.store.get(partner.logoKey);
  if (!data) throw publicPartnerNotFound();
  return { data, contentType: partner.logoContentType ?? 'application/octet-stream', filename: 'logo' };
}
