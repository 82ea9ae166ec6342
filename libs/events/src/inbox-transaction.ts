import { sql } from 'drizzle-orm';
import type { Database, Tx } from '@tourconnect/db';
import { inConsumerSpan } from './consumer-span.ts';
import type { EventEnvelope } from './envelope.ts';
import type { EventTables } from './tables.ts';

export type EventHandler = (tx: Tx, event: EventEnvelope) => Promise<void>;

export interface InboxContext {
  database: Database;
  tables: EventTables;
  transportKind: 'nats' | 'in-process';
  durable: string;
  handler: EventHandler;
}

/**
 * One event, one transaction: the inbox row goes in first, so a concurrent duplicate blocks
 * on it and then sees it; the effect commits with it or not at all. `replayOf` marks a dead
 * letter replayed in the same transaction.
 */
export function handleOne(
  ctx: InboxContext,
  envelope: EventEnvelope,
  attempt: number,
  replayOf?: string,
): Promise<'handled' | 'duplicate'> {
  const { inbox, deadLetters } = ctx.tables;
  return inConsumerSpan(ctx.transportKind, ctx.durable, envelope, attempt, () =>
    ctx.database.db.transaction(async (tx) => {
      const inserted = await tx.execute(
        sql`INSERT INTO ${inbox} ("durable", "event_id", "subject")
            VALUES (${ctx.durable}, ${envelope.id}, ${envelope.subject})
            ON CONFLICT DO NOTHING`,
      );
      if (replayOf) {
        await tx.execute(
          sql`UPDATE ${deadLetters} SET "replayed_at" = now(), "replay_attempts" = "replay_attempts" + 1,
                "last_replay_error" = NULL WHERE "id" = ${replayOf}`,
        );
      }
      if (inserted.rowCount === 0) return 'duplicate';
      await ctx.handler(tx, envelope);
      return 'handled';
    }),
  );
}

/**
 * Several first deliveries in one transaction: one inbox statement for all of them, then each
 * handler in its own consumer span. All or nothing: if any handler throws, nothing commits
 * and the caller re-runs the events one by one, so only the failing one is retried.
 */
export async function handleBatch(
  ctx: InboxContext,
  envelopes: EventEnvelope[],
): Promise<{ handled: number; duplicates: number }> {
  const ids = envelopes.map((e) => e.id);
  const subjects = envelopes.map((e) => e.subject);
  return ctx.database.db.transaction(async (tx) => {
    const inserted = await tx.execute<{ event_id: string }>(
      sql`INSERT INTO ${ctx.tables.inbox} ("durable", "event_id", "subject")
          SELECT ${ctx.durable}, e.id, e.subject
            FROM unnest(${`{${ids.join(',')}}`}::uuid[], ${toTextArray(subjects)}::text[]) AS e(id, subject)
          ON CONFLICT DO NOTHING RETURNING "event_id"`,
    );
    const fresh = new Set(inserted.rows.map((r) => r.event_id));
    let handled = 0;
    for (const envelope of envelopes) {
      if (!fresh.delete(envelope.id)) continue; // seen before, or twice in this batch
      await inConsumerSpan(ctx.transportKind, ctx.durable, envelope, 1, () => ctx.handler(tx, envelope));
      handled++;
    }
    return { handled, duplicates: envelopes.length - handled };
  });
}

/** A PostgreSQL array literal; subjects are NATS tokens but quote them anyway. */
function toTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
