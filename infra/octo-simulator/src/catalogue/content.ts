// Builders for octo/content data (media, locations, features) of seeded products.
import {
  CommentaryFormat,
  FeatureType,
  LocationType,
  MediaRel,
  MediaType,
  type Feature,
  type Location,
  type Media,
} from '../octo/octo-types.ts';
import type { Prng } from '../lib/prng.ts';
import type { CitySeed } from './cities.ts';

const MEDIA_HOST = 'https://cdn.example.com/octo-simulator';

export function mediaFor(path: string, title: string, copyrightHolder: string): Media[] {
  return [
    {
      src: `${MEDIA_HOST}/${path}/cover.jpg`,
      type: MediaType.IMAGE_JPEG,
      rel: MediaRel.COVER,
      title,
      caption: `${title} – cover image`,
      copyright: `© ${copyrightHolder}`,
    },
    {
      src: `${MEDIA_HOST}/${path}/gallery-1.jpg`,
      type: MediaType.IMAGE_JPEG,
      rel: MediaRel.GALLERY,
      title: null,
      caption: null,
      copyright: null,
    },
  ];
}

export function locationAt(
  city: CitySeed,
  prng: Prng,
  title: string,
  types: LocationType[],
  minutes: { to: number | null; at: number | null },
): Location {
  const jitter = (): number => Math.round((prng.next() - 0.5) * 0.04 * 1e6) / 1e6;
  return {
    title,
    shortDescription: `${title}, ${city.city}`,
    types,
    minutesTo: minutes.to,
    minutesAt: minutes.at,
    place: {
      latitude: Math.round((city.latitude + jitter()) * 1e6) / 1e6,
      longitude: Math.round((city.longitude + jitter()) * 1e6) / 1e6,
      postalAddress: {
        streetAddress: `${prng.int(1, 120)} ${prng.pick(city.streets)}`,
        addressLocality: city.city,
        addressRegion: null,
        postalCode: city.postalCode,
        addressCountry: city.country,
        postOfficeBoxNumber: null,
      },
      identifiers: {
        googlePlaceId: null,
        applePlaceId: null,
        tripadvisorLocationId: null,
        yelpPlaceId: null,
        facebookPlaceId: null,
        foursquarePlaceId: null,
        baiduPlaceId: null,
        amapPlaceId: null,
      },
      sameAs: [],
    },
  };
}

export function feature(type: FeatureType, shortDescription: string): Feature {
  return { type, shortDescription };
}

export function cancellationFeature(amount: number, unit: string): Feature {
  return feature(
    FeatureType.CANCELLATION_TERM,
    `Free cancellation up to ${amount} ${unit}${amount === 1 ? '' : 's'} before the start.`,
  );
}

export const englishGuide = [{ format: CommentaryFormat.IN_PERSON, language: 'en' }];
export const audioGuide = [
  { format: CommentaryFormat.RECORDED_AUDIO, language: 'en' },
  { format: CommentaryFormat.WRITTEN, language: 'en' },
];
