import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig } from 'drizzle-orm/pg-core';
import {
  appendAudit,
  auditGuardsSql,
  createAuditTableSql,
  installAuditGuards,
  listAudit,
  type AuditTable,
} from '../src/index.ts';
import { entry, setUpAuditFixture, type AuditFixture } from './audit-fixture.ts';

describe('append-only guards', () => {
  let fx: AuditFixture;
  let table: AuditTable;
  let qualified: string;

  beforeAll(async () => {
    fx = await setUpAuditFixture('audit_guards');
    const chain = await fx.newChain();
    table = chain.table;
    qualified = `"${chain.schemaName}"."audit_log"`;
    await appendAudit(fx.database.db, table, entry());
    await appendAudit(fx.database.db, table, entry());
  });
  afterAll(async () => {
    await fx.close();
  });

  it.each([
    ['UPDATE', (t: string) => `UPDATE ${t} SET data = '{}'::jsonb`],
    ['DELETE', (t: string) => `DELETE FROM ${t} WHERE seq = 1`],
    ['TRUNCATE', (t: string) => `TRUNCATE ${t}`],
  ])('refuses %s with a clear message', async (op, statement) => {
    await expect(fx.database.pool.query(statement(qualified))).rejects.toThrow(
      new RegExp(`audit log chain_1\\.audit_log is append-only: ${op} is not allowed`),
    );
    expect(await listAudit(fx.database.db, table, { limit: 10 })).toHaveLength(2);
  });

  it('refuses an UPDATE even when it matches no row', async () => {
    await expect(fx.database.pool.query(`UPDATE ${qualified} SET action = 'x.y' WHERE false`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('installs idempotently and still lets inserts through', async () => {
    await installAuditGuards(fx.database.db, 'chain_1');
    await installAuditGuards(fx.database.db, 'chain_1');
    const { rows } = await fx.database.pool.query(
      `SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'chain_1.audit_log'::regclass AND NOT tgisinternal`,
    );
    expect(rows[0].n).toBe(1);
    await appendAudit(fx.database.db, table, entry());
    await expect(fx.database.pool.query(`DELETE FROM ${qualified}`)).rejects.toThrow(/append-only/);
  });

  it('rejects schema names that would need quoting', () => {
    expect(() => createAuditTableSql('x"; DROP TABLE y; --')).toThrow(/invalid schema name/);
    expect(() => auditGuardsSql('Billing')).toThrow(/invalid schema name/);
  });

  it('createAuditTableSql runs as one script and builds the table auditTable() describes', async () => {
    await fx.database.pool.query(createAuditTableSql('script_made'));
    await fx.database.pool.query(createAuditTableSql('script_made')); // idempotent
    await fx.database.pool.query(auditGuardsSql('script_made'));
    const { rows } = await fx.database.pool.query(
      `SELECT column_name AS name, is_nullable = 'NO' AS "notNull",
              format_type(a.atttypid, a.atttypmod) AS type
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = 'script_made.audit_log'::regclass AND a.attname = c.column_name
        WHERE table_schema = 'script_made' AND table_name = 'audit_log'
        ORDER BY ordinal_position`,
    );
    const config = getTableConfig(table);
    const normalise = (type: string) => type.replace('bigserial', 'bigint').replace('timestamp (3)', 'timestamp(3)');
    expect(rows).toEqual(
      config.columns.map((c) => ({ name: c.name, notNull: c.notNull, type: normalise(c.getSQLType()) })),
    );
    const indexes = await fx.database.pool.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'script_made' ORDER BY indexname`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual(
      ['audit_log_pkey', 'audit_log_seq_key', ...config.indexes.map((i) => i.config.name as string)].sort(),
    );
  });
});
