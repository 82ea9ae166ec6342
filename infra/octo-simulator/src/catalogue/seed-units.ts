// Seeded units (ADULT, CHILD, …) with retail and net prices in integer minor units.
import { ContactField, UnitType } from '../octo/octo-types.ts';
import type { Prng } from '../lib/prng.ts';
import type { UnitDef, UnitPrice } from './catalogue-types.ts';
import type { CitySeed } from './cities.ts';

/** Turns a EUR-like amount into a rounded price in the city's currency minor units. */
export function priceFor(city: CitySeed, prng: Prng, major: number): UnitPrice {
  if (major <= 0) return { original: 0, retail: 0, net: 0 };
  const step = city.currencyPrecision === 0 ? 100 : 50;
  const minor = major * city.priceScale * 10 ** city.currencyPrecision;
  const retail = Math.max(step, Math.round(minor / step) * step);
  // Resellers earn 20–30 % commission: net is what the supplier invoices them.
  const commissionBps = prng.int(20, 30) * 100;
  const net = Math.round((retail * (10_000 - commissionBps)) / 10_000);
  return { original: retail, retail, net };
}

interface UnitSpec {
  type: UnitType;
  title: string;
  minAge: number;
  maxAge: number;
  share: number;
  paxCount?: number;
  idRequired?: boolean;
  maxQuantity?: number | null;
  needsAdult?: boolean;
  description: string;
}

export function buildUnits(city: CitySeed, prng: Prng, adultMajor: number, specs: UnitSpec[]): UnitDef[] {
  const adultId = `adult_${prng.hex(3)}`;
  return specs.map((spec) => {
    const id = spec.type === UnitType.ADULT ? adultId : `${spec.type.toLowerCase()}_${prng.hex(3)}`;
    return {
      id,
      internalName: spec.title,
      reference: spec.type,
      type: spec.type,
      title: spec.title,
      shortDescription: spec.description,
      minAge: spec.minAge,
      maxAge: spec.maxAge,
      idRequired: spec.idRequired ?? false,
      minQuantity: null,
      maxQuantity: spec.maxQuantity ?? null,
      paxCount: spec.paxCount ?? 1,
      accompaniedBy: spec.needsAdult ? [adultId] : [],
      requiredContactFields: spec.idRequired ? [ContactField.FIRST_NAME, ContactField.LAST_NAME] : [],
      price: priceFor(city, prng, adultMajor * spec.share),
      removed: false,
    };
  });
}

export const adult = (maxAge = 99): UnitSpec => ({
  type: UnitType.ADULT,
  title: 'Adult',
  minAge: 18,
  maxAge,
  share: 1,
  description: 'Ages 18 and over',
});
export const child = (minAge: number, maxAge: number, share: number): UnitSpec => ({
  type: UnitType.CHILD,
  title: 'Child',
  minAge,
  maxAge,
  share,
  needsAdult: true,
  description: `Ages ${minAge}–${maxAge}, must be accompanied by an adult`,
});
export const infant = (): UnitSpec => ({
  type: UnitType.INFANT,
  title: 'Infant',
  minAge: 0,
  maxAge: 3,
  share: 0,
  needsAdult: true,
  maxQuantity: 2,
  description: 'Under 4, free, on an adult’s lap',
});
export const senior = (share: number): UnitSpec => ({
  type: UnitType.SENIOR,
  title: 'Senior',
  minAge: 65,
  maxAge: 99,
  share,
  description: 'Ages 65 and over',
});
export const student = (share: number): UnitSpec => ({
  type: UnitType.STUDENT,
  title: 'Student',
  minAge: 18,
  maxAge: 30,
  share,
  idRequired: true,
  description: 'Valid student ID required at the entrance',
});
export const family = (share: number): UnitSpec => ({
  type: UnitType.FAMILY,
  title: 'Family (2 adults + 2 children)',
  minAge: 0,
  maxAge: 99,
  share,
  paxCount: 4,
  description: 'One ticket for four people',
});
