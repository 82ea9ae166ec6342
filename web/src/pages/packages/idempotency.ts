/** A fresh Idempotency-Key: a random UUID (also where crypto.randomUUID is missing, e.g. plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One key per booking attempt: the same request sent again (a retry after a lost answer, a
 * double click) reuses its key, so the server answers the same booking; a changed request
 * (another date, party or time) is a new attempt with a new key.
 */
export function createAttemptKeys(generate: () => string = newIdempotencyKey) {
  let current: { signature: string; key: string } | null = null;
  return {
    keyFor(request: unknown): string {
      const signature = JSON.stringify(request);
      if (current?.signature !== signature) current = { signature, key: generate() };
      return current.key;
    },
    /** After a booking was made: the next one is a new attempt. */
    reset(): void {
      current = null;
    },
  };
}
