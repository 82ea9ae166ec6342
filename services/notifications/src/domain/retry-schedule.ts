/**
 * Exponential backoff for an e-mail the SMTP server did not take: base, 2×base, 4×base … capped
 * at max, with ±10 % jitter so a queue that failed together does not retry together.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random) {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
  const jitter = 1 + (random() * 0.2 - 0.1);
  return Math.round(Math.min(exponential * jitter, maxMs));
}
