import {
  createItemSchema,
  isPersonUnit,
  locales,
  type BundleTermsKind,
  type CapacityModel,
  type ItemKind,
  type ItemTag,
  type ItemView,
  type Locale,
  type ProblemFieldError,
  type UnitCode,
} from '@contracts/http';
import type { CreateItemBody, UpdateItemBody } from '../../../api/bundling-api.ts';
import { bpsToPercentText, percentToBps, toDecimalText, toMinor } from './money.ts';
import { emptyTranslations, type TranslationValues } from './translation-tabs.tsx';

/**
 * The item editor's form values (text as typed) and their conversion to the API's body: prices
 * to integer minor units, the commission to basis points, coordinates and durations to numbers.
 * Errors are keyed by dotted path (`units.0.price`, `destination.place`, `translations.en.title`).
 */

export interface UnitValues {
  code: UnitCode;
  price: string;
  netRate: string;
}

export interface ItemFormValues {
  kind: ItemKind;
  translations: TranslationValues;
  place: string;
  regionCode: string;
  latitude: string;
  longitude: string;
  durationHours: string;
  durationMinutes: string;
  tags: ItemTag[];
  currency: string;
  units: UnitValues[];
  capacityModel: CapacityModel;
  startTimes: string[];
  cutoffHours: string;
  bundleable: boolean;
  termsKind: BundleTermsKind;
  commissionPercent: string;
}

export type PathErrors = Partial<Record<string, string[]>>;

export function emptyItemValues(): ItemFormValues {
  return {
    kind: 'tour',
    translations: emptyTranslations(),
    place: '',
    regionCode: '',
    latitude: '',
    longitude: '',
    durationHours: '',
    durationMinutes: '',
    tags: [],
    currency: 'EUR',
    units: [{ code: 'adult', price: '', netRate: '' }],
    capacityModel: 'slots',
    startTimes: [],
    cutoffHours: '',
    bundleable: false,
    termsKind: 'net_rate',
    commissionPercent: '',
  };
}

export function itemToValues(item: ItemView): ItemFormValues {
  const translations = emptyTranslations();
  for (const [locale, text] of Object.entries(item.translations)) {
    if (locale in translations) translations[locale as Locale] = { title: text.title, description: text.description };
  }
  return {
    kind: item.kind,
    translations,
    place: item.destination.place,
    regionCode: item.destination.regionCode,
    latitude: String(item.destination.latitude),
    longitude: String(item.destination.longitude),
    durationHours: String(Math.floor(item.durationMinutes / 60)),
    durationMinutes: String(item.durationMinutes % 60),
    tags: item.tags as ItemTag[],
    currency: item.currency,
    units: item.units.map((unit) => ({
      code: unit.code,
      price: toDecimalText(unit.priceMinor, item.currency),
      netRate: toDecimalText(unit.netRateMinor, item.currency),
    })),
    capacityModel: item.capacityModel,
    startTimes: [...item.startTimes],
    cutoffHours: String(item.cutoffHours),
    bundleable: item.bundleTerms !== null,
    termsKind: item.bundleTerms?.kind ?? 'net_rate',
    commissionPercent:
      item.bundleTerms?.kind === 'commission' ? bpsToPercentText(item.bundleTerms.commissionBps ?? 0) : '',
  };
}

function add(errors: PathErrors, path: string, code: string): void {
  const list = (errors[path] ??= []);
  if (!list.includes(code)) list.push(code);
}

/** A whole number typed in a field; NaN-free: null when it is not one. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : null;
}

function coordinate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return /^[+-]?\d{1,3}(\.\d{1,10})?$/.test(trimmed) ? Number(trimmed) : null;
}

/** The service's and the schema's field paths, as the form's paths. */
export function formPath(apiPath: string): string {
  const parts = apiPath.split(/[./]/).filter((part) => part && part !== 'body');
  const path = parts.join('.');
  return path
    .replace(/^units\.(\d+)\.priceMinor$/, 'units.$1.price')
    .replace(/^units\.(\d+)\.netRateMinor$/, 'units.$1.netRate')
    .replace(/^bundleTerms(\..*)?$/, 'bundleTerms')
    .replace(/^startTimes\.\d+$/, 'startTimes')
    .replace(/^tags\.\d+$/, 'tags');
}

/** Field errors of a problem answer, by form path. */
export function problemPathErrors(fieldErrors: readonly ProblemFieldError[]): PathErrors {
  const errors: PathErrors = {};
  for (const error of fieldErrors) add(errors, formPath(error.path) || 'form', error.code);
  return errors;
}

function codeOf(issue: { code: string; message: string }): string {
  return /^[a-z][a-z0-9_]*$/.test(issue.message) ? issue.message : issue.code;
}

export type ItemBodyResult = { ok: true; body: CreateItemBody } | { ok: false; errors: PathErrors };

