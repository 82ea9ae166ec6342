import type { Locale, Party, SuggestQuery, SuggestView, Suggestion } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { availabilityBetween, findLineItems, findPartnerRefs, type LineItem } from '../db/packages.repository.ts';
import { loadSuggestModel, suggestCandidateItems, suggestCandidatePackages } from '../db/suggest.repository.ts';
import type { BundlingContext } from './context.ts';
import { memoOf, type AnswerCache, type Memo } from './search/answer-cache.ts';
import { addDays, zonedDate } from './local-time.ts';
import { localised } from './package-view.ts';
import { visiblePackage } from './packages.ts';
import {
  monthOf,
  suggest,
  travellerTypeOf,
  type RankedSuggestion,
  type SuggestItem,
  type SuggestPackage,
} from './suggest/index.ts';
import {
  hasChildren,
  isStay,
  itemOffer,
  packageOffer,
  priceComposed,
  rowsByDay,
  type ItemOffer,
  type PricedOffer,
  type Trip,
} from './suggest/offer.ts';

/** Without dates: the two weeks from tomorrow (Rome's calendar). */
const DEFAULT_DAYS = 14;
/** Items and packages looked at per request (the most booked first). */
const MAX_ITEMS = 300;
const MAX_PACKAGES = 60;

/**
 * GET /api/packages/suggest: existing packages and bundles composed from items often booked
 * together, on sale (verified partners, published), open on the trip for the party, priced for
 * it, ranked by the engine (src/domain/suggest) with their reasons. Reads only; one query each
 * for the candidates, their packages, the packages' other items, the calendar and the model.
 */
export async function suggestBundles(
  ctx: Pick<BundlingContext, 'db'>,
  user: AuthUser | undefined,
  query: SuggestQuery,
  now = new Date(),
  cache?: AnswerCache | Memo,
): Promise<SuggestView> {
  const party: Party = query.party ?? { adult: 2, child: 0, infant: 0, senior: 0 };
  const datesGiven = query.from !== undefined;
  const from = query.from ?? addDays(zonedDate(now, 'Europe/Rome'), 1);
  const to = query.to ?? (datesGiven ? from : addDays(from, DEFAULT_DAYS - 1));
  const trip: Trip = { from, to, datesGiven, party, now };
  // The same trip gets the same answer while nothing it is made of changes (search/answer-cache.ts);
  // a context package may be a member's unpublished one, so that answer is the caller's own.
  const key = ['suggest', { ...query, party, from, to }, query.packageId ? (user?.id ?? null) : null];
  // A caller that already read the version for this request (Discover) passes its memo.
  const memo = typeof cache === 'function' ? cache : memoOf(ctx.db, cache, now);
  return memo(key, () => composeSuggestions(ctx, user, query, trip));
}

