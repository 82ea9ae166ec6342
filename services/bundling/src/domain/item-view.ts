import type { ItemView, Locale } from '@tourconnect/contracts/http';
import type { ImageRow } from '../db/images.repository.ts';
import type { ItemPartner, ItemRow } from '../db/items.repository.ts';
import { inLanguage } from './catalogue-language.ts';

export function imageUrl(imageId: string): string {
  return `/api/catalogue/images/${imageId}`;
}

/** The item as the API answers it; title and description in `lang`, else its default language. */
export function toItemView(
  item: ItemRow,
  partner: ItemPartner,
  itemImages: readonly ImageRow[],
  lang?: Locale,
): ItemView {
  const text = inLanguage(item.translations, item.defaultLanguage, lang);
  return {
    id: item.id,
    partnerId: item.partnerId,
    partnerName: partner.name,
    partnerVerified: partner.verified && partner.status === 'verified',
    kind: item.kind,
    status: item.status,
    translations: Object.fromEntries(
      Object.entries(item.translations).filter(([, value]) => value !== undefined),
    ) as ItemView['translations'],
    title: text.title,
    description: text.description,
    language: text.language,
    destination: {
      place: item.place,
      regionCode: item.regionCode,
      latitude: item.latitude,
      longitude: item.longitude,
    },
    durationMinutes: item.durationMinutes,
    tags: item.tags,
    currency: item.currency,
    units: item.units,
    capacityModel: item.capacityModel,
    cutoffHours: item.cutoffHours,
    startTimes: item.startTimes,
    bundleTerms: item.bundleTerms,
    images: itemImages.map((image) => ({ id: image.id, url: imageUrl(image.id), position: image.position })),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
