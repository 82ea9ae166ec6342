import { randomUUID } from 'node:crypto';
import type { Locale, PackageView } from '@tourconnect/contracts/http';
import type { Tx } from '@tourconnect/db';
import { countPackageImages, deleteImage, findPackageImage, insertPackageImage } from '../db/images.repository.ts';
import { findPackage, type PackageRow } from '../db/packages.repository.ts';
import { imageNotFound, packageArchived, packageNotFound, tooManyImages } from './bundling-errors.ts';
import type { CallerPartner } from './caller-partner.ts';
import { auditCatalogue } from './catalogue-audit.ts';
import type { BundlingContext } from './context.ts';
import { inspectImage, MAX_IMAGES_PER_ITEM, storeThenCommit, type UploadedImage } from './images.ts';
import { writingPartner } from './items.ts';
import { packageEditable } from './package-status.ts';
import { packageViews, type RequestMeta } from './packages.ts';

/**
 * A package's own photos (the traveller's gallery shows them before its items' photos): the
 * same rules as item images — JPEG, PNG or WebP by their bytes, 5 MB, at most 8 — for the
 * package's partner's owners and managers. Another partner's package is 404, as if absent.
 */

export const MAX_IMAGES_PER_PACKAGE = MAX_IMAGES_PER_ITEM;

/** The caller's partner's package, locked; 404 for anyone else's, 409 once archived. */
async function ownEditablePackage(tx: Tx, caller: CallerPartner, packageId: string): Promise<PackageRow> {
  const row = await findPackage(tx, packageId, { forUpdate: true });
  if (!row || row.partnerId !== caller.partnerId) throw packageNotFound();
  if (!packageEditable(row.status)) throw packageArchived();
  return row;
}

async function viewOf(tx: Tx, row: PackageRow, lang?: Locale): Promise<PackageView> {
  const [view] = await packageViews(tx, [row], lang);
  return view!;
}

export async function uploadPackageImage(
  ctx: BundlingContext,
  callerId: string,
  packageId: string,
  file: UploadedImage,
  options: { lang?: Locale | undefined } & RequestMeta = {},
): Promise<PackageView> {
  const caller = await writingPartner(ctx.db, callerId);
  // Checked before the bytes are read into the store, and again under the lock.
  await ctx.db.transaction((tx) => ownEditablePackage(tx, caller, packageId));
  const checked = inspectImage(file);
  const imageId = randomUUID();
  const key = `bundling/${caller.partnerId}/packages/${packageId}/${imageId}`;
  return storeThenCommit(ctx, key, file, checked.type, () =>
    ctx.db.transaction(async (tx) => {
      // Locked: two uploads at once cannot both take the last place.
      const row = await ownEditablePackage(tx, caller, packageId);
      if ((await countPackageImages(tx, row.id)) >= MAX_IMAGES_PER_PACKAGE) {
        throw tooManyImages(MAX_IMAGES_PER_PACKAGE);
      }
      await insertPackageImage(tx, {
        id: imageId,
        packageId: row.id,
        partnerId: caller.partnerId,
        storageKey: key,
        contentType: checked.type,
        size: file.data.length,
        sha256: checked.sha256,
      });
      await auditCatalogue(tx, {
        action: 'package.image_added',
        entityType: 'package',
        entityId: row.id,
        actor: { userId: callerId, caller },
        data: { imageId, contentType: checked.type, size: file.data.length, sha256: checked.sha256 },
        correlationId: options.correlationId,
      });
      return viewOf(tx, row, options.lang);
    }),
  );
}

export async function deletePackageImage(
  ctx: BundlingContext,
  callerId: string,
  packageId: string,
  imageId: string,
  options: { lang?: Locale | undefined } & RequestMeta = {},
): Promise<PackageView> {
  const caller = await writingPartner(ctx.db, callerId);
  const { view, key } = await ctx.db.transaction(async (tx) => {
    const row = await ownEditablePackage(tx, caller, packageId);
    const image = await findPackageImage(tx, row.id, imageId);
    if (!image) throw imageNotFound();
    await deleteImage(tx, image.id);
    await auditCatalogue(tx, {
      action: 'package.image_removed',
      entityType: 'package',
      entityId: row.id,
      actor: { userId: callerId, caller },
      data: { imageId, sha256: image.sha256 },
      correlationId: options.correlationId,
    });
    return { view: await viewOf(tx, row, options.lang), key: image.storageKey };
  });
  // The bytes go once the row is gone for good; a leftover file is unreachable anyway.
  await ctx.store.delete(key).catch(() => {});
  return view;
}
