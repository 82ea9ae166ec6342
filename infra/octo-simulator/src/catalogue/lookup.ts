// Catalogue look-ups. Removed options and units stay in the catalogue as tombstones so that
// existing bookings still render, but new requests treat them as unknown ids.
import type { OptionDef, ProductDef, SupplierDef, UnitDef } from './catalogue-types.ts';

export function findProduct(supplier: SupplierDef, productId: string): ProductDef | undefined {
  return supplier.products.find((p) => p.id === productId);
}

export function findOption(
  product: ProductDef,
  optionId: string,
  { includeRemoved = false } = {},
): OptionDef | undefined {
  return product.options.find((o) => o.id === optionId && (includeRemoved || !o.removed));
}

export function findUnit(option: OptionDef, unitId: string, { includeRemoved = false } = {}): UnitDef | undefined {
  return option.units.find((u) => u.id === unitId && (includeRemoved || !u.removed));
}

export function liveOptions(product: ProductDef): OptionDef[] {
  return product.options.filter((o) => !o.removed);
}

export function liveUnits(option: OptionDef): UnitDef[] {
  return option.units.filter((u) => !u.removed);
}

export function cancellationCutoffMinutes(option: OptionDef): number {
  const { amount, unit } = option.cancellationCutoff;
  return unit === 'day' ? amount * 1440 : unit === 'hour' ? amount * 60 : amount;
}
