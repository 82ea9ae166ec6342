// Seeded products of the three kinds a tour/activity supplier sells: timed tours
// (START_TIME), attractions with opening hours (OPENING_HOURS) and scheduled transfers.
import {
  AvailabilityType,
  CategoryLabel,
  ContactField,
  DurationUnit,
  FeatureType,
  LocationType,
} from '../octo/octo-types.ts';
import type { Prng } from '../lib/prng.ts';
import type { CancellationCutoff, ContentBlock, OptionDef, ProductDef } from './catalogue-types.ts';
import { MUSEUM_NAMES, TOUR_THEMES, type CitySeed } from './cities.ts';
import { audioGuide, cancellationFeature, englishGuide, feature, locationAt, mediaFor } from './content.ts';
import { adult, buildUnits, child, family, infant, senior, student } from './seed-units.ts';

export interface SeedContext {
  city: CitySeed;
  prng: Prng;
  supplierName: string;
  locale: string;
}

function cutoff(amount: number, unit: DurationUnit): CancellationCutoff {
  return { amount, unit };
}

function optionContent(title: string, description: string, base: ContentBlock): ContentBlock {
  return { ...base, title, shortDescription: description, faqs: [], media: base.media.slice(0, 1) };
}

function product(
  ctx: SeedContext,
  kind: ProductDef['kind'],
  name: string,
  availabilityType: AvailabilityType,
  durationMinutes: number,
  content: Omit<ContentBlock, 'media' | 'title'>,
): Omit<ProductDef, 'options'> {
  const id = ctx.prng.uuid();
  return {
    id,
    kind,
    internalName: name,
    reference: `${kind.slice(0, 3)}-${ctx.prng.hex(2).toUpperCase()}`,
    locale: ctx.locale,
    timeZone: ctx.city.timeZone,
    availabilityType,
    durationMinutes,
    content: { ...content, title: name, media: mediaFor(id, name, ctx.supplierName) },
  };
}

export function seedTour(ctx: SeedContext, theme: string, withSunset: boolean): ProductDef {
  const { prng, city } = ctx;
  const duration = prng.pick([120, 150, 180]);
  const name = `${city.city} ${theme}`;
  const cancel = cutoff(24, DurationUnit.HOUR);
  const base = product(ctx, 'TOUR', name, AvailabilityType.START_TIME, duration, {
    shortDescription: `Small-group ${theme.toLowerCase()} through ${prng.pick(city.landmarks)} with a local guide.`,
    features: [
      feature(FeatureType.INCLUSION, 'Licensed local guide'),
      feature(FeatureType.EXCLUSION, 'Gratuities'),
      feature(FeatureType.HIGHLIGHT, `Stories of ${city.landmarks[0] ?? city.city} few visitors hear`),
      cancellationFeature(cancel.amount, cancel.unit),
    ],
    faqs: [{ question: 'Is the tour suitable for children?', answer: 'Yes, children under 4 join for free.' }],
    locations: [
      locationAt(city, prng, `${city.landmarks[0] ?? city.city} meeting point`, [LocationType.START], {
        to: null,
        at: 10,
      }),
      locationAt(city, prng, city.landmarks[1] ?? city.city, [LocationType.ITINERARY_ITEM], { to: 20, at: 30 }),
      locationAt(city, prng, city.landmarks[2] ?? city.city, [LocationType.POINT_OF_INTEREST, LocationType.END], {
        to: 25,
        at: null,
      }),
    ],
    categoryLabels: [CategoryLabel.WALKING_TOURS, CategoryLabel.GUIDED_TOURS, CategoryLabel.SMALL_GROUP_TOURS],
    commentary: englishGuide,
  });
  const adultMajor = prng.int(25, 45);
  const option = (id: string, title: string, startTimes: string[], capacity: number, major: number): OptionDef => ({
    id,
    isDefault: id === 'DEFAULT',
    internalName: title,
    reference: null,
    content: optionContent(title, `${title} of the ${name}`, base.content),
    startTimes,
    durationMinutes: duration,
    openingHours: [],
    capacity,
    bookingCutoffMinutes: 60,
    cancellationCutoff: cancel,
    closedWeekdays: [prng.int(0, 6)],
    minUnits: 1,
    maxUnits: 10,
    requiredContactFields: [ContactField.FIRST_NAME, ContactField.LAST_NAME, ContactField.EMAIL_ADDRESS],
    units: buildUnits(city, prng, major, [adult(), child(4, 17, 0.6), infant()]),
    removed: false,
  });
  const options = [
    option(
      'DEFAULT',
      'Day departures',
      prng.pick([
        ['09:00', '14:00'],
        ['10:00', '15:30'],
        ['09:30', '13:00', '16:30'],
      ]),
      prng.int(12, 20),
      adultMajor,
    ),
  ];
  if (withSunset)
    options.push(option(prng.uuid(), 'Sunset departure', ['19:00'], prng.int(8, 12), Math.round(adultMajor * 1.2)));
  return { ...base, options };
}

