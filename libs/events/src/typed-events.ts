import {
  decodeEventPayload,
  encodeEventPayload,
  type EventPayloadBySubject,
  type EventPayloadInit,
  type EventSubject,
  type JsonValue,
} from '@tourconnect/contracts';
import type { Executor, Tx } from '@tourconnect/db';
import type { HandlerDefinition } from './durable-consumer.ts';
import type { EventEnvelope } from './envelope.ts';
import { PermanentEventError } from './errors.ts';
import type { EventBus } from './event-bus.ts';
import { markContractEncoded } from './registry.ts';

/** The tuning knobs of a durable, without its subject and raw handler. */
export type DurableOptions = Omit<HandlerDefinition, 'durable' | 'subject' | 'handler'>;

/** A consumer of one contract subject: `handle` receives the decoded, validated payload. */
export interface TypedHandler<S extends EventSubject> extends DurableOptions {
  subject: S;
  /** `<service>-<what it does>`, unique within the service; names the NATS consumer. */
  durable: string;
  handle(tx: Tx, payload: EventPayloadBySubject[S], envelope: EventEnvelope): Promise<void>;
}

/**
 * Turns a typed handler into the bus's definition. The payload is decoded against its
 * contract before `handle` runs; a payload that does not decode can never succeed on retry,
 * so it becomes a PermanentEventError and is dead-lettered at once.
 */
export function defineHandler<S extends EventSubject>(def: TypedHandler<S>): HandlerDefinition {
  const { subject, durable, handle, ...options } = def;
  return {
    ...options,
    durable,
    subject,
    handler: async (tx, envelope) => handle(tx, decodePayload(subject, envelope), envelope),
  };
}

/** Decodes an envelope's payload against the subject's contract, or fails permanently. */
export function decodePayload<S extends EventSubject>(subject: S, envelope: EventEnvelope): EventPayloadBySubject[S] {
  try {
    return decodeEventPayload(subject, envelope.payload as JsonValue);
  } catch (error) {
    throw new PermanentEventError(`invalid ${subject} payload: ${(error as Error).message}`);
  }
}

export interface PublishMeta {
  /** User ids (and `role:<role>`) whose open portal tabs the gateway pushes the event to. */
  audience?: readonly string[];
  correlationId?: string | null | undefined;
}

/** The subjects a service may publish: its own, by the `<service>.` prefix. */
export type SubjectOf<Service extends string> = Extract<EventSubject, `${Service}.${string}`>;

/** Writes events to the outbox in the caller's transaction. */
export type Publish<S extends EventSubject = EventSubject> = <T extends S>(
  tx: Executor,
  subject: T,
  payload: EventPayloadInit<T>,
  meta?: PublishMeta,
) => Promise<EventEnvelope>;

/**
 * A typed publisher for one service: only that service's subjects, each payload through the
 * contract encoder (a misspelt field fails here, not in a consumer), into the outbox through
 * the caller's transaction, so the event is sent if and only if the transaction commits.
 */
export function createPublisher<Service extends string>(bus: EventBus, service: Service): Publish<SubjectOf<Service>> {
  if (bus.service !== service) throw new Error(`the ${bus.service} bus cannot publish as ${service}`);
  return async (tx, subject, payload, meta = {}) =>
    bus.enqueue(tx, {
      subject,
      payload: markContractEncoded(encodeEventPayload(subject, payload)),
      ...(meta.audience ? { audience: [...new Set(meta.audience)] } : {}),
      ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
    });
}
