import { bpsFloor, sumMinor } from './amounts.ts';
import { PricingError } from './pricing-error.ts';
import type { PricingLine } from './types.ts';

/** Step (a) and (b) for one line: its gross, what its supplier is owed, and the seller's margin on it. */
export interface LineBase {
  readonly grossMinor: number;
  /** What a bundled line's supplier is owed, whatever the discounts; null for the seller's own line. */
  readonly bundledShareMinor: number | null;
  /** What the seller can give away on this line: the whole gross of its own line, gross − supplier share of a bundled one. */
  readonly marginMinor: number;
}

/** (a) Σ quantity × unit price. */
export function lineGross(line: PricingLine): number {
  return sumMinor(line.units.map((u) => u.quantity * u.unitPriceMinor));
}

/**
 * (b) Supplier share. net_rate: the whole line's net rate. commission: gross − floor(gross ×
 * bps / 10 000), i.e. the seller's commission is rounded down and the odd cent stays with the
 * supplier. A net rate above the line's price would make the seller pay to sell it: refused.
 */
export function lineBase(line: PricingLine): LineBase {
  const grossMinor = lineGross(line);
  const { supplier } = line;
  if (supplier.kind === 'own') return { grossMinor, bundledShareMinor: null, marginMinor: grossMinor };
  const share =
    supplier.kind === 'net_rate' ? supplier.netRateMinor : grossMinor - bpsFloor(grossMinor, supplier.commissionBps);
  if (share > grossMinor) {
    throw new PricingError(
      'net_rate_above_price',
      `line ${line.position}: the supplier's net rate ${share} is above the line's price ${grossMinor}`,
    );
  }
  return { grossMinor, bundledShareMinor: share, marginMinor: grossMinor - share };
}
