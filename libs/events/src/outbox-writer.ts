import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Executor } from '@tourconnect/db';
import { currentCorrelationId } from './correlation.ts';
import { SUBJECT_PATTERN, type ContractRegistry, type EventEnvelope } from './envelope.ts';
import { EventValidationError } from './errors.ts';
import { isContractEncoded, validatePayload } from './registry.ts';
import type { EventTables } from './tables.ts';
import { captureTraceContext } from './trace-context.ts';

export interface NewEvent<P> {
  subject: string;
  payload: P;
  correlationId?: string;
  audience?: string[];
}

export interface OutboxWriterOptions {
  service: string;
  tables: EventTables;
  channel: string;
  registry?: ContractRegistry;
  /** NOTIFY the relays on commit (default true). */
  notify: boolean;
}

/** Builds the envelope and writes it to the outbox through the caller's transaction. */
export async function writeToOutbox<P>(
  opts: OutboxWriterOptions,
  tx: Executor,
  event: NewEvent<P>,
): Promise<EventEnvelope<P>> {
  const envelope = buildEnvelope(opts, event);
  const json = JSON.stringify(envelope);
  const outbox = opts.tables.outbox;
  // One round trip: NOTIFY is transactional, so relays wake only if (and when) this commits.
  await tx.execute(
    opts.notify
      ? sql`WITH ins AS (INSERT INTO ${outbox} ("id", "subject", "envelope")
              VALUES (${envelope.id}, ${envelope.subject}, ${json}::jsonb))
            SELECT pg_notify(${opts.channel}, '')`
      : sql`INSERT INTO ${outbox} ("id", "subject", "envelope")
            VALUES (${envelope.id}, ${envelope.subject}, ${json}::jsonb)`,
  );
  return envelope;
}

function buildEnvelope<P>(opts: OutboxWriterOptions, event: NewEvent<P>): EventEnvelope<P> {
  const { subject } = event;
  if (typeof subject !== 'string' || !SUBJECT_PATTERN.test(subject)) {
    throw new EventValidationError(
      `subject "${String(subject)}" is not <service>.<entity>.<past-verb>.v<N>`,
      'invalid_subject',
    );
  }
  if (!subject.startsWith(`${opts.service}.`)) {
    throw new EventValidationError(`service ${opts.service} cannot publish ${subject}`, 'invalid_subject');
  }
  // A typed publisher's payload comes out of the contract's strict encoder, already canonical.
  const payload = (
    opts.registry && !isContractEncoded(event.payload)
      ? validatePayload(opts.registry, subject, event.payload)
      : event.payload
  ) as P;
  const id = uuidv7();
  const envelope: EventEnvelope<P> = {
    id,
    subject,
    occurredAt: new Date().toISOString(),
    producer: opts.service,
    correlationId: event.correlationId ?? currentCorrelationId() ?? id,
    ...captureTraceContext(),
    payload: payload === undefined ? (null as P) : payload,
  };
  if (event.audience) envelope.audience = [...event.audience];
  return envelope;
}
