/**
 * Thrown by a handler when retrying cannot help (the event contradicts the consumer's state
 * in a way only a human can resolve). The bus dead-letters it at once instead of burning the
 * remaining deliveries.
 */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}

/** enqueue() refused the event: bad subject, unknown contract or a payload that fails it. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';
  constructor(
    message: string,
    readonly code: 'invalid_subject' | 'unknown_subject' | 'invalid_payload',
  ) {
    super(message);
  }
}

/** A delivered message that cannot be decoded into an envelope (bad JSON, missing headers). */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}
