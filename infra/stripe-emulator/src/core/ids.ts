import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const POOL_SIZE = 8192;
let pool = randomBytes(POOL_SIZE);
let offset = 0;

// One getrandom call per 8 KiB instead of one per identifier: ids are minted on every
// request, several at a time.
function randomString(length: number): string {
  if (offset + length > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  let out = '';
  // 62 does not divide 256; the tiny bias is irrelevant for identifiers.
  for (let i = 0; i < length; i += 1) out += ALPHABET[pool[offset + i]! % ALPHABET.length];
  offset += length;
  return out;
}

/** Stripe-shaped identifiers: a type prefix and a random tail (`pi_3Mtw…`, `acct_1MTf…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(prefix === 'acct' ? 16 : 24)}`;
}

export function newSecret(prefix: string, length = 32): string {
  return `${prefix}_${randomString(length)}`;
}
