import { isKnownCurrency } from '@tourconnect/money';
import { assertBps, assertMinor } from './amounts.ts';
import { PricingError } from './pricing-error.ts';
import type { PricingInput, PricingLine } from './types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses input the engine cannot price honestly, with a PricingError naming the first problem. */
export function validatePricingInput(input: PricingInput): void {
  if (!isKnownCurrency(input.currency)) {
    throw new PricingError('unknown_currency', `'${input.currency}' is not an ISO 4217 currency we price in`);
  }
  if (input.lines.length === 0) throw new PricingError('pricing_lines_required', 'a package needs at least one line');
  const positions = new Set<number>();
  for (const line of input.lines) {
    if (positions.has(line.position)) {
      throw new PricingError('duplicate_line_position', `line position ${line.position} appears twice`);
    }
    positions.add(line.position);
    validateLine(line, input);
  }
  validateRules(input);
  validateContext(input);
  const { coupon } = input;
  if (coupon) {
    if (coupon.kind === 'percentage') assertBps(coupon.bpsOrAmount, `coupon ${coupon.code}`);
    else assertMinor(coupon.bpsOrAmount, `coupon ${coupon.code}`);
    if (coupon.currency !== undefined && coupon.currency !== input.currency) {
      throw new PricingError(
        'currency_mismatch',
        `coupon ${coupon.code} is in ${coupon.currency}, not ${input.currency}`,
      );
    }
  }
}

function validateLine(line: PricingLine, input: PricingInput): void {
  const where = `line ${line.position}`;
  if (line.currency !== undefined && line.currency !== input.currency) {
    throw new PricingError(
      'currency_mismatch',
      `${where} is priced in ${line.currency}, the package in ${input.currency}`,
    );
  }
  for (const unit of line.units) {
    assertMinor(unit.quantity, `${where} ${unit.code} quantity`);
    assertMinor(unit.unitPriceMinor, `${where} ${unit.code} price`);
  }
  const own = line.partnerId === input.sellerPartnerId;
  const { supplier } = line;
  if (own !== (supplier.kind === 'own')) {
    throw new PricingError(
      'invalid_supplier_terms',
      own
        ? `${where} is the seller's own item but has ${supplier.kind} terms`
        : `${where} is another partner's item without bundle terms`,
    );
  }
  if (supplier.kind === 'net_rate') assertMinor(supplier.netRateMinor, `${where} net rate`);
  if (supplier.kind === 'commission') assertBps(supplier.commissionBps, `${where} commission`);
}

function validateRules(input: PricingInput): void {
  for (const rule of input.rules) {
    if (rule.type === 'percentage') assertBps(rule.bps, `rule ${rule.id}`);
    else assertMinor(rule.amountMinor, `rule ${rule.id}`);
  }
}

function validateContext(input: PricingInput): void {
  const { travelDate, bookingDate, party } = input.context;
  for (const date of [travelDate, bookingDate]) {
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) {
      throw new PricingError('invalid_date', `'${date}' is not a yyyy-mm-dd date`);
    }
  }
  for (const band of ['adult', 'child', 'infant', 'senior'] as const) {
    const count = party[band];
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new PricingError('invalid_party', `party ${band} must be a whole number ≥ 0, got ${count}`);
    }
  }
}
