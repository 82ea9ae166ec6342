// Parses POST /availability and POST /availability/calendar bodies (BAD_REQUEST on bad
// input, INVALID_PRODUCT_ID / INVALID_OPTION_ID on unknown ids).
import type { OptionDef, ProductDef } from '../catalogue/catalogue-types.ts';
import { findOption, findProduct, findUnit } from '../catalogue/lookup.ts';
import { addDays, daysBetween, isValidLocalDate } from '../lib/time.ts';
import {
  bodyObject,
  failBadRequest as fail,
  isObject,
  optNullableString,
  optString,
  requireId,
  type JsonObject,
} from '../octo/body.ts';
import type { Caps } from '../octo/capabilities.ts';
import { octoErrors } from '../octo/errors.ts';
import type { UnitDemand } from '../render/availability.render.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import { todayFor } from './slots.ts';

const MAX_RANGE_DAYS = 366;

export interface AvailabilityRequest {
  product: ProductDef;
  option: OptionDef;
  dates: string[] | null;
  availabilityIds: string[] | null;
  demand: UnitDemand[];
}

function parseDemand(raw: unknown, option: OptionDef): UnitDemand[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw fail('units must be an array');
  return raw.flatMap((entry, i) => {
    if (!isObject(entry) || typeof entry.id !== 'string') throw fail(`units[${i}].id must be a string`);
    const unit = findUnit(option, entry.id);
    // The spec lists no INVALID_UNIT_ID for the availability operations, hence BAD_REQUEST.
    if (!unit) throw fail(`units[${i}].id ${entry.id} is not a unit of option ${option.id}`);
    const q = entry.quantity;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 0 || q > 1000) {
      throw fail(`units[${i}].quantity must be an integer between 0 and 1000`);
    }
    return q === 0 ? [] : [{ unit, quantity: q }];
  });
}

function dateRange(body: JsonObject, product: ProductDef, now: Date, calendar: boolean): string[] | null {
  const single = optString(body, 'localDate', fail);
  const start = optString(body, 'localDateStart', fail) ?? (calendar ? undefined : single);
  const end = optString(body, 'localDateEnd', fail) ?? (calendar ? undefined : single);
  if (start === undefined && end === undefined) return null;
  if (start === undefined || end === undefined) throw fail('localDateStart and localDateEnd must be given together');
  if (!isValidLocalDate(start) || !isValidLocalDate(end))
    throw fail('dates must be valid dates in the format YYYY-MM-DD');
  if (end < start) throw fail('localDateEnd must not be before localDateStart');
  if (start < todayFor(product, now)) throw fail(`localDateStart ${start} is in the past`);
  const days = daysBetween(start, end) + 1;
  if (days > MAX_RANGE_DAYS) throw fail('cannot request more than 1 year of availability');
  return Array.from({ length: days }, (_, i) => addDays(start, i));
}

function availabilityIds(body: JsonObject): string[] | null {
  const ids = body.availabilityIds;
  if (ids === undefined || ids === null) return null;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    throw fail('availabilityIds must be a non-empty array of strings');
  }
  return ids;
}

export function parseAvailabilityRequest(
  state: SupplierState,
  rawBody: unknown,
  now: Date,
  caps: Caps,
  calendar: boolean,
): AvailabilityRequest {
  const body = bodyObject(rawBody, fail);
  const productId = requireId(body, 'productId', fail, octoErrors.invalidProductId);
  const product = findProduct(state.catalogue, productId);
  if (!product) throw octoErrors.invalidProductId(productId);
  const optionId = requireId(body, 'optionId', fail, octoErrors.invalidOptionId);
  const option = findOption(product, optionId);
  if (!option) throw octoErrors.invalidOptionId(optionId);
  const dates = dateRange(body, product, now, calendar);
  const ids = calendar ? null : availabilityIds(body);
  if (calendar && !dates) throw fail('localDateStart and localDateEnd are required');
  if (!dates && !ids) throw fail('either localDate, localDateStart/localDateEnd or availabilityIds is required');
  const demand = parseDemand(body.units, option);
  const currency = optNullableString(body, 'currency', fail);
  if (caps.pricing && currency && currency !== state.catalogue.currency) {
    throw fail(`Currency ${currency} is not available; use ${state.catalogue.currency}`);
  }
  return { product, option, dates, availabilityIds: ids, demand };
}
