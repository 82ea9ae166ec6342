import type { DescMessage } from '@bufbuild/protobuf';
import { MalformedMessageError } from './errors.ts';

export interface EventEnvelope<P = unknown> {
  /** UUIDv7; also the JetStream message id and the inbox key. */
  id: string;
  /** `<service>.<entity>.<past-verb>.v<N>`, e.g. `identity.user.registered.v1`. */
  subject: string;
  /** ISO-8601, set at enqueue time. */
  occurredAt: string;
  /** Name of the service whose outbox produced the event. */
  producer: string;
  correlationId: string;
  /** W3C trace context captured at enqueue time. */
  traceparent?: string;
  tracestate?: string;
  /** User ids allowed to see this event live in the portal (gateway /ws). */
  audience?: string[];
  /** JSON (proto3 JSON form of the contract message). */
  payload: P;
}

/** Subject → contract message descriptor (generated into libs/contracts from proto/). */
export type ContractRegistry = Map<string, DescMessage>;

export const SUBJECT_PATTERN = /^[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*\.v[1-9][0-9]*$/;
/** Durable names end up in NATS consumer names and dead-letter subjects: one token, no dots. */
export const DURABLE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/**
 * Checks that an untrusted object (decoded from the wire or read back from a dead-letter row)
 * really is an envelope; anything else is poison.
 */
export function assertEnvelope(value: unknown): EventEnvelope {
  if (typeof value !== 'object' || value === null) {
    throw new MalformedMessageError('envelope is not an object');
  }
  const env = value as Record<string, unknown>;
  if (!isUuid(env.id)) throw new MalformedMessageError('envelope id is missing or not a UUID');
  for (const field of ['subject', 'occurredAt', 'producer', 'correlationId'] as const) {
    if (typeof env[field] !== 'string' || env[field] === '') {
      throw new MalformedMessageError(`envelope ${field} is missing`);
    }
  }
  if (Number.isNaN(Date.parse(env.occurredAt as string))) {
    throw new MalformedMessageError('envelope occurredAt is not a date');
  }
  if (env.audience !== undefined && !isStringArray(env.audience)) {
    throw new MalformedMessageError('envelope audience is not a list of strings');
  }
  if (!('payload' in env)) throw new MalformedMessageError('envelope payload is missing');
  return env as unknown as EventEnvelope;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
