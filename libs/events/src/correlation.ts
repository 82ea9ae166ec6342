import { AsyncLocalStorage } from 'node:async_hooks';

const store = new AsyncLocalStorage<string>();

/**
 * Runs `fn` with a correlation id that enqueue() picks up when the caller passes none. The
 * bus wraps every handler in the event's own correlation id, so a saga keeps one id across
 * services without each handler threading it through by hand.
 */
export function withCorrelationId<T>(correlationId: string, fn: () => T): T {
  return store.run(correlationId, fn);
}

export function currentCorrelationId(): string | undefined {
  return store.getStore();
}
