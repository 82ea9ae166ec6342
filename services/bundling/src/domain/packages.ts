import { randomUUID } from 'node:crypto';
import type {
  CatalogueStatus,
  CreatePackageInput,
  Locale,
  Page,
  PackageView,
  UpdatePackageInput,
} from '@tourconnect/contracts/http';
import type { Executor, Tx } from '@tourconnect/db';
import type { AuthUser } from '@tourconnect/service-kit';
import {
  appendPackageAudit,
  findLineItems,
  findPackage,
  findPartnerRefs,
  insertPackage,
  itemIdsOf,
  listPackageRows,
  packageImages,
  replacePackageItems,
  updatePackageRow,
  type LineItem,
  type PackageChanges,
  type PackageLine,
  type PackageRow,
} from '../db/packages.repository.ts';
import { findMembership } from '../db/members.repository.ts';
import { packageArchived, packageNotFound, packageTransitionRefused, partnerNotVerified } from './bundling-errors.ts';
import { callerPartner, type CallerPartner } from './caller-partner.ts';
import { changedFields } from './catalogue-audit.ts';
import type { BundlingContext } from './context.ts';
import {
  checkDatesAndRules,
  checkLines,
  checkLinesOnSale,
  checkRulesWithinMargin,
  computeFromPrice,
} from './package-lines.ts';
import { nextPackageStatus, packageEditable, type PackageTransition } from './package-status.ts';
import { firstLanguage, toPackageView } from './package-view.ts';
import { isSellable } from './sellable.ts';

/** Facts about the request besides who asks: its id correlates events and audit entries. */
export interface RequestMeta {
  correlationId?: string | undefined;
  /** The language the answer's view is written in (its title and its lines' titles). */
  lang?: Locale | undefined;
}

export interface PackageListQuery {
  lang?: Locale | undefined;
  status?: CatalogueStatus | undefined;
  page: number;
  pageSize: number;
}

/** Travellers see published packages of verified partners; the partner's members see all of theirs. */
export function publiclyVisible(row: PackageRow, seller: { status: string; verified: boolean } | undefined): boolean {
  return row.status === 'published' && isSellable(seller);
}

/**
 * The package as `user` may see it, or 404 `package_not_found` (another partner's draft is
 * indistinguishable from one that does not exist). Also says whether the caller is a member of
 * the package's partner (who may preview it unpublished).
 */
export async function visiblePackage(
  executor: Executor,
  id: string,
  user: AuthUser | undefined,
): Promise<{ row: PackageRow; member: boolean }> {
  const row = await findPackage(executor, id);
  if (!row) throw packageNotFound();
  const membership = user ? await findMembership(executor, user.id) : undefined;
  const member = membership?.partnerId === row.partnerId;
  if (member) return { row, member };
  const seller = (await findPartnerRefs(executor, [row.partnerId])).get(row.partnerId);
  if (!publiclyVisible(row, seller)) throw packageNotFound();
  return { row, member: false };
}

/** Views of several rows, loading items, partners and images in one query each. */
export async function packageViews(
  executor: Executor,
  rows: readonly PackageRow[],
  lang?: Locale,
): Promise<PackageView[]> {
  if (rows.length === 0) return [];
  // One after the other: the executor may be a transaction, whose client runs one query at a time.
  const itemsById = await findLineItems(executor, itemIdsOf(rows));
  const partnersById = await findPartnerRefs(
    executor,
    rows.map((r) => r.partnerId),
  );
  const imagesById = await packageImages(
    executor,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    toPackageView(row, partnersById.get(row.partnerId), itemsById, imagesById.get(row.id) ?? [], lang),
  );
}

async function packageView(executor: Executor, row: PackageRow, lang?: Locale): Promise<PackageView> {
  const [view] = await packageViews(executor, [row], lang);
  return view!;
}

/** The caller's package for a write (locked), or 404 when it is not its partner's. */
async function ownPackageForUpdate(tx: Tx, caller: CallerPartner, id: string): Promise<PackageRow> {
  const row = await findPackage(tx, id, { forUpdate: true });
  if (!row || row.partnerId !== caller.partnerId) throw packageNotFound();
  return row;
}

function toLines(input: CreatePackageInput['lines']): PackageLine[] {
  return input.map((line) => ({ itemId: line.itemId, qty: line.qty, dayOffset: line.dayOffset, days: line.days }));
}

