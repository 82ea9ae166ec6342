import { randomUUID } from 'node:crypto';
import type {
  CreateItemInput,
  ItemView,
  Locale,
  UpdateItemInput,
  listItemsQuerySchema,
} from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';
import type { z } from 'zod';
import { imagesOfItems } from '../db/images.repository.ts';
import {
  findItem,
  insertItem,
  itemHasAvailability,
  listBundleableItems,
  listPartnerItems,
  updateItem as updateItemRow,
  type ItemChanges,
  type ItemWithPartner,
} from '../db/items.repository.ts';
import {
  capacityModelLocked,
  catalogueItemNotFound,
  itemArchived,
  itemInvalid,
  itemTransitionRefused,
  partnerLocked,
  partnerNotVerified,
} from './bundling-errors.ts';
import { callerPartner, type CallerPartner } from './caller-partner.ts';
import { auditCatalogue, changedFields } from './catalogue-audit.ts';
import { itemDefaultLanguage } from './catalogue-language.ts';
import type { BundlingContext } from './context.ts';
import { itemProblems, normaliseTerms, type ItemTerms } from './item-rules.ts';
import { itemEditable, nextItemStatus, type ItemTransition } from './item-status.ts';
import { toItemView } from './item-view.ts';
import type { RequestMeta } from './packages.ts';
import { isSellable } from './sellable.ts';

export type ListItemsQuery = z.output<typeof listItemsQuerySchema>;
type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

async function viewOf(db: Executor, found: ItemWithPartner, lang?: Locale): Promise<ItemView> {
  const itemImages = (await imagesOfItems(db, [found.item.id])).get(found.item.id) ?? [];
  return toItemView(found.item, found.partner, itemImages, lang);
}

async function pageView(
  db: Executor,
  result: { rows: ItemWithPartner[]; total: number },
  query: ListItemsQuery,
): Promise<Page<ItemView>> {
  const byItem = await imagesOfItems(
    db,
    result.rows.map((row) => row.item.id),
  );
  return {
    items: result.rows.map((row) => toItemView(row.item, row.partner, byItem.get(row.item.id) ?? [], query.lang)),
    page: query.page,
    pageSize: query.pageSize,
    total: result.total,
  };
}

/**
 * The caller's partner's item, or 404 (another partner's item is never confirmed to exist).
 * `forUpdate` locks it for the rest of the transaction.
 */
