import { createHash, randomUUID } from 'node:crypto';
import type { ItemView, Locale } from '@tourconnect/contracts/http';
import { sniffFileType, type SniffedType } from '@tourconnect/storage';
import {
  countItemImages,
  deleteImage,
  findItemImage,
  findPublicImage,
  imagesOfItems,
  insertItemImage,
} from '../db/images.repository.ts';
import { imageNotFound, imageTooLarge, itemArchived, tooManyImages, unsupportedImageType } from './bundling-errors.ts';
import { auditCatalogue } from './catalogue-audit.ts';
import type { BundlingContext } from './context.ts';
import { itemEditable } from './item-status.ts';
import { toItemView } from './item-view.ts';
import { ownItem, writingPartner } from './items.ts';

/** Item and package images: JPEG, PNG or WebP by their bytes, up to 5 MB, at most 8 per item. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGES_PER_ITEM = 8;
export const IMAGE_TYPES: readonly SniffedType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** A file as the multipart parser handed it over. */
export interface UploadedImage {
  data: Buffer;
  /** The parser stopped at the limit: the file is larger than allowed. */
  truncated: boolean;
}

/** The bytes decide the type, never the name or the declared content type. */
export function inspectImage(file: UploadedImage): { type: SniffedType; sha256: string } {
  if (file.truncated || file.data.length > IMAGE_MAX_BYTES) throw imageTooLarge(IMAGE_MAX_BYTES);
  const type = sniffFileType(file.data);
  if (!type || !IMAGE_TYPES.includes(type)) throw unsupportedImageType();
  return { type, sha256: createHash('sha256').update(file.data).digest('hex') };
}

/** Stores the bytes, then commits the row; a failed commit removes the bytes again. */
export async function storeThenCommit<T>(
  ctx: BundlingContext,
  key: string,
  file: UploadedImage,
  type: string,
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

export async function uploadItemImage(
  ctx: BundlingContext,
  callerId: string,
  itemId: string,
  file: UploadedImage,
  lang?: Locale,
): Promise<ItemView> {
  const caller = await writingPartner(ctx.db, callerId);
  const before = await ownItem(ctx.db, caller, itemId);
  if (!itemEditable(before.item.status)) throw itemArchived();
  const checked = inspectImage(file);
  const imageId = randomUUID();
  const key = `bundling/${caller.partnerId}/items/${itemId}/${imageId}`;
  return storeThenCommit(ctx, key, file, checked.type, () =>
    ctx.db.transaction(async (tx) => {
      // Locked: two uploads at once cannot both take the eighth place.
      const { item, partner } = await ownItem(tx, caller, itemId, { forUpdate: true });
      if (!itemEditable(item.status)) throw itemArchived();
      if ((await countItemImages(tx, item.id)) >= MAX_IMAGES_PER_ITEM) throw tooManyImages(MAX_IMAGES_PER_ITEM);
      await insertItemImage(tx, {
        id: imageId,
        itemId: item.id,
        partnerId: caller.partnerId,
        storageKey: key,
        contentType: checked.type,
        size: file.data.length,
        sha256: checked.sha256,
      });
      await auditCatalogue(tx, {
        action: 'item.image_added',
        entityType: 'item',
        entityId: item.id,
        actor: { userId: callerId, caller },
        data: { imageId, contentType: checked.type, size: file.data.length, sha256: checked.sha256 },
      });
      const itemImages = (await imagesOfItems(tx, [item.id])).get(item.id) ?? [];
      return toItemView(item, partner, itemImages, lang);
    }),
  );
}

export async function deleteItemImage(
  ctx: BundlingContext,
  callerId: string,
  itemId: string,
  imageId: string,
  lang?: Locale,
): Promise<ItemView> {
  const caller = await writingPartner(ctx.db, callerId);
  const { view, key } = await ctx.db.transaction(async (tx) => {
    const { item, partner } = await ownItem(tx, caller, itemId, { forUpdate: true });
    if (!itemEditable(item.status)) throw itemArchived();
    const image = await findItemImage(tx, item.id, imageId);
    if (!image) throw imageNotFound();
    await deleteImage(tx, image.id);
    await auditCatalogue(tx, {
      action: 'item.image_removed',
      entityType: 'item',
      entityId: item.id,
      actor: { userId: callerId, caller },
      data: { imageId, sha256: image.sha256 },
    });
    const itemImages = (await imagesOfItems(tx, [item.id])).get(item.id) ?? [];
    return { view: toItemView(item, partner, itemImages, lang), key: image.storageKey };
  });
  // The bytes go once the row is gone for good; a leftover file is unreachable anyway.
  await ctx.store.delete(key).catch(() => {});
  return view;
}

export interface PublicImage {
  data: Buffer;
  contentType: string;
  etag: string;
}

/**
 * An image as an <img> fetches it (no token: the portal shows a draft's images too). Gone once
 * its partner asked to be erased.
 */
export async function readImage(ctx: BundlingContext, imageId: string): Promise<PublicImage> {
  const found = await findPublicImage(ctx.db, imageId);
  const erased = found?.partnerStatus === 'deletion_requested' || found?.partnerStatus === 'deleted';
  if (!found || erased) throw imageNotFound();
  const data = await ctx.store.get(found.image.storageKey);
  if (!data) throw imageNotFound();
  return { data, contentType: found.image.contentType, etag: `"${found.image.sha256}"` };
}
