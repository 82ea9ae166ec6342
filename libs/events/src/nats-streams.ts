import { createHash } from 'node:crypto';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  ReplayPolicy,
  RetentionPolicy,
  StorageType,
  nanos,
  type ConsumerConfig,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import type { ConsumerSpec } from './transport.ts';

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;
const STREAM_NAME_IN_USE = 10058;

function apiErrorCode(err: unknown): number | undefined {
  return (err as { api_error?: { err_code?: number } }).api_error?.err_code;
}

export interface StreamSpec {
  name: string;
  subjects: string[];
  duplicateWindowMs: number;
  maxAgeMs: number;
}

/**
 * Creates the stream, or widens its subjects and settings, without ever removing subjects
 * another service may rely on. Safe to run from every process at boot, concurrently.
 */
export async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
  const info = await jsm.streams.info(spec.name).catch((err: unknown) => {
    if (apiErrorCode(err) === STREAM_NOT_FOUND) return null;
    throw err;
  });
  if (!info) {
    try {
      await jsm.streams.add({
        name: spec.name,
        subjects: spec.subjects,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        duplicate_window: nanos(spec.duplicateWindowMs),
        max_age: nanos(spec.maxAgeMs),
      });
      return;
    } catch (err) {
      if (apiErrorCode(err) !== STREAM_NAME_IN_USE) throw err;
      return ensureStream(jsm, spec); // lost a creation race: merge into the winner's stream
    }
  }
  const subjects = [...new Set([...info.config.subjects, ...spec.subjects])];
  if (subjects.length !== info.config.subjects.length) {
    await jsm.streams.update(spec.name, { ...info.config, subjects });
  }
}

/** JetStream consumer names cannot hold dots or wildcards. */
export function consumerName(service: string, durable: string): string {
  return `${service}_${durable}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function supportsFilterSubjects(nc: NatsConnection): boolean {
  const [major = 0, minor = 0] = (nc.info?.version ?? '0.0.0').split('.').map(Number);
  return major > 2 || (major === 2 && minor >= 10);
}

interface ConsumerPlan {
  name: string;
  filter: Pick<ConsumerConfig, 'filter_subject' | 'filter_subjects'>;
}

/**
 * One durable pull consumer per (service, durable). Servers before 2.10 cannot filter one
 * consumer on several subjects, so there the durable becomes one consumer per subject; the
 * inbox is keyed by (durable, event id) either way, so handling stays exactly-once.
 */
function planConsumers(spec: ConsumerSpec, multiFilter: boolean): ConsumerPlan[] {
  const base = consumerName(spec.service, spec.durable);
  if (spec.subjects.length === 1) return [{ name: base, filter: { filter_subject: spec.subjects[0] } }];
  if (multiFilter) return [{ name: base, filter: { filter_subjects: spec.subjects } }];
  return spec.subjects.map((subject) => ({
    name: `${base}_${createHash('sha1').update(subject).digest('hex').slice(0, 8)}`,
    filter: { filter_subject: subject },
  }));
}

export async function ensureConsumers(
  jsm: JetStreamManager,
  stream: string,
  spec: ConsumerSpec,
  multiFilter: boolean,
): Promise<string[]> {
  const plans = planConsumers(spec, multiFilter);
  for (const plan of plans) await ensureConsumer(jsm, stream, plan, spec);
  return plans.map((p) => p.name);
}

async function ensureConsumer(jsm: JetStreamManager, stream: string, plan: ConsumerPlan, spec: ConsumerSpec) {
  const tunables: Partial<ConsumerConfig> = {
    ...plan.filter,
    // The bus counts deliveries and dead-letters itself, so the broker must never drop a
    // message silently on its own max_deliver.
    max_deliver: -1,
    ack_wait: nanos(spec.ackWaitMs ?? 30_000),
    max_ack_pending: Math.max(1_000, spec.concurrency * 4),
  };
  const existing = await jsm.consumers.info(stream, plan.name).catch((err: unknown) => {
    if (apiErrorCode(err) === CONSUMER_NOT_FOUND) return null;
    throw err;
  });
  if (!existing) {
    await jsm.consumers.add(stream, {
      durable_name: plan.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: spec.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      replay_policy: ReplayPolicy.Instant,
      ...tunables,
    });
    return;
  }
  const c = existing.config;
  const changed =
    c.filter_subject !== tunables.filter_subject ||
    JSON.stringify(c.filter_subjects ?? []) !== JSON.stringify(tunables.filter_subjects ?? []) ||
    c.ack_wait !== tunables.ack_wait ||
    c.max_deliver !== tunables.max_deliver ||
    c.max_ack_pending !== tunables.max_ack_pending;
  if (changed) await jsm.consumers.update(stream, plan.name, tunables);
}
