// Stripe list envelopes: newest first, `limit` (1–100, default 10), `starting_after` /
// `ending_before` cursors by object id, `has_more`, and the list's `url`.
import { invalidParam } from './errors.ts';
import type { Params } from './param-validator.ts';
import type { ApiObject, StoredRecord } from '../state/types.ts';

export type ListEnvelope = {
  object: 'list';
  data: ApiObject[];
  has_more: boolean;
  url: string;
};

function readLimit(params: Params): number {
  const limit = params.limit === undefined ? 10 : Number(params.limit);
  if (limit < 1)
    throw invalidParam('This value must be greater than or equal to 1.', 'limit', 'parameter_invalid_integer');
  if (limit > 100)
    throw invalidParam('This value must be less than or equal to 100.', 'limit', 'parameter_invalid_integer');
  return limit;
}

type Range = { gt?: number; gte?: number; lt?: number; lte?: number };

/** Applies a `created`-style filter: an exact unix time or a gt/gte/lt/lte range. */
export function matchesRange(value: number, filter: Params[string] | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'number') return value === filter;
  const range = filter as Range;
  if (range.gt !== undefined && !(value > range.gt)) return false;
  if (range.gte !== undefined && !(value >= range.gte)) return false;
  if (range.lt !== undefined && !(value < range.lt)) return false;
  if (range.lte !== undefined && !(value <= range.lte)) return false;
  return true;
}

/**
 * Pages through `records` (creation order) newest first. `kind` names the object in the
 * "No such …" error for an unknown cursor.
 */
export function paginate(
  records: readonly StoredRecord[],
  params: Params,
  url: string,
  kind: string,
  render: (record: StoredRecord) => ApiObject,
): ListEnvelope {
  const limit = readLimit(params);
  const newestFirst = [...records].reverse();
  const startingAfter = typeof params.starting_after === 'string' ? params.starting_after : undefined;
  const endingBefore = typeof params.ending_before === 'string' ? params.ending_before : undefined;
  let page: StoredRecord[];
  let hasMore: boolean;
  if (startingAfter !== undefined) {
    const at = newestFirst.findIndex((r) => r.id === startingAfter);
    if (at < 0) throw invalidParam(`No such ${kind}: '${startingAfter}'`, 'starting_after', 'resource_missing');
    page = newestFirst.slice(at + 1, at + 1 + limit);
    hasMore = newestFirst.length > at + 1 + limit;
  } else if (endingBefore !== undefined) {
    const at = newestFirst.findIndex((r) => r.id === endingBefore);
    if (at < 0) throw invalidParam(`No such ${kind}: '${endingBefore}'`, 'ending_before', 'resource_missing');
    page = newestFirst.slice(Math.max(0, at - limit), at);
    hasMore = at - limit > 0;
  } else {
    page = newestFirst.slice(0, limit);
    hasMore = newestFirst.length > limit;
  }
  return { object: 'list', data: page.map(render), has_more: hasMore, url };
}

/** The small embedded lists (transfer.reversals, charge.refunds): first ten, newest first. */
export function embeddedList(data: ApiObject[], url: string): ListEnvelope {
  const newestFirst = [...data].reverse();
  return { object: 'list', data: newestFirst.slice(0, 10), has_more: newestFirst.length > 10, url };
}
