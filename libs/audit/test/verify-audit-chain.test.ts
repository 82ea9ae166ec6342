import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, computeAuditHash, installAuditGuards, verifyAuditChain, type AuditTable } from '../src/index.ts';
import { entry, setUpAuditFixture, type AuditFixture } from './audit-fixture.ts';

describe('verifyAuditChain', () => {
  let fx: AuditFixture;
  beforeAll(async () => {
    fx = await setUpAuditFixture('audit_verify');
  });
  afterAll(async () => {
    await fx.close();
  });

  async function chainOf(length: number) {
    const chain = await fx.newChain();
    const rows = [];
    for (let i = 1; i <= length; i += 1) {
      rows.push(await appendAudit(fx.database.db, chain.table, entry({ entityId: `booking_${i}`, data: { n: i } })));
    }
    return { ...chain, rows };
  }

  /** What an attacker with superuser rights would do: lift the guard, edit, put it back. */
  async function tamper(schemaName: string, statement: string, values: unknown[] = []) {
    await fx.database.pool.query(`DROP TRIGGER audit_log_append_only ON "${schemaName}".audit_log`);
    await fx.database.pool.query(statement.replaceAll('$table', `"${schemaName}".audit_log`), values);
    await installAuditGuards(fx.database.db, schemaName);
  }

  const verify = (table: AuditTable, batchSize?: number) =>
    verifyAuditChain(fx.database.db, table, batchSize ? { batchSize } : {});

  it('reports an empty log as intact', async () => {
    const { table } = await fx.newChain();
    expect(await verify(table)).toEqual({ ok: true, checked: 0 });
  });

  it('walks a log larger than one batch', async () => {
    const { table, rows } = await chainOf(23);
    expect(await verify(table, 5)).toEqual({ ok: true, checked: 23, head: { seq: 23, hash: rows[22]!.hash } });
  });

  it('names exactly the row whose data was changed', async () => {
    const { table, schemaName, rows } = await chainOf(12);
    await tamper(schemaName, `UPDATE $table SET data = '{"n": 999}' WHERE seq = 8`);
    expect(await verify(table, 5)).toEqual({
      ok: false,
      checked: 8,
      firstBroken: { seq: 8, id: rows[7]!.id, reason: 'hash_mismatch' },
    });
  });

  it('detects a changed actor or timestamp, not only data', async () => {
    const { table, schemaName, rows } = await chainOf(4);
    await tamper(schemaName, `UPDATE $table SET occurred_at = occurred_at + interval '1 second' WHERE seq = 3`);
    expect((await verify(table)).firstBroken).toEqual({ seq: 3, id: rows[2]!.id, reason: 'hash_mismatch' });

    const other = await chainOf(4);
    await tamper(other.schemaName, `UPDATE $table SET actor_id = 'someone_else' WHERE seq = 2`);
    expect((await verify(other.table)).firstBroken).toEqual({ seq: 2, id: other.rows[1]!.id, reason: 'hash_mismatch' });
  });

  it('reports the next row when a row is rewritten with a recomputed hash', async () => {
    const { table, schemaName, rows } = await chainOf(6);
    const forged = { ...rows[2]!, data: { n: 999 } };
    await tamper(schemaName, `UPDATE $table SET data = $1, hash = $2 WHERE seq = 3`, [
      JSON.stringify(forged.data),
      computeAuditHash(forged.prevHash, forged),
    ]);
    expect((await verify(table)).firstBroken).toEqual({ seq: 4, id: rows[3]!.id, reason: 'prev_hash_mismatch' });
  });

  it('reports a gap where a row was deleted', async () => {
    const { table, schemaName, rows } = await chainOf(7);
    await tamper(schemaName, `DELETE FROM $table WHERE seq = 5`);
    expect(await verify(table, 2)).toEqual({
      ok: false,
      checked: 5,
      firstBroken: { seq: 6, id: rows[5]!.id, reason: 'seq_gap' },
    });
  });

  it('reports a gap when the first entries were removed', async () => {
    const { table, schemaName, rows } = await chainOf(3);
    await tamper(schemaName, `DELETE FROM $table WHERE seq = 1`);
    expect((await verify(table)).firstBroken).toEqual({ seq: 2, id: rows[1]!.id, reason: 'seq_gap' });
  });
});
