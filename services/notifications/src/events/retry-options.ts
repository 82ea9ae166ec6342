import type { DurableOptions } from '@tourconnect/events';

/**
 * For handlers that address a user through the recipients projection: the user's registration
 * travels on another durable and may arrive later, so wait for it with a longer backoff (about
 * three minutes in all) before the event is dead-lettered.
 */
export const WAIT_FOR_RECIPIENT: DurableOptions = {
  maxDeliver: 8,
  backoffMs: [250, 1_000, 5_000, 15_000, 30_000, 60_000, 60_000],
};