async function composeSuggestions(
  ctx: Pick<BundlingContext, 'db'>,
  user: AuthUser | undefined,
  query: SuggestQuery,
  trip: Trip,
): Promise<SuggestView> {
  const { from, to, datesGiven, party } = trip;
  const travellerType = query.travellerType ?? travellerTypeOf(party);
  const lang = query.lang;

  // The package the traveller is looking at: its items are the context, it is not suggested.
  const contextPackage = query.packageId ? (await visiblePackage(ctx.db, query.packageId, user)).row : undefined;
  const contextItemIds = contextPackage ? [...new Set(contextPackage.items.map((line) => line.itemId))] : [];

  const candidates = await suggestCandidateItems(ctx.db, { dest: query.dest, from, to, limit: MAX_ITEMS });
  const packageRows = (
    await suggestCandidatePackages(
      ctx.db,
      candidates.map((item) => item.id),
      MAX_PACKAGES,
    )
  ).filter((pkg) => pkg.id !== contextPackage?.id);

  const itemsById = new Map<string, LineItem>(candidates.map((item) => [item.id, item]));
  const missing = [...new Set(packageRows.flatMap((pkg) => pkg.items.map((line) => line.itemId)))].filter(
    (id) => !itemsById.has(id),
  );
  for (const [id, item] of await findLineItems(ctx.db, missing)) itemsById.set(id, item);
  const sellers = await findPartnerRefs(
    ctx.db,
    packageRows.map((pkg) => pkg.partnerId),
  );
  const reach = Math.max(0, ...packageRows.flatMap((pkg) => pkg.items.map((line) => line.dayOffset + line.days - 1)));
  const rows = rowsByDay(await availabilityBetween(ctx.db, [...itemsById.keys()], from, addDays(to, reach)));

  const itemOffers = new Map<string, ItemOffer>();
  for (const item of candidates) {
    const offer = itemOffer(item, rows, trip);
    if (offer) itemOffers.set(item.id, offer);
  }
  const packageOffers = new Map<string, PricedOffer>();
  for (const pkg of packageRows) {
    const offer = packageOffer(pkg, sellers.get(pkg.partnerId), itemsById, rows, trip, lang);
    if (offer) packageOffers.set(pkg.id, offer);
  }
  const offeredPackages = packageRows.filter((pkg) => packageOffers.has(pkg.id));

  const model = await loadSuggestModel(
    ctx.db,
    [...itemsById.keys(), ...contextItemIds],
    offeredPackages.map((pkg) => pkg.id),
  );
  const engineItems: SuggestItem[] = [...itemOffers.values()].map(({ item }) => toSuggestItem(item));
  // A package's items the traveller could not take alone still score it (they are not composed).
  const scoredOnly = [
    ...new Set(
      offeredPackages.flatMap((pkg) => pkg.items.map((line) => line.itemId)).filter((id) => !itemOffers.has(id)),
    ),
  ];
  const enginePackages: SuggestPackage[] = offeredPackages.map((pkg) => ({
    id: pkg.id,
    partnerId: pkg.partnerId,
    partnerVerified: sellers.get(pkg.partnerId)?.verified ?? false,
    currency: pkg.currency,
    itemIds: [...new Set(pkg.items.map((line) => line.itemId))],
  }));
  const ranked = suggest({
    model,
    items: engineItems,
    scoreOnlyItems: scoredOnly.map((id) => toSuggestItem(itemsById.get(id)!)),
    packages: enginePackages,
    context: {
      travellerType,
      month: monthOf(from),
      contextItemIds,
      datesGiven,
      partyHasChildren: hasChildren(party),
    },
    // A few spare in case one cannot be priced.
    limit: query.limit + 4,
  });

  const suggestions: Suggestion[] = [];
  for (const entry of ranked) {
    if (suggestions.length >= query.limit) break;
    const view = toSuggestion(entry, {
      itemsById,
      itemOffers,
      packageOffers,
      packageRows: offeredPackages,
      trip,
      lang,
    });
    if (view) suggestions.push(view);
  }
  return { travellerType, travellerTypeInferred: !query.travellerType, from, to, datesGiven, party, suggestions };
}

function toSuggestItem(item: LineItem): SuggestItem {
  return {
    id: item.id,
    tags: item.tags,
    partnerId: item.partnerId,
    partnerVerified: item.partnerVerified && item.partnerStatus === 'verified',
    currency: item.currency,
    regionCode: item.regionCode,
    stay: isStay(item),
    bundleable: item.bundleTerms !== null,
  };
}

interface ViewInput {
  itemsById: ReadonlyMap<string, LineItem>;
  itemOffers: ReadonlyMap<string, ItemOffer>;
  packageOffers: ReadonlyMap<string, PricedOffer>;
  packageRows: readonly { id: string; translations: LineItem['translations']; defaultLanguage: string }[];
  trip: Trip;
  lang: Locale | undefined;
}

function toSuggestion(entry: RankedSuggestion, input: ViewInput): Suggestion | null {
  let priced: PricedOffer;
  let title: string;
  if (entry.kind === 'package') {
    const offer = input.packageOffers.get(entry.packageId!);
    const row = input.packageRows.find((pkg) => pkg.id === entry.packageId);
    if (!offer || !row) return null;
    priced = offer;
    title = localised(row.translations, row.defaultLanguage, input.lang).title;
  } else {
    const offers = entry.itemIds.map((id) => input.itemOffers.get(id)!);
    try {
      priced = priceComposed(offers, input.trip, input.lang);
    } catch {
      return null; // the pricing engine refused (e.g. a currency it does not price in)
    }
    title = offers.map(({ item }) => localised(item.translations, item.defaultLanguage, input.lang).title).join(' + ');
  }
  return {
    kind: entry.kind,
    key: entry.key,
    packageId: entry.packageId,
    title,
    currency: priced.breakdown.currency,
    startDate: priced.startDate,
    endDate: priced.endDate,
    totalMinor: priced.breakdown.totalMinor,
    breakdown: priced.breakdown,
    items: entry.itemIds.map((id) => {
      const item = input.itemsById.get(id)!;
      return {
        itemId: item.id,
        kind: item.kind,
        title: localised(item.translations, item.defaultLanguage, input.lang).title,
        partnerId: item.partnerId,
        partnerName: item.partnerName,
        partnerVerified: item.partnerVerified,
        place: item.place,
        regionCode: item.regionCode,
        tags: item.tags,
        dates: priced.datesByItem.get(id) ?? [],
      };
    }),
    reasons: entry.reasons,
    score: Math.round(entry.score * 10_000) / 10_000,
  };
}