/** Validates lines, windows and rules and prices the from-price; answers the priced columns. */
async function validateAndPrice(
  tx: Tx,
  caller: CallerPartner,
  lines: PackageLine[],
  rules: CreatePackageInput['discountRules'],
  window: { from: string | null; to: string | null },
  now: Date,
): Promise<{ currency: string; basePrice: number; itemsById: Map<string, LineItem> }> {
  checkDatesAndRules(window.from, window.to, rules);
  const itemsById = await findLineItems(
    tx,
    lines.map((l) => l.itemId),
  );
  const { currency } = checkLines(caller.partnerId, lines, itemsById);
  const from = await computeFromPrice(tx, { partnerId: caller.partnerId, currency }, lines, itemsById, rules, now);
  checkRulesWithinMargin(rules, from);
  return { currency, basePrice: from.basePriceMinor, itemsById };
}

function itemIndex(lines: readonly PackageLine[], itemsById: ReadonlyMap<string, LineItem>) {
  return lines.map((line) => ({ itemId: line.itemId, itemPartnerId: itemsById.get(line.itemId)!.partnerId }));
}

/** POST /api/packages (and /create): a draft package of the caller's partner. */
export async function createPackage(
  ctx: BundlingContext,
  user: AuthUser,
  input: CreatePackageInput,
  meta: RequestMeta,
  now = new Date(),
): Promise<PackageView> {
  return ctx.db.transaction(async (tx) => {
    const caller = await callerPartner(tx, user.id, { write: true });
    const lines = toLines(input.lines);
    const window = { from: input.availableFrom, to: input.availableTo };
    const { currency, basePrice, itemsById } = await validateAndPrice(
      tx,
      caller,
      lines,
      input.discountRules,
      window,
      now,
    );
    const row = await insertPackage(tx, {
      id: randomUUID(),
      partnerId: caller.partnerId,
      translations: input.translations,
      defaultLanguage: firstLanguage(input.translations),
      items: lines,
      currency,
      basePrice,
      discountRules: input.discountRules,
      policy: input.policy,
      availability: window,
      tags: [...new Set(input.tags)],
    });
    await replacePackageItems(tx, row.id, itemIndex(lines, itemsById));
    await appendPackageAudit(tx, {
      action: 'package.created',
      entityType: 'package',
      entityId: row.id,
      actorId: user.id,
      actorRole: caller.role,
      data: {
        partnerId: caller.partnerId,
        lines: lines.length,
        currency,
        basePriceMinor: basePrice,
        fields: Object.keys(input),
      },
      correlationId: meta.correlationId ?? null,
    });
    return packageView(tx, row, meta.lang);
  });
}

/**
 * PATCH /api/packages/:id: fields left out stay; lines, rules and translations are replaced
 * as a whole when sent. Every edit bumps the version; bookings keep the breakdown and price
 * they were made with (they store it, with the version). A published package stays
 * publishable: its items must still be on sale.
 */
export async function updatePackage(
  ctx: BundlingContext,
  user: AuthUser,
  id: string,
  input: UpdatePackageInput,
  meta: RequestMeta,
  now = new Date(),
): Promise<PackageView> {
  return ctx.db.transaction(async (tx) => {
    const caller = await callerPartner(tx, user.id, { write: true });
    const current = await ownPackageForUpdate(tx, caller, id);
    if (!packageEditable(current.status)) throw packageArchived();
    const lines = input.lines ? toLines(input.lines) : current.items;
    const rules = input.discountRules ?? current.discountRules;
    const window = {
      from: input.availableFrom !== undefined ? input.availableFrom : current.availability.from,
      to: input.availableTo !== undefined ? input.availableTo : current.availability.to,
    };
    const { currency, basePrice, itemsById } = await validateAndPrice(tx, caller, lines, rules, window, now);
    if (current.status === 'published') checkLinesOnSale(lines, itemsById);
    // Only what was sent changes; the currency and from-price follow from the (possibly new) lines and rules.
    const changes: PackageChanges = { currency, basePrice, version: current.version + 1 };
    if (input.lines) changes.items = lines;
    if (input.discountRules) changes.discountRules = rules;
    if (input.availableFrom !== undefined || input.availableTo !== undefined) changes.availability = window;
    if (input.translations) {
      changes.translations = input.translations;
      changes.defaultLanguage = firstLanguage(input.translations);
    }
    if (input.policy) changes.policy = input.policy;
    if (input.tags) changes.tags = [...new Set(input.tags)];
    const row = await updatePackageRow(tx, id, changes);
    if (input.lines) await replacePackageItems(tx, row.id, itemIndex(lines, itemsById));
    await appendPackageAudit(tx, {
      action: 'package.updated',
      entityType: 'package',
      entityId: row.id,
      actorId: user.id,
      actorRole: caller.role,
      data: {
        partnerId: caller.partnerId,
        version: row.version,
        // The version bumps on every edit; the fields are what the edit actually changed.
        fields: changedFields(
          current,
          row,
          Object.keys(changes).filter((key) => key !== 'version'),
        ),
        basePriceMinor: basePrice,
      },
      correlationId: meta.correlationId ?? null,
    });
    return packageView(tx, row, meta.lang);
  });
}

