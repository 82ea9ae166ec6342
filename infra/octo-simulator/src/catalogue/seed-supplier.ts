// One deterministic supplier per API key: the key seeds the PRNG, so the same key always
// yields the same city, products, ids, capacities and prices.
import { MediaRel } from '../octo/octo-types.ts';
import { createPrng } from '../lib/prng.ts';
import type { SupplierDef } from './catalogue-types.ts';
import { CITIES, SUPPLIER_NOUNS, SUPPLIER_STYLES } from './cities.ts';
import { mediaFor } from './content.ts';
import { seedProducts } from './seed-products.ts';

export function seedSupplier(key: string): SupplierDef {
  const prng = createPrng(`octo-simulator:catalogue:${key}`);
  const city = prng.pick(CITIES);
  const name = `${city.city} ${prng.pick(SUPPLIER_STYLES)} ${prng.pick(SUPPLIER_NOUNS)}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const id = prng.uuid();
  const street = prng.pick(city.streets);
  return {
    key,
    id,
    name,
    shortDescription: `${name} runs guided tours, attraction tickets and transfers in ${city.city}.`,
    city: city.city,
    country: city.country,
    timeZone: city.timeZone,
    locale: city.locale,
    currency: city.currency,
    currencyPrecision: city.currencyPrecision,
    taxName: city.taxName,
    taxBasisPoints: city.taxBasisPoints,
    contact: {
      website: `https://${slug}.example.com`,
      email: `bookings@${slug}.example.com`,
      telephone: `${city.phonePrefix} ${prng.int(100, 999)} ${prng.int(1000, 9999)}`,
      address: `${prng.int(1, 120)} ${street}, ${city.postalCode} ${city.city}`,
    },
    media: mediaFor(id, name, name)
      .slice(0, 1)
      .map((m) => ({ ...m, rel: MediaRel.LOGO })),
    products: seedProducts({ city, prng, supplierName: name, locale: city.locale }),
  };
}
