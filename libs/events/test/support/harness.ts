import { randomBytes } from 'node:crypto';
import { pgSchema } from 'drizzle-orm/pg-core';
import { createDatabase, type Database, type Tx } from '@tourconnect/db';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { sql } from 'drizzle-orm';
import { createEventTablesSql, eventTables, type EventTables } from '../../src/index.ts';
import type { EventEnvelope } from '../../src/index.ts';

/** One database per test file; every scenario gets its own service name and schema inside it. */
export interface FileDatabase {
  testDb: TestDatabase;
  database: Database;
  close(): Promise<void>;
}

export async function openFileDatabase(label: string): Promise<FileDatabase> {
  const testDb = await createTestDatabase(label);
  const database = createDatabase({ url: testDb.url, schema: 'events_test', max: 10 });
  return {
    testDb,
    database,
    close: async () => {
      await database.close();
      await testDb.drop();
    },
  };
}

export interface ServiceSchema {
  /** Also the subject prefix: `<service>.order.placed.v1`. */
  service: string;
  tables: EventTables;
  subject(entity?: string, verb?: string): string;
  /** A handler effect that is NOT idempotent by itself, so a double run would show. */
  recordEffect(tx: Tx, event: EventEnvelope, durable: string): Promise<void>;
  effects(durable?: string): Promise<Array<{ event_id: string; durable: string }>>;
  outboxRows(): Promise<Array<{ id: string; sent_at: Date | null; attempts: number; last_error: string | null }>>;
}

export function randomService(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

export async function createServiceSchema(database: Database, service = randomService()): Promise<ServiceSchema> {
  await database.pool.query(createEventTablesSql(service));
  await database.pool.query(
    `CREATE TABLE "${service}".effects (event_id uuid NOT NULL, durable text NOT NULL, at timestamptz DEFAULT now())`,
  );
  const tables = eventTables(pgSchema(service));
  return {
    service,
    tables,
    subject: (entity = 'order', verb = 'placed') => `${service}.${entity}.${verb}.v1`,
    async recordEffect(tx, event, durable) {
      await tx.execute(
        sql.raw(`INSERT INTO "${service}".effects (event_id, durable) VALUES ('${event.id}', '${durable}')`),
      );
    },
    async effects(durable) {
      const { rows } = await database.pool.query(
        `SELECT event_id, durable FROM "${service}".effects WHERE $1::text IS NULL OR durable = $1 ORDER BY at`,
        [durable ?? null],
      );
      return rows;
    },
    async outboxRows() {
      const { rows } = await database.pool.query(
        `SELECT id, sent_at, attempts, last_error FROM "${service}".event_outbox ORDER BY id`,
      );
      return rows;
    },
  };
}

export async function waitFor<T>(
  probe: () => Promise<T> | T,
  done: (value: T) => boolean,
  { timeoutMs = 10_000, intervalMs = 20, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const quietLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
