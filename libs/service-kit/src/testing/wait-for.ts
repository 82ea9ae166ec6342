/**
 * Polls `probe` until `done` accepts its value; fails with the last value seen. For effects that
 * arrive asynchronously (an event consumed, a row written by a handler). The timeout only bounds
 * a broken test: nothing asserts how long the wait took.
 */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
