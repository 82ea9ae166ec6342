import type pg from 'pg';
import type { ResolvedTables } from './table-names.ts';

export interface RetentionOptions {
  /** Sent outbox rows are kept this long for inspection (default 1 day). */
  sentOutboxMs?: number;
  /**
   * Inbox rows are the consumers' memory of what they handled; keep them far longer than any
   * redelivery or re-send can arrive (default 30 days).
   */
  inboxMs?: number;
}

const DAY_MS = 86_400_000;

/** Deletes expired history in bounded chunks so it never holds long locks. */
export async function purgeHistory(pool: pg.Pool, tables: ResolvedTables, opts: RetentionOptions): Promise<void> {
  const sentMs = opts.sentOutboxMs ?? DAY_MS;
  const inboxMs = opts.inboxMs ?? 30 * DAY_MS;
  await pool.query(
    `DELETE FROM ${tables.outbox} WHERE id IN (
       SELECT id FROM ${tables.outbox} WHERE sent_at < now() - $1 * interval '1 millisecond' LIMIT 10000)`,
    [sentMs],
  );
  await pool.query(
    `DELETE FROM ${tables.inbox} WHERE (durable, event_id) IN (
       SELECT durable, event_id FROM ${tables.inbox}
        WHERE processed_at < now() - $1 * interval '1 millisecond' LIMIT 10000)`,
    [inboxMs],
  );
}
