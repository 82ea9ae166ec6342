import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema } from 'drizzle-orm/pg-core';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { createEventTablesSql, eventTables } from '../src/index.ts';
import { openFileDatabase, type FileDatabase } from './support/harness.ts';

let file: FileDatabase;
beforeAll(async () => {
  file = await openFileDatabase('events_tables');
});
afterAll(async () => {
  await file?.close();
});

/** Columns, constraints and indexes of a schema, with the schema name blanked out. */
async function catalog(schema: string) {
  const columns = await file.database.pool.query(
    `SELECT table_name, column_name, data_type, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [schema],
  );
  const indexes = await file.database.pool.query(
    `SELECT tablename, indexname, replace(indexdef, $1, 'S') AS def
       FROM pg_indexes WHERE schemaname = $2 ORDER BY indexname`,
    [`"${schema}"`, schema],
  );
  const withoutQuotes = indexes.rows.map((r) => ({
    ...r,
    def: String(r.def).replace(new RegExp(`${schema}\\.`, 'g'), 'S.'),
  }));
  return { columns: columns.rows, indexes: withoutQuotes };
}

describe('event tables', () => {
  it('createEventTablesSql builds exactly what the drizzle-kit migration of eventTables() builds', async () => {
    const viaKit = pgSchema('via_kit');
    const tables = eventTables(viaKit);
    const statements = await generateMigration(generateDrizzleJson({}), generateDrizzleJson({ viaKit, ...tables }));
    for (const statement of statements) await file.database.pool.query(statement);
    await file.database.pool.query(createEventTablesSql('via_helper'));
    await file.database.pool.query(createEventTablesSql('via_helper')); // idempotent

    const kit = await catalog('via_kit');
    const helper = await catalog('via_helper');
    expect(kit.columns.length).toBe(24);
    expect(kit.indexes.map((i) => i.indexname)).toContain('event_outbox_pending_idx');
    expect(helper).toEqual(kit);
  });
});