export async function ownItem(
  db: Executor,
  caller: CallerPartner,
  itemId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ItemWithPartner> {
  const found = await findItem(db, itemId, options);
  if (!found || found.item.partnerId !== caller.partnerId) throw catalogueItemNotFound();
  return found;
}

/**
 * The caller's partner for a catalogue change: owner or manager (403 for a viewer), and not a
 * partner that asked to be erased (409 partner_locked).
 */
export async function writingPartner(db: Executor, callerId: string): Promise<CallerPartner> {
  const caller = await callerPartner(db, callerId, { write: true });
  if (caller.status === 'deletion_requested' || caller.status === 'deleted') throw partnerLocked(caller.status);
  return caller;
}

function checkTerms(terms: ItemTerms): ItemTerms {
  const problems = itemProblems(terms);
  if (problems.length > 0) throw itemInvalid(problems);
  return normaliseTerms(terms);
}

export async function createItem(
  ctx: BundlingContext,
  callerId: string,
  input: CreateItemInput,
  meta: RequestMeta = {},
): Promise<ItemView> {
  const caller = await writingPartner(ctx.db, callerId);
  const terms = checkTerms(input);
  return ctx.db.transaction(async (tx) => {
    const row = await insertItem(tx, {
      id: randomUUID(),
      partnerId: caller.partnerId,
      kind: input.kind,
      translations: input.translations,
      defaultLanguage: itemDefaultLanguage(input.translations),
      place: input.destination.place,
      regionCode: input.destination.regionCode,
      latitude: input.destination.latitude,
      longitude: input.destination.longitude,
      durationMinutes: input.durationMinutes,
      tags: input.tags,
      currency: input.currency,
      units: terms.units,
      capacityModel: terms.capacityModel,
      cutoffHours: input.cutoffHours,
      startTimes: terms.startTimes,
      bundleTerms: terms.bundleTerms,
    });
    await auditCatalogue(tx, {
      action: 'item.created',
      entityType: 'item',
      entityId: row.id,
      actor: { userId: callerId, caller },
      data: { kind: row.kind, currency: row.currency, fields: Object.keys(input) },
      correlationId: meta.correlationId,
    });
    const partner = { name: caller.name, verified: caller.verified, status: caller.status };
    return toItemView(row, partner, []);
  });
}

/** The caller's own item (any status), or another partner's published bundleable item of a verified partner. */
export async function getItem(
  ctx: BundlingContext,
  callerId: string,
  itemId: string,
  lang?: Locale,
): Promise<ItemView> {
  const caller = await callerPartner(ctx.db, callerId);
  const found = await findItem(ctx.db, itemId);
  if (!found) throw catalogueItemNotFound();
  const own = found.item.partnerId === caller.partnerId;
  const bundleable = found.item.status === 'published' && found.item.bundleTerms !== null && isSellable(found.partner);
  if (!own && !bundleable) throw catalogueItemNotFound();
  return viewOf(ctx.db, found, lang);
}

export async function updateItem(
  ctx: BundlingContext,
  callerId: string,
  itemId: string,
  input: UpdateItemInput,
  lang?: Locale,
  meta: RequestMeta = {},
): Promise<ItemView> {
  const caller = await writingPartner(ctx.db, callerId);
  return ctx.db.transaction(async (tx) => {
    const { item, partner } = await ownItem(tx, caller, itemId, { forUpdate: true });
    if (!itemEditable(item.status)) throw itemArchived();
    const terms = checkTerms({
      units: input.units ?? item.units,
      capacityModel: input.capacityModel ?? item.capacityModel,
      startTimes: input.startTimes ?? item.startTimes,
      bundleTerms: input.bundleTerms === undefined ? item.bundleTerms : input.bundleTerms,
    });
    if (terms.capacityModel !== item.capacityModel && (await itemHasAvailability(tx, item.id))) {
      throw capacityModelLocked();
    }
    const changes: ItemChanges = { ...terms };
    if (input.translations) {
      changes.translations = input.translations;
      changes.defaultLanguage = itemDefaultLanguage(input.translations, item.defaultLanguage);
    }
    if (input.destination) {
      const { place, regionCode, latitude, longitude } = input.destination;
      Object.assign(changes, { place, regionCode, latitude, longitude });
    }
    if (input.durationMinutes !== undefined) changes.durationMinutes = input.durationMinutes;
    if (input.tags !== undefined) changes.tags = input.tags;
    if (input.cutoffHours !== undefined) changes.cutoffHours = input.cutoffHours;
    const updated = await updateItemRow(tx, item.id, changes);
    await auditCatalogue(tx, {
      action: 'item.updated',
      entityType: 'item',
      entityId: item.id,
      actor: { userId: callerId, caller },
      data: { fields: changedFields(item, updated, Object.keys(changes)) },
      correlationId: meta.correlationId,
    });
    return viewOf(tx, { item: updated, partner }, lang);
  });
}

const transitionVerb: Record<ItemTransition, string> = {
  publish: 'be published',
  pause: 'be paused',
  archive: 'be archived',
};

/** publish / pause / archive; publishing needs a verified partner (409 partner_not_verified). */
export async function changeItemStatus(
  ctx: BundlingContext,
  callerId: string,
  itemId: string,
  transition: ItemTransition,
  lang?: Locale,
  meta: RequestMeta = {},
): Promise<ItemView> {
  const caller = await writingPartner(ctx.db, callerId);
  return ctx.db.transaction(async (tx) => {
    const { item, partner } = await ownItem(tx, caller, itemId, { forUpdate: true });
    const next = nextItemStatus(item.status, transition);
    if (!next) throw itemTransitionRefused(item.status, transitionVerb[transition]);
    if (transition === 'publish' && !isSellable(caller)) throw partnerNotVerified();
    const changes: ItemChanges = { status: next };
    if (transition === 'publish') changes.publishedAt = new Date();
    const updated = await updateItemRow(tx, item.id, changes);
    await auditCatalogue(tx, {
      action: `item.${transitionPast[transition]}`,
      entityType: 'item',
      entityId: item.id,
      actor: { userId: callerId, caller },
      data: { from: item.status, to: next },
      correlationId: meta.correlationId,
    });
    return viewOf(tx, { item: updated, partner }, lang);
  });
}

const transitionPast: Record<ItemTransition, string> = { publish: 'published', pause: 'paused', archive: 'archived' };

export async function listMyItems(ctx: BundlingContext, callerId: string, query: ListItemsQuery) {
  const caller = await callerPartner(ctx.db, callerId);
  const limit = query.pageSize;
  const result = await listPartnerItems(ctx.db, caller.partnerId, {
    kind: query.kind,
    status: query.status,
    limit,
    offset: (query.page - 1) * limit,
  });
  return pageView(ctx.db, result, query);
}

/** Published items other verified partners offer for bundling (never the caller's own). */
export async function listBundleable(ctx: BundlingContext, callerId: string, query: ListItemsQuery) {
  const caller = await callerPartner(ctx.db, callerId);
  const limit = query.pageSize;
  const result = await listBundleableItems(ctx.db, caller.partnerId, {
    kind: query.kind,
    limit,
    offset: (query.page - 1) * limit,
  });
  return pageView(ctx.db, result, query);
}
