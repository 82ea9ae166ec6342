// GET /bookings: the filters of the canonical (typespec) spec — resellerReference,
// supplierReference, localDate, localDateStart/localDateEnd, narrowed by productId/optionId.
import { isValidLocalDate } from '../lib/time.ts';
import { octoErrors } from '../octo/errors.ts';
import type { SupplierState } from '../state/supplier-state.ts';
import type { BookingRecord } from './booking-types.ts';

const FILTERS = [
  'resellerReference',
  'supplierReference',
  'localDate',
  'localDateStart',
  'localDateEnd',
  'productId',
  'optionId',
] as const;
type Filter = (typeof FILTERS)[number];

function readQuery(query: unknown): Partial<Record<Filter, string>> {
  const source = (query ?? {}) as Record<string, unknown>;
  const out: Partial<Record<Filter, string>> = {};
  for (const name of FILTERS) {
    const value = source[name];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw octoErrors.badRequest(`${name} must be given once`);
    out[name] = value;
  }
  return out;
}

function checkDates(q: Partial<Record<Filter, string>>): void {
  for (const name of ['localDate', 'localDateStart', 'localDateEnd'] as const) {
    const value = q[name];
    if (value !== undefined && !isValidLocalDate(value))
      throw octoErrors.badRequest(`${name} must be a date (YYYY-MM-DD)`);
  }
  if ((q.localDateStart === undefined) !== (q.localDateEnd === undefined)) {
    throw octoErrors.badRequest('localDateStart and localDateEnd must be given together');
  }
  if (q.localDateStart && q.localDateEnd && q.localDateStart > q.localDateEnd) {
    throw octoErrors.badRequest('localDateStart must not be after localDateEnd');
  }
}

export function listBookings(state: SupplierState, query: unknown): BookingRecord[] {
  const q = readQuery(query);
  if (!q.resellerReference && !q.supplierReference && !q.localDate && !q.localDateStart) {
    throw octoErrors.badRequest(
      'either resellerReference, supplierReference, localDate or localDateStart/localDateEnd is required',
    );
  }
  checkDates(q);
  return [...state.bookings.values()]
    .filter(
      (b) =>
        (q.resellerReference === undefined || b.resellerReference === q.resellerReference) &&
        (q.supplierReference === undefined || b.supplierReference === q.supplierReference) &&
        (q.localDate === undefined || b.localDate === q.localDate) &&
        (q.localDateStart === undefined || b.localDate >= q.localDateStart) &&
        (q.localDateEnd === undefined || b.localDate <= q.localDateEnd) &&
        (q.productId === undefined || b.productId === q.productId) &&
        (q.optionId === undefined || b.optionId === q.optionId),
    )
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
