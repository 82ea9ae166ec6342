import {
  createPackageSchema,
  locales,
  type CapacityModel,
  type DiscountRule,
  type ItemKind,
  type ItemTag,
  type ItemView,
  type Locale,
  type PackageView,
  type ProblemFieldError,
} from '@contracts/http';
import type { CreatePackageBody } from '../../../api/bundling-api.ts';
import { bpsToPercentText, percentToBps, toDecimalText, toMinor } from '../catalogue/money.ts';
import { emptyTranslations, type TranslationValues } from '../catalogue/translation-tabs.tsx';

/**
 * The package builder's form values (text as typed) and their conversion to the API's body:
 * percentages to basis points, fixed discounts to integer minor units of the package's
 * currency, cancellation tiers in days or hours to hours. Errors are keyed by dotted path
 * (`lines.0.qty`, `rules.1.value`, `tiers.0.refundPercent`, `translations.en.title`).
 */

export interface LineValues {
  itemId: string;
  qty: string;
  dayOffset: string;
  days: string;
  /** Shown, not sent. */
  title: string;
  kind: ItemKind;
  partnerName: string;
  partnerVerified: boolean;
  bundled: boolean;
  capacityModel: CapacityModel;
  currency: string;
}

export const conditionFields = [
  'minDistinctItems',
  'travelFrom',
  'travelTo',
  'minDaysBefore',
  'minAdults',
  'minChildren',
] as const;
export type ConditionField = (typeof conditionFields)[number];
export const dateConditions: readonly ConditionField[] = ['travelFrom', 'travelTo'];

export interface RuleValues {
  id: string;
  type: 'percentage' | 'fixed';
  /** A percentage ("10", "12.5") or an amount ("15.00") in the package's currency. */
  value: string;
  conditions: Record<ConditionField, string>;
}

export interface TierValues {
  amount: string;
  unit: 'days' | 'hours';
  refundPercent: string;
}

export interface PackageFormValues {
  translations: TranslationValues;
  lines: LineValues[];
  rules: RuleValues[];
  tiers: TierValues[];
  tags: ItemTag[];
  availableFrom: string;
  availableTo: string;
}

export type PathErrors = Partial<Record<string, string[]>>;

const noConditions = (): Record<ConditionField, string> =>
  Object.fromEntries(conditionFields.map((field) => [field, ''])) as Record<ConditionField, string>;

export function emptyPackageValues(): PackageFormValues {
  return {
    translations: emptyTranslations(),
    lines: [],
    rules: [],
    tiers: [{ amount: '', unit: 'days', refundPercent: '' }],
    tags: [],
    availableFrom: '',
    availableTo: '',
  };
}

/** A line for an item picked from the catalogue (own or another partner's bundleable one). */
export function lineFromItem(item: ItemView, ownPartnerId: string): LineValues {
  return {
    itemId: item.id,
    qty: '1',
    dayOffset: '0',
    days: '1',
    title: item.title,
    kind: item.kind,
    partnerName: item.partnerName,
    partnerVerified: item.partnerVerified,
    bundled: item.partnerId !== ownPartnerId,
    capacityModel: item.capacityModel,
    currency: item.currency,
  };
}

export function newRule(existing: readonly RuleValues[]): RuleValues {
  const taken = new Set(existing.map((rule) => rule.id));
  let n = existing.length + 1;
  while (taken.has(`rule-${n}`)) n += 1;
  return { id: `rule-${n}`, type: 'percentage', value: '', conditions: noConditions() };
}

