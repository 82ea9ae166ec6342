// A tiny seeded PRNG so that every supplier (one per API key) gets the same catalogue, the
// same background load and the same generated ids on every run: tests and demos can rely on it.

/** 32-bit FNV-1a hash of a string; used to turn keys and slot ids into seeds. */
export function hashString(input: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < input.length; i += 1) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export interface Prng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  hex(bytes: number): string;
  uuid(): string;
}

/** mulberry32: small, fast and good enough for fixtures (not for cryptography). */
export function createPrng(seed: number | string): Prng {
  let state = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hex = (bytes: number): string => {
    let out = '';
    for (let i = 0; i < bytes; i += 1) out += int(0, 255).toString(16).padStart(2, '0');
    return out;
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
    chance: (probability) => next() < probability,
    hex,
    uuid: () => {
      // RFC 4122 version 4 layout, so the ids pass `format: uuid` checks like real ones.
      const h = hex(16).split('');
      h[12] = '4';
      h[16] = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

/** A stable float in [0, 1) for a given label, independent of call order. */
export function stableFraction(label: string): number {
  return createPrng(label).next();
}
