import type { Locale, PackageView, Translations } from '@tourconnect/contracts/http';
import type { LineItem, PackageImageRow, PackageRow, PartnerRef } from '../db/packages.repository.ts';
import { isSellable } from './sellable.ts';

const LANGUAGE_ORDER: readonly Locale[] = ['en', 'it', 'de', 'fr', 'es'];

/** The first language written (in the contract's order), where travellers fall back to. */
export function firstLanguage(translations: Translations): Locale {
  return LANGUAGE_ORDER.find((lang) => translations[lang]) ?? 'en';
}

/** Title and description in `lang`, else in the default language, else in any written one. */
export function localised(
  translations: Translations,
  defaultLanguage: string,
  lang?: Locale,
): { title: string; description: string; language: string } {
  const candidates = [lang, defaultLanguage as Locale, ...LANGUAGE_ORDER];
  for (const candidate of candidates) {
    const text = candidate ? translations[candidate] : undefined;
    if (text) return { title: text.title, description: text.description, language: candidate! };
  }
  return { title: '', description: '', language: defaultLanguage };
}

/** Days the package spans from its start date: the furthest line's offset plus its days. */
export function durationDays(row: Pick<PackageRow, 'items'>): number {
  return Math.max(1, ...row.items.map((line) => line.dayOffset + line.days));
}

export function imageUrl(imageId: string): string {
  return `/api/catalogue/images/${imageId}`;
}

/** The package as its API answers it, lines named in `lang` (items missing from `itemsById` are skipped). */
export function toPackageView(
  row: PackageRow,
  seller: PartnerRef | undefined,
  itemsById: ReadonlyMap<string, LineItem>,
  packageImages: readonly PackageImageRow[],
  lang?: Locale,
): PackageView {
  const text = localised(row.translations, row.defaultLanguage, lang);
  const lines = row.items.flatMap((line, position) => {
    const item = itemsById.get(line.itemId);
    if (!item) return [];
    return [
      {
        position,
        itemId: item.id,
        itemKind: item.kind,
        title: localised(item.translations, item.defaultLanguage, lang).title,
        partnerId: item.partnerId,
        partnerName: item.partnerName,
        partnerVerified: item.partnerVerified,
        capacityModel: item.capacityModel,
        qty: line.qty,
        dayOffset: line.dayOffset,
        days: line.days,
        bundled: item.partnerId !== row.partnerId,
      },
    ];
  });
  const first = itemsById.get(row.items[0]?.itemId ?? '');
  return {
    id: row.id,
    partnerId: row.partnerId,
    partnerName: seller?.name ?? '',
    partnerVerified: isSellable(seller),
    status: row.status,
    translations: Object.fromEntries(
      Object.entries(row.translations).map(([k, v]) => [k, { title: v.title, description: v.description }]),
    ),
    title: text.title,
    description: text.description,
    language: text.language,
    currency: row.currency,
    basePriceMinor: row.basePrice,
    lines,
    discountRules: row.discountRules,
    policy: row.policy,
    tags: row.tags,
    destination: first
      ? { place: first.place, regionCode: first.regionCode, latitude: first.latitude, longitude: first.longitude }
      : null,
    availableFrom: row.availability.from,
    availableTo: row.availability.to,
    images: packageImages.map((image) => ({ id: image.id, url: imageUrl(image.id), position: image.position })),
    durationDays: durationDays(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}
