import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, pingDatabase, type Database } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

describe('test database helper', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase('db_helper');
    database = createDatabase({ url: testDb.url, schema: 'probe' });
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  it('gives each test file its own empty database on the real server', async () => {
    await pingDatabase(database);
    const { rows } = await database.pool.query(
      `SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'probe'`,
    );
    expect(rows[0].n).toBe(0);
    const other = await createTestDatabase('db_helper');
    expect(other.name).not.toBe(testDb.name);
    await other.drop();
  });
});