export function seedAttraction(ctx: SeedContext): ProductDef {
  const { prng, city } = ctx;
  const name = `${city.city} ${prng.pick(MUSEUM_NAMES)}`;
  const opens = prng.pick(['09:00', '10:00']);
  const closes = prng.pick(['18:00', '19:00']);
  const duration = (Number(closes.slice(0, 2)) - Number(opens.slice(0, 2))) * 60;
  const cancel = cutoff(1, DurationUnit.DAY);
  const base = product(ctx, 'ATTRACTION', name, AvailabilityType.OPENING_HOURS, duration, {
    shortDescription: `Admission to the ${name} with its permanent collection and temporary exhibitions.`,
    features: [
      feature(FeatureType.INCLUSION, 'Entry to all permanent galleries'),
      feature(FeatureType.REDEMPTION_INSTRUCTION, 'Show the QR code on your phone at the entrance'),
      feature(FeatureType.ACCESSIBILITY_INFORMATION, 'Step-free access to every floor'),
      cancellationFeature(cancel.amount, cancel.unit),
    ],
    faqs: [{ question: 'Can I re-enter?', answer: 'Yes, on the same day with the same ticket.' }],
    locations: [
      locationAt(city, prng, name, [LocationType.START, LocationType.ADMISSION_INCLUDED], { to: null, at: 120 }),
    ],
    categoryLabels: [CategoryLabel.MUSEUMS, CategoryLabel.FAMILY_FRIENDLY, CategoryLabel.WHEELCHAIR_ACCESSIBLE],
    commentary: audioGuide,
  });
  const adultMajor = prng.int(12, 22);
  const option = (id: string, title: string, capacity: number, major: number): OptionDef => ({
    id,
    isDefault: id === 'DEFAULT',
    internalName: title,
    reference: null,
    content: optionContent(title, `${title} to the ${name}`, base.content),
    startTimes: ['00:00'],
    durationMinutes: duration,
    openingHours: [{ from: opens, to: closes }],
    capacity,
    bookingCutoffMinutes: 60,
    cancellationCutoff: cancel,
    closedWeekdays: [1],
    minUnits: 1,
    maxUnits: 20,
    requiredContactFields: [ContactField.EMAIL_ADDRESS],
    units: buildUnits(city, prng, major, [adult(64), child(6, 17, 0.5), senior(0.75), student(0.7), family(2.6)]),
    removed: false,
  });
  return {
    ...base,
    options: [
      option('DEFAULT', 'General admission', prng.int(150, 300), adultMajor),
      option(prng.uuid(), 'Skip-the-line with audio guide', prng.int(30, 50), Math.round(adultMajor * 1.5)),
    ],
  };
}

export function seedTransfer(ctx: SeedContext): ProductDef {
  const { prng, city } = ctx;
  const name = `${city.airport} Shuttle`;
  const duration = prng.pick([40, 45, 60]);
  const cancel = cutoff(48, DurationUnit.HOUR);
  const base = product(ctx, 'TRANSFER', name, AvailabilityType.START_TIME, duration, {
    shortDescription: `Shared shuttle between ${city.airport} and central ${city.city}.`,
    features: [
      feature(FeatureType.INCLUSION, 'One suitcase and one carry-on per person'),
      feature(FeatureType.PREARRIVAL_INFORMATION, 'Be at the pick-up point 10 minutes early'),
      cancellationFeature(cancel.amount, cancel.unit),
    ],
    faqs: [{ question: 'What if my flight is late?', answer: 'Rebook free of charge on a later shuttle.' }],
    locations: [
      locationAt(city, prng, city.airport, [LocationType.START], { to: null, at: 10 }),
      locationAt(city, prng, `${city.city} centre`, [LocationType.END], { to: duration, at: null }),
    ],
    categoryLabels: [CategoryLabel.DAY_TRIPS],
    commentary: [],
  });
  const adultMajor = prng.int(12, 25);
  const everyTwoHours = (firstHour: number): string[] =>
    Array.from({ length: 9 }, (_, i) => `${String(firstHour + i * 2).padStart(2, '0')}:00`);
  const option = (id: string, title: string, startTimes: string[]): OptionDef => ({
    id,
    isDefault: id === 'DEFAULT',
    internalName: title,
    reference: null,
    content: optionContent(title, title, base.content),
    startTimes,
    durationMinutes: duration,
    openingHours: [],
    capacity: prng.int(6, 8),
    bookingCutoffMinutes: 720,
    cancellationCutoff: cancel,
    closedWeekdays: [],
    minUnits: 1,
    maxUnits: 8,
    requiredContactFields: [ContactField.FIRST_NAME, ContactField.LAST_NAME, ContactField.PHONE_NUMBER],
    units: buildUnits(city, prng, adultMajor, [adult(), child(2, 11, 0.5)]),
    removed: false,
  });
  return {
    ...base,
    options: [
      option('DEFAULT', `${city.airport} → ${city.city} centre`, everyTwoHours(6)),
      option(prng.uuid(), `${city.city} centre → ${city.airport}`, everyTwoHours(5)),
    ],
  };
}

export function seedProducts(ctx: SeedContext): ProductDef[] {
  const firstTheme = ctx.prng.pick(TOUR_THEMES);
  const secondTheme = ctx.prng.pick(TOUR_THEMES.filter((theme) => theme !== firstTheme));
  return [seedTour(ctx, firstTheme, true), seedAttraction(ctx), seedTransfer(ctx), seedTour(ctx, secondTheme, false)];
}
