import type { BundleTerms, CapacityModel, ItemUnit } from '@tourconnect/contracts/http';

/**
 * The rules of an item that span several fields (zod checks each field alone: units' codes,
 * mixed person/booking units, duplicates). Pure: the use cases call it on the item as it would
 * be after a create or an edit, so an edit cannot leave an item that a create would refuse.
 */
export interface ItemTerms {
  units: ItemUnit[];
  capacityModel: CapacityModel;
  startTimes: string[];
  bundleTerms: BundleTerms | null;
}

export interface ItemProblem {
  path: string;
  code: string;
  message: string;
}

export function itemProblems(item: ItemTerms): ItemProblem[] {
  const problems: ItemProblem[] = [];
  if (item.capacityModel === 'slots' && item.startTimes.length === 0) {
    problems.push({ path: 'startTimes', code: 'start_times_required', message: 'a timed item needs a start time' });
  }
  if (item.capacityModel === 'slots' && new Set(item.startTimes).size !== item.startTimes.length) {
    problems.push({ path: 'startTimes', code: 'duplicate_start_time', message: 'each start time once' });
  }
  if (item.bundleTerms?.kind === 'net_rate') {
    item.units.forEach((unit, i) => {
      const path = `units.${i}.netRateMinor`;
      if (unit.netRateMinor === null) {
        problems.push({ path, code: 'net_rate_required', message: `a net rate for '${unit.code}'` });
      } else if (unit.netRateMinor > unit.priceMinor) {
        problems.push({ path, code: 'net_rate_above_price', message: `above the price of '${unit.code}'` });
      }
    });
  }
  return problems;
}

/**
 * The stored form: start times sorted (none for a daily allotment); net rates only under
 * `net_rate` terms, where they mean something.
 */
export function normaliseTerms(item: ItemTerms): ItemTerms {
  const netRates = item.bundleTerms?.kind === 'net_rate';
  return {
    ...item,
    startTimes: item.capacityModel === 'slots' ? [...item.startTimes].sort() : [],
    units: item.units.map((unit) => ({ ...unit, netRateMinor: netRates ? unit.netRateMinor : null })),
  };
}