export function packageToValues(pkg: PackageView): PackageFormValues {
  const translations = emptyTranslations();
  for (const [locale, text] of Object.entries(pkg.translations)) {
    if (locale in translations) translations[locale as Locale] = { title: text.title, description: text.description };
  }
  return {
    translations,
    lines: pkg.lines.map((line) => ({
      itemId: line.itemId,
      qty: String(line.qty),
      dayOffset: String(line.dayOffset),
      days: String(line.days),
      title: line.title,
      kind: line.itemKind,
      partnerName: line.partnerName,
      partnerVerified: line.partnerVerified,
      bundled: line.bundled,
      capacityModel: line.capacityModel,
      currency: pkg.currency,
    })),
    rules: pkg.discountRules.map((rule) => ({
      id: rule.id,
      type: rule.type,
      value: rule.type === 'percentage' ? bpsToPercentText(rule.bps) : toDecimalText(rule.amountMinor, pkg.currency),
      conditions: Object.fromEntries(
        conditionFields.map((field) => [
          field,
          rule.conditions[field] === undefined ? '' : String(rule.conditions[field]),
        ]),
      ) as Record<ConditionField, string>,
    })),
    tiers: pkg.policy.tiers.map((tier) =>
      tier.hoursBefore > 0 && tier.hoursBefore % 24 === 0
        ? { amount: String(tier.hoursBefore / 24), unit: 'days', refundPercent: String(tier.refundPercent) }
        : { amount: String(tier.hoursBefore), unit: 'hours', refundPercent: String(tier.refundPercent) },
    ),
    tags: pkg.tags as ItemTag[],
    availableFrom: pkg.availableFrom ?? '',
    availableTo: pkg.availableTo ?? '',
  };
}

/** The package's currency: that of its first line (the service refuses mixed currencies). */
export function packageCurrency(values: Pick<PackageFormValues, 'lines'>): string | null {
  return values.lines[0]?.currency ?? null;
}

function add(errors: PathErrors, path: string, code: string): void {
  const list = (errors[path] ??= []);
  if (!list.includes(code)) list.push(code);
}

function whole(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}

function codeOf(issue: { code: string; message: string }): string {
  return /^[a-z][a-z0-9_]*$/.test(issue.message) ? issue.message : issue.code;
}

/** An API or schema path (`body.discountRules.0.bps`, `policy.tiers.1.hoursBefore`) as a form path. */
export function formPath(apiPath: string, rules: readonly { id: string }[] = []): string {
  const parts = apiPath.split(/[./]/).filter((part) => part && part !== 'body');
  const [head, second, third, fourth] = parts;
  if (head === 'lines' && second !== undefined) {
    return third && ['qty', 'dayOffset', 'days'].includes(third) ? `lines.${second}.${third}` : `lines.${second}`;
  }
  if (head === 'discountRules') {
    if (second === undefined) return 'rules';
    const index = /^\d+$/.test(second) ? Number(second) : rules.findIndex((rule) => rule.id === second);
    if (index < 0) return 'rules';
    if (third === 'conditions' && fourth) return `rules.${index}.${fourth}`;
    return `rules.${index}.value`;
  }
  if (head === 'policy') {
    if (second === 'tiers' && third !== undefined && /^\d+$/.test(third)) {
      return `tiers.${third}.${fourth === 'refundPercent' ? 'refundPercent' : 'amount'}`;
    }
    return 'tiers';
  }
  if (head === 'tags') return 'tags';
  if (head === 'translations') return parts.slice(0, 3).join('.');
  return parts.join('.');
}

export function problemPathErrors(
  fieldErrors: readonly ProblemFieldError[],
  rules: readonly { id: string }[],
): PathErrors {
  const errors: PathErrors = {};
  for (const error of fieldErrors) add(errors, formPath(error.path, rules) || 'form', error.code);
  return errors;
}

export type PackageBodyResult = { ok: true; body: CreatePackageBody } | { ok: false; errors: PathErrors };

