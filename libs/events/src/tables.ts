import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type PgSchema,
} from 'drizzle-orm/pg-core';

/**
 * The bus's three tables, created inside the owning service's schema. Each service re-exports
 * them from its drizzle schema file so drizzle-kit generates their migration alongside the
 * service's own tables. Names carry an `event_` prefix so they never clash with a service's
 * own tables (connectors, for one, has its own sync dead letters).
 */
export function eventTables(schema: PgSchema) {
  const outbox = schema.table(
    'event_outbox',
    {
      id: uuid('id').primaryKey(),
      subject: text('subject').notNull(),
      envelope: jsonb('envelope').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      attempts: integer('attempts').notNull().default(0),
      nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
      lastError: text('last_error'),
      sentAt: timestamp('sent_at', { withTimezone: true }),
    },
    (t) => [
      // The relay only ever scans unsent rows; the partial index stays tiny however much
      // history the table keeps.
      index('event_outbox_pending_idx')
        .on(t.id)
        .where(sql`sent_at IS NULL`),
      index('event_outbox_sent_at_idx').on(t.sentAt),
    ],
  );
  const inbox = schema.table(
    'event_inbox',
    {
      durable: text('durable').notNull(),
      eventId: uuid('event_id').notNull(),
      subject: text('subject').notNull(),
      processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ name: 'event_inbox_pk', columns: [t.durable, t.eventId] }),
      index('event_inbox_processed_at_idx').on(t.processedAt),
    ],
  );
  const deadLetters = schema.table(
    'event_dead_letters',
    {
      id: uuid('id').primaryKey(),
      service: text('service').notNull(),
      durable: text('durable').notNull(),
      subject: text('subject').notNull(),
      // Text, not uuid: a malformed message may carry no usable event id at all.
      eventId: text('event_id').notNull(),
      envelope: jsonb('envelope').notNull(),
      error: text('error').notNull(),
      attempts: integer('attempts').notNull(),
      deadAt: timestamp('dead_at', { withTimezone: true }).notNull().defaultNow(),
      replayedAt: timestamp('replayed_at', { withTimezone: true }),
      replayAttempts: integer('replay_attempts').notNull().default(0),
      lastReplayError: text('last_replay_error'),
    },
    (t) => [
      uniqueIndex('event_dead_letters_durable_event_uq').on(t.durable, t.eventId),
      index('event_dead_letters_dead_at_idx').on(t.deadAt),
    ],
  );
  return { outbox, inbox, deadLetters };
}

export type EventTables = ReturnType<typeof eventTables>;

/**
 * The same DDL as the drizzle-kit migration, for tests and scripts that create the tables
 * without a migrations folder (a test checks both stay identical). Idempotent.
 */
export function createEventTablesSql(schemaName: string): string {
  const s = `"${schemaName.replace(/"/g, '""')}"`;
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}."event_outbox" (
  "id" uuid PRIMARY KEY NOT NULL,
  "subject" text NOT NULL,
  "envelope" jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
  "last_error" text,
  "sent_at" timestamp with time zone
);
CREATE INDEX IF NOT EXISTS "event_outbox_pending_idx" ON ${s}."event_outbox" USING btree ("id") WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS "event_outbox_sent_at_idx" ON ${s}."event_outbox" USING btree ("sent_at");
CREATE TABLE IF NOT EXISTS ${s}."event_inbox" (
  "durable" text NOT NULL,
  "event_id" uuid NOT NULL,
  "subject" text NOT NULL,
  "processed_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "event_inbox_pk" PRIMARY KEY("durable","event_id")
);
CREATE INDEX IF NOT EXISTS "event_inbox_processed_at_idx" ON ${s}."event_inbox" USING btree ("processed_at");
CREATE TABLE IF NOT EXISTS ${s}."event_dead_letters" (
  "id" uuid PRIMARY KEY NOT NULL,
  "service" text NOT NULL,
  "durable" text NOT NULL,
  "subject" text NOT NULL,
  "event_id" text NOT NULL,
  "envelope" jsonb NOT NULL,
  "error" text NOT NULL,
  "attempts" integer NOT NULL,
  "dead_at" timestamp with time zone DEFAULT now() NOT NULL,
  "replayed_at" timestamp with time zone,
  "replay_attempts" integer DEFAULT 0 NOT NULL,
  "last_replay_error" text
);
CREATE UNIQUE INDEX IF NOT EXISTS "event_dead_letters_durable_event_uq" ON ${s}."event_dead_letters" USING btree ("durable","event_id");
CREATE INDEX IF NOT EXISTS "event_dead_letters_dead_at_idx" ON ${s}."event_dead_letters" USING btree ("dead_at");
`;
}
