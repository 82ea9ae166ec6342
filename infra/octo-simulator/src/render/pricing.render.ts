// OCTO Pricing objects (octo/pricing) in integer minor units, with the included sales tax.
import type { Pricing, PricingUnit } from '../octo/octo-types.ts';
import type { SupplierDef, UnitDef, UnitPrice } from '../catalogue/catalogue-types.ts';

function taxPart(amount: number, basisPoints: number): number {
  return Math.round((amount * basisPoints) / (10_000 + basisPoints));
}

export function sumPrices(prices: readonly UnitPrice[]): UnitPrice {
  return prices.reduce(
    (sum, p) => ({
      original: sum.original + p.original,
      retail: sum.retail + p.retail,
      net: sum.net + p.net,
    }),
    { original: 0, retail: 0, net: 0 },
  );
}

export function renderPricing(supplier: SupplierDef, price: UnitPrice): Pricing {
  const bps = supplier.taxBasisPoints;
  return {
    original: price.original,
    retail: price.retail,
    net: price.net,
    currency: supplier.currency,
    currencyPrecision: supplier.currencyPrecision,
    includedTaxes:
      price.retail > 0
        ? [
            {
              name: supplier.taxName,
              original: taxPart(price.original, bps),
              retail: taxPart(price.retail, bps),
              net: taxPart(price.net, bps),
            },
          ]
        : [],
  };
}

export function renderUnitPricing(supplier: SupplierDef, unit: UnitDef): PricingUnit {
  return { ...renderPricing(supplier, unit.price), unitId: unit.id };
}

/** The "from" price of an option: its cheapest paid unit. */
export function fromPrice(units: readonly UnitDef[]): UnitPrice {
  const paid = units.filter((u) => u.price.retail > 0);
  const cheapest = paid.reduce<UnitDef | undefined>(
    (best, u) => (!best || u.price.retail < best.price.retail ? u : best),
    undefined,
  );
  return cheapest?.price ?? { original: 0, retail: 0, net: 0 };
}
