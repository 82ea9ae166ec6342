import { connect, headers as natsHeaders, type NatsConnection, type Subscription } from 'nats';
import type { EventEnvelope } from './envelope.ts';
import { Limiter } from './limiter.ts';
import { decodeEnvelope, encodeEnvelope, headerSafe, HEADER } from './nats-codec.ts';
import { NatsConsumerRunner } from './nats-consumer.ts';
import { ensureConsumers, ensureStream, supportsFilterSubjects } from './nats-streams.ts';
import { errorMessage, silentLogger, type EventsLogger } from './logger.ts';
import type { ConsumerSpec, DeadLetterCopy, EventTransport, MessageHandler } from './transport.ts';

export const DEFAULT_EVENT_SUBJECTS = [
  'identity.>',
  'partners.>',
  'bundling.>',
  'billing.>',
  'promotions.>',
  'analytics.>',
  'connectors.>',
  'notifications.>',
];

export interface NatsTransportOptions {
  url: string;
  /** Connection name shown by the server (the service name). */
  name: string;
  /**
   * Namespace on the wire: events travel as `<prefix>.<subject>` in streams of their own, so
   * several environments (or test runs) can share one NATS without their streams overlapping.
   * Envelopes keep the plain subject.
   */
  subjectPrefix?: string;
  stream?: string;
  subjects?: string[];
  deadLetterStream?: string;
  deadLetterSubjectPrefix?: string;
  /** The broker drops a re-published event id inside this window (JetStream duplicate_window). */
  duplicateWindowMs?: number;
  maxAgeMs?: number;
  deadLetterMaxAgeMs?: number;
  publishTimeoutMs?: number;
  logger?: EventsLogger;
}

export interface NatsTransport extends EventTransport {
  readonly kind: 'nats';
  readonly connection: NatsConnection;
  readonly stream: string;
  readonly deadLetterStream: string;
}

const encoder = new TextEncoder();
const DAY_MS = 86_400_000;

export async function createNatsTransport(opts: NatsTransportOptions): Promise<NatsTransport> {
  const logger = opts.logger ?? silentLogger;
  const ns = opts.subjectPrefix?.replace(/\.+$/, '');
  if (ns !== undefined && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(ns))
    throw new Error(`invalid NATS subject prefix "${ns}"`);
  const prefix = ns ? `${ns}.` : '';
  const suffix = ns ? `_${ns.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}` : '';
  const wire = (subject: string) => prefix + subject;
  const unwire = (subject: string) => (prefix && subject.startsWith(prefix) ? subject.slice(prefix.length) : subject);
  const stream = opts.stream ?? `TC_EVENTS${suffix}`;
  const subjects = (opts.subjects ?? DEFAULT_EVENT_SUBJECTS).map(wire);
  const deadLetterStream = opts.deadLetterStream ?? `TC_DEAD_LETTERS${suffix}`;
  const deadLetterPrefix = wire(opts.deadLetterSubjectPrefix ?? 'deadletter');
  const publishTimeoutMs = opts.publishTimeoutMs ?? 5_000;
  const nc = await connect({
    servers: opts.url,
    name: opts.name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  try {
    const jsm = await nc.jetstreamManager();
    const duplicateWindowMs = opts.duplicateWindowMs ?? 120_000;
    await ensureStream(jsm, { name: stream, subjects, duplicateWindowMs, maxAgeMs: opts.maxAgeMs ?? 7 * DAY_MS });
    await ensureStream(jsm, {
      name: deadLetterStream,
      subjects: [`${deadLetterPrefix}.>`],
      duplicateWindowMs,
      maxAgeMs: opts.deadLetterMaxAgeMs ?? 30 * DAY_MS,
    });
    const js = nc.jetstream();
    const active = new Set<{ stop(): Promise<void> }>();

    async function consume(spec: ConsumerSpec, onMessage: MessageHandler) {
      const wired = { ...spec, subjects: spec.subjects.map(wire) };
      const names = await ensureConsumers(jsm, stream, wired, supportsFilterSubjects(nc));
      const limiter = new Limiter(spec.concurrency);
      const runners = names.map(
        (name) => new NatsConsumerRunner(js, stream, name, wired, onMessage, limiter, logger, unwire),
      );
      const started = await Promise.allSettled(runners.map((runner) => runner.start()));
      const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        await Promise.all(runners.map((r) => r.stop()));
        throw failed.reason;
      }
      const handle = {
        stop: async () => {
          active.delete(handle);
          await Promise.all(runners.map((r) => r.stop()));
        },
      };
      active.add(handle);
      return handle;
    }

    function tap(subjectPattern: string, listener: (env: EventEnvelope) => void) {
      // '>' would also see JetStream API and ack traffic; the stream's subjects are "all events".
      const patterns = subjectPattern === '>' ? subjects : [wire(subjectPattern)];
      const subs: Subscription[] = patterns.map((pattern) =>
        nc.subscribe(pattern, {
          callback: (err, msg) => {
            if (err) return;
            let envelope: EventEnvelope;
            try {
              envelope = decodeEnvelope(unwire(msg.subject), msg.headers, msg.data);
            } catch {
              return; // not an event (or a malformed one, which its consumers dead-letter)
            }
            try {
              listener(envelope);
            } catch (listenerErr) {
              logger.warn({ err: errorMessage(listenerErr) }, 'event tap listener threw');
            }
          },
        }),
      );
      return { stop: () => subs.forEach((s) => s.unsubscribe()) };
    }

    return {
      kind: 'nats',
      connection: nc,
      stream,
      deadLetterStream,
      async publish(envelope) {
        const { headers, data } = encodeEnvelope(envelope);
        await js.publish(wire(envelope.subject), data, { msgID: envelope.id, headers, timeout: publishTimeoutMs });
      },
      consume,
      tap,
      async publishDeadLetter(copy: DeadLetterCopy) {
        const h = natsHeaders();
        h.set(HEADER.id, copy.eventId);
        h.set('TC-Original-Subject', copy.subject);
        h.set('TC-Error', headerSafe(copy.error));
        h.set('TC-Attempts', String(copy.attempts));
        await js.publish(`${deadLetterPrefix}.${copy.service}.${copy.durable}`, encoder.encode(JSON.stringify(copy)), {
          msgID: `${copy.durable}:${copy.eventId}:${copy.deadAt}`,
          headers: h,
          timeout: publishTimeoutMs,
        });
      },
      async ping() {
        if (nc.isClosed()) throw new Error('NATS connection is closed');
        await withTimeout(nc.flush(), 2_000, 'NATS ping');
      },
      async close() {
        await Promise.all([...active].map((a) => a.stop()));
        if (!nc.isClosed()) await nc.drain();
      },
    };
  } catch (err) {
    await nc.close();
    throw err;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
