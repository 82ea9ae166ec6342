import { sql } from 'drizzle-orm';
import { integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, preparedStatement, type Database } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

const probe = pgSchema('probe');
const notes = probe.table('notes', {
  id: uuid('id').primaryKey(),
  body: text('body').notNull(),
  tags: jsonb('tags').$type<string[] | null>(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  votes: integer('votes').notNull().default(0),
});

const insertNote = preparedStatement<
  { id: string; body: string; tags: string[] | null; at: Date },
  { id: string; votes: number }
>('probe_insert_note', (db) =>
  db
    .insert(notes)
    .values({
      id: sql.placeholder('id'),
      body: sql.placeholder('body'),
      tags: sql.placeholder('tags'),
      at: sql.placeholder('at'),
    })
    .onConflictDoNothing({ target: notes.id })
    .returning({ id: notes.id, votes: notes.votes }),
);

describe('preparedStatement', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase('db_prepared');
    database = createDatabase({ url: testDb.url, schema: 'probe', max: 3 });
    await database.pool.query(`CREATE SCHEMA probe;
      CREATE TABLE probe.notes (id uuid PRIMARY KEY, body text NOT NULL, tags jsonb,
        at timestamptz NOT NULL, votes integer NOT NULL DEFAULT 0)`);
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  const read = async (id: string) =>
    (
      await database.pool.query<{ body: string; tags: unknown; tags_type: string; at: Date; votes: number }>(
        `SELECT body, tags, jsonb_typeof(tags) AS tags_type, at, votes FROM probe.notes WHERE id = $1`,
        [id],
      )
    ).rows[0];

  it('writes the values through the columns’ encoders and answers the rows it names by their database names', async () => {
    const id = randomUUID();
    const at = new Date('2026-12-03T09:15:00.123Z');
    const result = await insertNote.run(database.db, { id, body: `it's "quoted" \\ $1`, tags: ['lake', 'bike'], at });
    expect(result).toEqual({ rows: [{ id, votes: 0 }], rowCount: 1 });
    const row = await read(id);
    expect(row).toMatchObject({ body: `it's "quoted" \\ $1`, tags: ['lake', 'bike'], tags_type: 'array', votes: 0 });
    expect(row!.at.toISOString()).toBe('2026-12-03T09:15:00.123Z');
  });

  it('writes null as SQL NULL (not a JSON null), as drizzle’s own insert does', async () => {
    const id = randomUUID();
    await insertNote.run(database.db, { id, body: 'no tags', tags: null, at: new Date() });
    expect((await read(id))?.tags_type).toBeNull();
  });

  it('runs inside the caller’s transaction: rolled back with it, and a conflict is a row count of 0', async () => {
    const id = randomUUID();
    await expect(
      database.db.transaction(async (tx) => {
        expect((await insertNote.run(tx, { id, body: 'first', tags: null, at: new Date() })).rowCount).toBe(1);
        expect((await insertNote.run(tx, { id, body: 'again', tags: null, at: new Date() })).rowCount).toBe(0);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await read(id)).toBeUndefined();
  });

  it('runs the same statement on every connection of the pool, many times at once', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    await Promise.all(
      ids.map((id, n) => insertNote.run(database.db, { id, body: `note ${n}`, tags: [String(n)], at: new Date() })),
    );
    const { rows } = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM probe.notes WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows[0]!.n).toBe(40);
  });

  it('refuses a run that leaves a placeholder without a value, writing nothing', async () => {
    const id = randomUUID();
    await expect(
      insertNote.run(database.db, { id, body: 'x', at: new Date() } as unknown as Parameters<typeof insertNote.run>[1]),
    ).rejects.toThrow(/no value for placeholder "tags"/);
    expect(await read(id)).toBeUndefined();
  });
});
