// @tourconnect/events: the platform's event bus. Transactional outbox per service → relay →
// transport (NATS JetStream, or in-process for the all-in-one mode) → durable idempotent
// consumers with an inbox → retries with backoff → dead letters → admin replay.
export type { EventEnvelope, ContractRegistry } from './envelope.ts';
export { SUBJECT_PATTERN, DURABLE_PATTERN, assertEnvelope } from './envelope.ts';
export { eventTables, createEventTablesSql, type EventTables } from './tables.ts';
export type {
  EventTransport,
  ConsumerSpec,
  DeliveryOutcome,
  MessageHandler,
  PoisonMessage,
  DeadLetterCopy,
} from './transport.ts';
export {
  createNatsTransport,
  DEFAULT_EVENT_SUBJECTS,
  type NatsTransport,
  type NatsTransportOptions,
} from './nats-transport.ts';
export {
  createInProcessTransport,
  type InProcessTransport,
  type InProcessTransportOptions,
} from './in-process-transport.ts';
export { eventLoopGate, type LoadGate, type EventLoopGateOptions } from './load-gate.ts';
export {
  createEventBus,
  type EventBus,
  type EventBusOptions,
  type EventBusStats,
  type ReplayResult,
  type DeadLetterQueue,
  type WorkDeadLetter,
} from './event-bus.ts';
export type { HandlerDefinition } from './durable-consumer.ts';
export {
  defineHandler,
  decodePayload,
  createPublisher,
  type TypedHandler,
  type DurableOptions,
  type Publish,
  type PublishMeta,
  type SubjectOf,
} from './typed-events.ts';
export { DEFAULT_BACKOFF_MS } from './handler-definition.ts';
export type { NewEvent } from './outbox-writer.ts';
export type { DeadLetter } from './dead-letters.repository.ts';
export type { RelayOptions } from './outbox-relay.ts';
export type { RetentionOptions } from './maintenance.ts';
export type { EventsLogger } from './logger.ts';
export { PermanentEventError, EventValidationError, MalformedMessageError } from './errors.ts';
export { withCorrelationId, currentCorrelationId } from './correlation.ts';
export { subjectMatches } from './subject-matcher.ts';
export { bindBusToApp, deadLetterOps, type HookableApp, type ServiceLifecycle } from './service-lifecycle.ts';
