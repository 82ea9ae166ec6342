// Booking-facing identifiers, drawn from the supplier's seeded id stream.
import type { Prng } from './prng.ts';

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short, human-readable supplier reference such as "K9T7R5". */
export function supplierReference(ids: Prng): string {
  let out = '';
  for (let i = 0; i < 6; i += 1) out += REFERENCE_ALPHABET[ids.int(0, REFERENCE_ALPHABET.length - 1)];
  return out;
}
