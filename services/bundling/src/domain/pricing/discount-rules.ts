import type { DiscountRule, Party, RuleConditions } from '@tourconnect/contracts/http';
import { bpsFloor } from './amounts.ts';
import type { AppliedRule, PricingLine } from './types.ts';

/** What a rule's conditions are checked against. */
export interface RuleFacts {
  readonly distinctItems: number;
  readonly travelDate: string;
  /** Whole calendar days from the booking date to the travel date. */
  readonly daysBefore: number;
  /** Adults and seniors (the party's grown-ups). */
  readonly adults: number;
  /** Children and infants. */
  readonly children: number;
}

const DAY_MS = 86_400_000;

export function ruleFacts(
  lines: readonly PricingLine[],
  context: { travelDate: string; bookingDate: string; party: Party },
): RuleFacts {
  const { party } = context;
  return {
    distinctItems: new Set(lines.map((l) => l.itemId)).size,
    travelDate: context.travelDate,
    daysBefore: Math.round((Date.parse(context.travelDate) - Date.parse(context.bookingDate)) / DAY_MS),
    adults: party.adult + party.senior,
    children: party.child + party.infant,
  };
}

/** Every condition the rule sets holds (an absent condition always holds; dates are yyyy-mm-dd, so they compare as strings). */
export function ruleApplies(conditions: RuleConditions, facts: RuleFacts): boolean {
  const c = conditions;
  return (
    (c.minDistinctItems === undefined || facts.distinctItems >= c.minDistinctItems) &&
    (c.travelFrom === undefined || facts.travelDate >= c.travelFrom) &&
    (c.travelTo === undefined || facts.travelDate <= c.travelTo) &&
    (c.minDaysBefore === undefined || facts.daysBefore >= c.minDaysBefore) &&
    (c.minAdults === undefined || facts.adults >= c.minAdults) &&
    (c.minChildren === undefined || facts.children >= c.minChildren)
  );
}

/** A rule's own amount on the subtotal: percentage → floor(subtotal × bps / 10 000), fixed → as given. */
export function ruleAmount(rule: DiscountRule, subtotalMinor: number): number {
  return rule.type === 'percentage' ? bpsFloor(subtotalMinor, rule.bps) : rule.amountMinor;
}

/**
 * (c) Applies every rule whose conditions hold, in the package's order. Each is computed on
 * the subtotal (rules do not compound), and together they are capped at the seller's
 * discountable margin: a rule takes what is left of it, so an earlier rule is served first and
 * a later one may be cut short or come out as 0.
 */
export function applyDiscountRules(
  rules: readonly DiscountRule[],
  facts: RuleFacts,
  subtotalMinor: number,
  marginMinor: number,
): { applied: AppliedRule[]; totalMinor: number } {
  const applied: AppliedRule[] = [];
  let room = marginMinor;
  for (const rule of rules) {
    if (!ruleApplies(rule.conditions ?? {}, facts)) continue;
    const amountMinor = Math.min(ruleAmount(rule, subtotalMinor), room);
    room -= amountMinor;
    applied.push({ ruleId: rule.id, amountMinor });
  }
  return { applied, totalMinor: marginMinor - room };
}
