import { randomUUID } from 'node:crypto';
import { encodeEventPayload, parseSubject, type EventPayloadInit, type EventSubject } from '@tourconnect/contracts';
import type { EventEnvelope } from '@tourconnect/events';

/**
 * An event as its producer would publish it (payload through the contract encoder), to feed a
 * consumer under test without running the producing service.
 */
export function testEnvelope<S extends EventSubject>(
  subject: S,
  payload: EventPayloadInit<S>,
  meta: { audience?: string[]; correlationId?: string } = {},
): EventEnvelope {
  const id = randomUUID();
  return {
    id,
    subject,
    occurredAt: new Date().toISOString(),
    producer: parseSubject(subject).service,
    correlationId: meta.correlationId ?? `corr-${id}`,
    audience: meta.audience ?? [],
    payload: encodeEventPayload(subject, payload),
  };
}