/**
 * POST /api/packages/:id/publish | pause | archive, by the status machine (409
 * `invalid_status_transition` otherwise). Publishing needs the partner verified (409
 * `partner_not_verified`) and every line's item on sale (409 `package_item_unavailable`
 * naming the lines); it reprices the from-price and writes `bundling.package.published.v1`
 * with the audit entry in the same transaction.
 */
export async function transitionPackage(
  ctx: BundlingContext,
  user: AuthUser,
  id: string,
  transition: PackageTransition,
  meta: RequestMeta,
  now = new Date(),
): Promise<PackageView> {
  return ctx.db.transaction(async (tx) => {
    const caller = await callerPartner(tx, user.id, { write: true });
    const current = await ownPackageForUpdate(tx, caller, id);
    const status = nextPackageStatus(current.status, transition);
    if (!status) throw packageTransitionRefused(current.status, transition);
    const changes: PackageChanges = { status };
    let itemPartnerIds: string[] = [];
    if (transition === 'publish') {
      if (!isSellable(caller)) throw partnerNotVerified();
      const { basePrice, itemsById } = await validateAndPrice(
        tx,
        caller,
        current.items,
        current.discountRules,
        current.availability,
        now,
      );
      checkLinesOnSale(current.items, itemsById);
      changes.basePrice = basePrice;
      changes.publishedAt = current.publishedAt ?? now;
      itemPartnerIds = [...new Set(current.items.map((line) => itemsById.get(line.itemId)!.partnerId))];
    }
    const row = await updatePackageRow(tx, id, changes);
    if (transition === 'publish') {
      await ctx.publish(
        tx,
        'bundling.package.published.v1',
        {
          packageId: row.id,
          partnerId: row.partnerId,
          currency: row.currency,
          basePriceMinor: BigInt(row.basePrice),
          itemPartnerIds: [...new Set([row.partnerId, ...itemPartnerIds])],
        },
        { correlationId: meta.correlationId },
      );
    }
    await appendPackageAudit(tx, {
      action: `package.${status === 'published' ? 'published' : status === 'paused' ? 'paused' : 'archived'}`,
      entityType: 'package',
      entityId: row.id,
      actorId: user.id,
      actorRole: caller.role,
      data: {
        partnerId: caller.partnerId,
        from: current.status,
        to: status,
        version: row.version,
        basePriceMinor: row.basePrice,
      },
      correlationId: meta.correlationId ?? null,
    });
    return packageView(tx, row, meta.lang);
  });
}

/** GET /api/packages/:id: published (of a verified partner) for anyone, otherwise only for its partner's members. */
export async function getPackage(
  ctx: BundlingContext,
  user: AuthUser | undefined,
  id: string,
  lang?: Locale,
): Promise<PackageView> {
  const { row } = await visiblePackage(ctx.db, id, user);
  return packageView(ctx.db, row, lang);
}

/** GET /api/packages/mine: the caller's partner's packages, newest first (viewers too). */
export async function listMyPackages(
  ctx: BundlingContext,
  user: AuthUser,
  query: PackageListQuery,
): Promise<Page<PackageView>> {
  const caller = await callerPartner(ctx.db, user.id);
  const { rows, total } = await listPackageRows(
    ctx.db,
    {
      partnerId: caller.partnerId,
      statuses: query.status ? [query.status] : undefined,
      page: query.page,
      pageSize: query.pageSize,
    },
    'created',
  );
  return { items: await packageViews(ctx.db, rows, query.lang), page: query.page, pageSize: query.pageSize, total };
}

/** GET /api/packages and /api/partners/:id/packages: published packages of verified partners, newest first. */
export async function listPublicPackages(
  ctx: BundlingContext,
  query: PackageListQuery,
  partnerId?: string,
): Promise<Page<PackageView>> {
  const { rows, total } = await listPackageRows(
    ctx.db,
    { partnerId, statuses: ['published'], verifiedPartnerOnly: true, page: query.page, pageSize: query.pageSize },
    'published',
  );
  return { items: await packageViews(ctx.db, rows, query.lang), page: query.page, pageSize: query.pageSize, total };
}