export function packageBody(values: PackageFormValues): PackageBodyResult {
  const errors: PathErrors = {};
  const blank = (text: string) => text.trim() === '';
  const currency = packageCurrency(values);

  const translations: CreatePackageBody['translations'] = {};
  for (const locale of locales) {
    const text = values.translations[locale];
    if (blank(text.title) && blank(text.description)) continue;
    translations[locale] = { title: text.title.trim(), description: text.description.trim() };
  }

  const lines = values.lines.map((line, index) => {
    const qty = whole(line.qty);
    const dayOffset = blank(line.dayOffset) ? 0 : whole(line.dayOffset);
    const days = line.capacityModel === 'daily' ? whole(line.days) : 1;
    if (qty === null) add(errors, `lines.${index}.qty`, 'invalid_quantity');
    if (dayOffset === null) add(errors, `lines.${index}.dayOffset`, 'invalid_day_offset');
    if (days === null) add(errors, `lines.${index}.days`, 'invalid_days');
    if (currency && line.currency !== currency) add(errors, `lines.${index}`, 'currency_mismatch');
    return { itemId: line.itemId, qty: qty ?? 0, dayOffset: dayOffset ?? 0, days: days ?? 0 };
  });

  const discountRules: DiscountRule[] = values.rules.map((rule, index) => {
    const conditions: DiscountRule['conditions'] = {};
    for (const field of conditionFields) {
      const text = rule.conditions[field].trim();
      if (!text) continue;
      if (dateConditions.includes(field)) {
        (conditions as Record<string, string>)[field] = text;
      } else {
        const number = whole(text);
        if (number === null) add(errors, `rules.${index}.${field}`, 'invalid_number');
        else (conditions as Record<string, number>)[field] = number;
      }
    }
    if (conditions.travelFrom && conditions.travelTo && conditions.travelFrom > conditions.travelTo) {
      add(errors, `rules.${index}.travelTo`, 'invalid_date_range');
    }
    if (rule.type === 'percentage') {
      const bps = percentToBps(rule.value);
      if (bps === null || bps === 0)
        add(errors, `rules.${index}.value`, blank(rule.value) ? 'required' : 'invalid_percent');
      return { id: rule.id, type: 'percentage', bps: bps ?? 0, conditions };
    }
    const amountMinor = currency ? toMinor(rule.value, currency) : null;
    if (amountMinor === null || amountMinor === 0) {
      add(errors, `rules.${index}.value`, blank(rule.value) ? 'required' : 'invalid_amount');
    }
    return { id: rule.id, type: 'fixed', amountMinor: amountMinor ?? 0, conditions };
  });

  const tiers = values.tiers.map((tier, index) => {
    const amount = whole(tier.amount);
    const percent = whole(tier.refundPercent);
    if (amount === null) add(errors, `tiers.${index}.amount`, blank(tier.amount) ? 'required' : 'invalid_number');
    if (percent === null || percent > 100) {
      add(errors, `tiers.${index}.refundPercent`, blank(tier.refundPercent) ? 'required' : 'invalid_percent');
    }
    return { hoursBefore: (amount ?? 0) * (tier.unit === 'days' ? 24 : 1), refundPercent: percent ?? 0 };
  });
  // The policy reads from the earliest cancellation to the latest; the partner may type them in any order.
  const ordered = [...tiers].sort((a, b) => b.hoursBefore - a.hoursBefore);
  if (new Set(ordered.map((tier) => tier.hoursBefore)).size !== ordered.length)
    add(errors, 'tiers', 'policy_tiers_unordered');

  const body: CreatePackageBody = {
    translations,
    lines,
    discountRules,
    policy: { tiers: ordered },
    tags: values.tags,
    availableFrom: values.availableFrom || null,
    availableTo: values.availableTo || null,
  };
  if (body.availableFrom && body.availableTo && body.availableFrom > body.availableTo) {
    add(errors, 'availableTo', 'invalid_date_range');
  }

  const parsed = createPackageSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPath(issue.path.map(String).join('.'), values.rules) || 'form';
      const code = codeOf(issue);
      // Tier order problems point at the policy as a whole; conversion problems already say why.
      if (path.startsWith('tiers') && code === 'policy_tiers_unordered') add(errors, 'tiers', code);
      else if (!errors[path]) add(errors, path, code);
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body };
}

/** The stored body of a package, for "has the form changed since the last save?". */
export function sameBody(a: CreatePackageBody, b: CreatePackageBody): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
