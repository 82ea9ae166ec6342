/**
 * A request budget: at most `perSecond` takes per second on average, bursts up to `perSecond`.
 * `take` waits for a token; the money queues share one per process, so Stripe's rate limit is
 * met by waiting here rather than by 429s.
 */
export interface TokenBucket {
  take(): Promise<void>;
}

export function createTokenBucket(perSecond: number, now: () => number = Date.now): TokenBucket {
  let tokens = perSecond;
  let last = now();
  const refill = () => {
    const t = now();
    tokens = Math.min(perSecond, tokens + ((t - last) / 1000) * perSecond);
    last = t;
  };
  return {
    async take() {
      for (;;) {
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - tokens) / perSecond) * 1000)));
      }
    },
  };
}
