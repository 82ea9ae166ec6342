import { pgSchema } from 'drizzle-orm/pg-core';
import { createDatabase, type Database } from '@tourconnect/db';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { auditTable, createAuditTable, type AuditEntry, type AuditTable } from '../src/index.ts';

/** One real database per test file, and a fresh chain (own schema) per test. */
export interface AuditFixture {
  testDb: TestDatabase;
  database: Database;
  newChain(): Promise<{ schemaName: string; table: AuditTable }>;
  close(): Promise<void>;
}

export async function setUpAuditFixture(label: string, poolSize = 5): Promise<AuditFixture> {
  const testDb = await createTestDatabase(label);
  const database = createDatabase({ url: testDb.url, schema: 'audit_test', max: poolSize });
  let chains = 0;
  return {
    testDb,
    database,
    newChain: async () => {
      chains += 1;
      const schemaName = `chain_${chains}`;
      await createAuditTable(database.db, schemaName);
      return { schemaName, table: auditTable(pgSchema(schemaName)) };
    },
    close: async () => {
      await database.close();
      await testDb.drop();
    },
  };
}

export function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    action: 'payment.captured',
    entityType: 'payment',
    entityId: 'pay_1',
    actorId: 'user_1',
    actorRole: 'admin',
    data: { amount: 1299, currency: 'EUR' },
    correlationId: 'corr_1',
    ...overrides,
  };
}
