import type { DurableSpec, HandlerDefinition } from './durable-consumer.ts';
import { DURABLE_PATTERN } from './envelope.ts';

export const DEFAULT_BACKOFF_MS = [200, 1_000, 5_000, 15_000];
const SUBJECT_FILTER = /^([a-z0-9_-]+|\*)(\.([a-z0-9_-]+|\*))*(\.>)?$|^>$/;

/** Validates a handle() definition up front, so mistakes fail at boot, not at first delivery. */
export function normalizeHandler(service: string, def: HandlerDefinition): DurableSpec {
  if (!DURABLE_PATTERN.test(def.durable)) {
    throw new Error(`durable "${def.durable}" must be 1-64 letters, digits, "_" or "-"`);
  }
  const subjects = Array.isArray(def.subject) ? [...def.subject] : [def.subject];
  if (subjects.length === 0) throw new Error(`durable ${def.durable} has no subject`);
  for (const subject of subjects) {
    if (!SUBJECT_FILTER.test(subject)) throw new Error(`durable ${def.durable}: bad subject filter "${subject}"`);
  }
  const maxDeliver = def.maxDeliver ?? 5;
  if (!Number.isInteger(maxDeliver) || maxDeliver < 1) throw new Error('maxDeliver must be an integer >= 1');
  const backoffMs = def.backoffMs ?? DEFAULT_BACKOFF_MS;
  if (backoffMs.some((ms) => !Number.isFinite(ms) || ms < 0)) throw new Error('backoffMs must be >= 0');
  const transactions = def.concurrency ?? 4;
  if (!Number.isInteger(transactions) || transactions < 1) throw new Error('concurrency must be an integer >= 1');
  const batchSize = def.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be an integer >= 1');
  return {
    service,
    durable: def.durable,
    subjects,
    maxDeliver,
    backoffMs,
    transactions,
    batchSize,
    // Enough deliveries in flight to fill every transaction's batch.
    concurrency: transactions * batchSize,
    ackWaitMs: def.ackWaitMs ?? 30_000,
    deliverPolicy: def.deliverPolicy ?? 'all',
    background: def.background ?? false,
  };
}