/** Converts and checks the form with the contract's schema (what the service validates too). */
export function itemBody(values: ItemFormValues): ItemBodyResult {
  const errors: PathErrors = {};
  const blank = (text: string) => text.trim() === '';

  const translations: CreateItemBody['translations'] = {};
  for (const locale of locales) {
    const text = values.translations[locale];
    if (blank(text.title) && blank(text.description)) continue;
    translations[locale] = { title: text.title.trim(), description: text.description.trim() };
  }

  if (blank(values.place)) add(errors, 'destination.place', 'required');
  if (blank(values.regionCode)) add(errors, 'destination.regionCode', 'required');
  const latitude = coordinate(values.latitude);
  const longitude = coordinate(values.longitude);
  if (latitude === null)
    add(errors, 'destination.latitude', blank(values.latitude) ? 'required' : 'invalid_coordinates');
  if (longitude === null) {
    add(errors, 'destination.longitude', blank(values.longitude) ? 'required' : 'invalid_coordinates');
  }

  const hours = blank(values.durationHours) ? 0 : wholeNumber(values.durationHours);
  const minutes = blank(values.durationMinutes) ? 0 : wholeNumber(values.durationMinutes);
  if (hours === null || minutes === null || minutes > 59) add(errors, 'durationMinutes', 'invalid_duration');

  const cutoff = blank(values.cutoffHours) ? 0 : wholeNumber(values.cutoffHours);
  if (cutoff === null) add(errors, 'cutoffHours', 'invalid_cutoff');

  const netRates = values.bundleable && values.termsKind === 'net_rate';
  const units = values.units.map((unit, index) => {
    const priceMinor = toMinor(unit.price, values.currency);
    if (priceMinor === null) add(errors, `units.${index}.price`, blank(unit.price) ? 'required' : 'invalid_amount');
    let netRateMinor: number | null = null;
    if (netRates) {
      netRateMinor = toMinor(unit.netRate, values.currency);
      if (netRateMinor === null) {
        add(errors, `units.${index}.netRate`, blank(unit.netRate) ? 'net_rate_required' : 'invalid_amount');
      } else if (priceMinor !== null && netRateMinor > priceMinor) {
        add(errors, `units.${index}.netRate`, 'net_rate_above_price');
      }
    }
    return { code: unit.code, priceMinor: priceMinor ?? 0, netRateMinor };
  });

  let bundleTerms: CreateItemBody['bundleTerms'] = null;
  if (values.bundleable) {
    if (values.termsKind === 'commission') {
      const bps = percentToBps(values.commissionPercent);
      if (bps === null) add(errors, 'commissionPercent', 'invalid_percent');
      bundleTerms = { kind: 'commission', commissionBps: bps ?? 0 };
    } else {
      bundleTerms = { kind: 'net_rate' };
    }
  }

  if (values.capacityModel === 'slots' && values.startTimes.length === 0)
    add(errors, 'startTimes', 'start_times_required');
  const startTimes = values.capacityModel === 'slots' ? [...new Set(values.startTimes)].sort() : [];

  const body: CreateItemBody = {
    kind: values.kind,
    translations,
    destination: {
      place: values.place.trim(),
      regionCode: values.regionCode.trim().toUpperCase(),
      latitude: latitude ?? 0,
      longitude: longitude ?? 0,
    },
    durationMinutes: (hours ?? 0) * 60 + (minutes ?? 0),
    tags: values.tags,
    currency: values.currency,
    units,
    capacityModel: values.capacityModel,
    cutoffHours: cutoff ?? 0,
    startTimes,
    bundleTerms,
  };

  const parsed = createItemSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path.map(String).join('.')) || 'form';
      // A value the form could not convert already says why; the schema would only repeat it.
      if (!errors[path]) add(errors, path, codeOf(issue));
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}

/** PATCH body: kind and currency are fixed once the item exists. */
export function updateBody(body: CreateItemBody): UpdateItemBody {
  const { kind: _kind, currency: _currency, ...rest } = body;
  return rest;
}

/** Person units (per traveller) or exactly one booking unit (room, vehicle, unit). */
export function unitsProblem(units: readonly { code: UnitCode }[]): string | null {
  if (units.length === 0) return 'units_required';
  if (new Set(units.map((u) => u.code)).size !== units.length) return 'duplicate_unit';
  const persons = units.every((u) => isPersonUnit(u.code));
  return persons || (units.length === 1 && !isPersonUnit(units[0]!.code)) ? null : 'mixed_units';
}

/** The lowest unit price above zero (infants often travel free): what a list shows as "from". */
export function priceFrom(item: Pick<ItemView, 'units'>): number | null {
  const paid = item.units.map((unit) => unit.priceMinor).filter((price) => price > 0);
  return paid.length ? Math.min(...paid) : null;
}
