// Unit items of a reservation, confirmation or update: parsing, restrictions and merging.
import type { OptionDef } from '../catalogue/catalogue-types.ts';
import { findUnit, liveUnits } from '../catalogue/lookup.ts';
import { supplierReference } from '../lib/ids.ts';
import type { Prng } from '../lib/prng.ts';
import { isObject, type Fail } from '../octo/body.ts';
import { octoErrors } from '../octo/errors.ts';
import { emptyContact, type ContactRecord, type UnitItemRecord } from './booking-types.ts';
import { mergeContact, parseContact } from './contact.ts';

export interface UnitItemInput {
  uuid?: string;
  unitId: string;
  resellerReference?: string;
  contact: Partial<ContactRecord>;
}

export function parseUnitItems(raw: unknown, option: OptionDef, fail: Fail): UnitItemInput[] {
  if (!Array.isArray(raw) || raw.length === 0) throw fail('unitItems must be a non-empty array');
  return raw.map((item, index) => {
    if (!isObject(item)) throw fail(`unitItems[${index}] must be an object`);
    const { unitId, uuid, resellerReference } = item;
    if (unitId === undefined || unitId === null || unitId === '') throw octoErrors.invalidUnitId('');
    if (typeof unitId !== 'string') throw fail(`unitItems[${index}].unitId must be a string`);
    if (!findUnit(option, unitId)) throw octoErrors.invalidUnitId(unitId);
    if (uuid !== undefined && typeof uuid !== 'string') throw fail(`unitItems[${index}].uuid must be a string`);
    if (resellerReference !== undefined && typeof resellerReference !== 'string') {
      throw fail(`unitItems[${index}].resellerReference must be a string`);
    }
    return {
      unitId,
      ...(uuid === undefined ? {} : { uuid }),
      ...(resellerReference === undefined ? {} : { resellerReference }),
      contact: parseContact(item.contact, fail, `unitItems[${index}].contact`),
    };
  });
}

/** OCTO's "Validation failed: …" checks on an option's and its units' restrictions. */
export function checkRestrictions(option: OptionDef, unitIds: readonly string[], fail: Fail): void {
  if (unitIds.length < option.minUnits) throw fail(`Validation failed: Minimum units is ${option.minUnits}`);
  if (unitIds.length > option.maxUnits) throw fail(`Validation failed: Maximum units is ${option.maxUnits}`);
  for (const unit of liveUnits(option)) {
    const count = unitIds.filter((id) => id === unit.id).length;
    if (count === 0) continue;
    if (unit.minQuantity !== null && count < unit.minQuantity) {
      throw fail(`Validation failed: Minimum ${unit.title} tickets is ${unit.minQuantity}`);
    }
    if (unit.maxQuantity !== null && count > unit.maxQuantity) {
      throw fail(`Validation failed: Maximum ${unit.title} tickets is ${unit.maxQuantity}`);
    }
    if (unit.accompaniedBy.length > 0 && !unitIds.some((id) => unit.accompaniedBy.includes(id))) {
      throw fail(`Validation failed: ${unit.title} tickets must be accompanied by an adult`);
    }
  }
}

/**
 * New unit items from the request. An input keeps an existing item when it names its uuid,
 * or else takes the next unclaimed item of the same unit (so a confirmation that repeats the
 * unit ids keeps uuids and prices); existing items left unclaimed are dropped.
 */
export function mergeUnitItems(
  existing: readonly UnitItemRecord[],
  inputs: readonly UnitItemInput[],
  option: OptionDef,
  ids: Prng,
): UnitItemRecord[] {
  const unclaimed = [...existing];
  const claim = (input: UnitItemInput): UnitItemRecord | undefined => {
    const index = unclaimed.findIndex((item) => (input.uuid ? item.uuid === input.uuid : item.unitId === input.unitId));
    return index < 0 ? undefined : unclaimed.splice(index, 1)[0];
  };
  return inputs.map((input) => {
    const kept = claim(input);
    if (kept && kept.unitId === input.unitId) {
      return {
        ...kept,
        resellerReference: input.resellerReference ?? kept.resellerReference,
        contact: mergeContact(kept.contact, input.contact),
      };
    }
    const unit = findUnit(option, input.unitId);
    return {
      uuid: input.uuid && !existing.some((e) => e.uuid === input.uuid) ? input.uuid : ids.uuid(),
      unitId: input.unitId,
      resellerReference: input.resellerReference ?? null,
      supplierReference: supplierReference(ids),
      contact: mergeContact(emptyContact(), input.contact),
      price: { ...(unit?.price ?? { original: 0, retail: 0, net: 0 }) },
    };
  });
}
