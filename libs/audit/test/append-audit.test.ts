import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDatabase } from '@tourconnect/db';
import { appendAudit, AuditError, computeAuditHash, GENESIS_HASH, listAudit, verifyAuditChain } from '../src/index.ts';
import { entry, setUpAuditFixture, type AuditFixture } from './audit-fixture.ts';

describe('appendAudit', () => {
  let fx: AuditFixture;
  beforeAll(async () => {
    fx = await setUpAuditFixture('audit_append');
  });
  afterAll(async () => {
    await fx.close();
  });

  it('appends inside the caller transaction and the chain verifies', async () => {
    const { table } = await fx.newChain();
    const occurredAt = new Date('2025-03-01T10:00:00.123Z');
    const rows = await fx.database.db.transaction(async (tx) => [
      await appendAudit(tx, table, entry({ occurredAt, data: { when: new Date(0), skip: undefined } })),
      await appendAudit(tx, table, entry({ action: 'transfer.created', entityId: 'tr_1' })),
    ]);
    const [first, second] = rows;
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, occurredAt, action: 'payment.captured' });
    expect(first!.data).toEqual({ when: '1970-01-01T00:00:00.000Z' });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    expect(first!.hash).toBe(computeAuditHash(GENESIS_HASH, first!));
    expect(await verifyAuditChain(fx.database.db, table)).toEqual({
      ok: true,
      checked: 2,
      head: { seq: 2, hash: second!.hash },
    });
  });

  it("chains a transaction's later appends on its own last entry, also around savepoints", async () => {
    const { table } = await fx.newChain();
    await fx.database.db.transaction(async (tx) => {
      await appendAudit(tx, table, entry({ entityId: 'a' }));
      // A savepoint that appends and is released: the next append finds its seq taken and re-reads.
      await tx.transaction(async (sp) => {
        await appendAudit(sp, table, entry({ entityId: 'b' }));
      });
      await appendAudit(tx, table, entry({ entityId: 'c' }));
      // A savepoint that appends and rolls back: the entry is gone, the next one follows 'c'.
      await expect(
        tx.transaction(async (sp) => {
          await appendAudit(sp, table, entry({ entityId: 'rolled back' }));
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      await appendAudit(tx, table, entry({ entityId: 'd' }));
      await appendAudit(tx, table, entry({ entityId: 'e' }));
    });
    const rows = await listAudit(fx.database.db, table, { limit: 10 });
    expect(rows.map((r) => [r.seq, r.entityId])).toEqual([
      [5, 'e'],
      [4, 'd'],
      [3, 'c'],
      [2, 'b'],
      [1, 'a'],
    ]);
    expect(await verifyAuditChain(fx.database.db, table)).toMatchObject({ ok: true, checked: 5 });
  });

  it('refuses to link to an entry a savepoint rolled back, and the chain keeps no gap', async () => {
    const { table } = await fx.newChain();
    await expect(
      fx.database.db.transaction(async (tx) => {
        await appendAudit(tx, table, entry({ entityId: 'a' }));
        // The outer transaction used inside its own savepoint: its entry goes with the savepoint.
        await tx
          .transaction(async () => {
            await appendAudit(tx, table, entry({ entityId: 'undone' }));
            throw new Error('undo');
          })
          .catch(() => {});
        await appendAudit(tx, table, entry({ entityId: 'after' }));
      }),
    ).rejects.toThrow();
    await appendAudit(fx.database.db, table, entry({ entityId: 'next' }));
    const rows = await listAudit(fx.database.db, table, { limit: 10 });
    expect(rows.map((r) => [r.seq, r.entityId])).toEqual([[1, 'next']]);
    expect(await verifyAuditChain(fx.database.db, table)).toMatchObject({ ok: true, checked: 1 });
  });

  it('leaves no entry (and no seq gap) when the transaction rolls back', async () => {
    const { table } = await fx.newChain();
    await expect(
      fx.database.db.transaction(async (tx) => {
        await appendAudit(tx, table, entry());
        throw new Error('business rule failed after auditing');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await listAudit(fx.database.db, table, { limit: 10 })).toEqual([]);
    const next = await appendAudit(fx.database.db, table, entry());
    expect(next.seq).toBe(1);
    expect((await verifyAuditChain(fx.database.db, table)).ok).toBe(true);
  });

  it('opens its own transaction when given the database, so concurrent bare appends still chain', async () => {
    const { table } = await fx.newChain();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendAudit(fx.database.db, table, entry({ entityId: `e${i}` }))),
    );
    expect(await verifyAuditChain(fx.database.db, table)).toMatchObject({ ok: true, checked: 20 });
  });

  it('keeps one linear chain under 50 concurrent transactions from two connection pools', async () => {
    const { table } = await fx.newChain();
    const replica = createDatabase({ url: fx.testDb.url, schema: 'audit_test', max: 5 });
    try {
      const pools = [fx.database.db, replica.db];
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          pools[i % 2]!.transaction(async (tx) => {
            // Some work first, so transactions really overlap before they reach the lock.
            await tx.execute(sql`SELECT pg_sleep(0.005)`);
            await appendAudit(tx, table, entry({ entityId: `booking_${i}` }));
          }),
        ),
      );
    } finally {
      await replica.close();
    }
    const rows = await listAudit(fx.database.db, table, { limit: 100 });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 50 - i));
    expect(new Set(rows.map((r) => r.entityId)).size).toBe(50);
    expect(await verifyAuditChain(fx.database.db, table)).toMatchObject({ ok: true, checked: 50 });
  });

  it('keeps one linear chain when concurrent transactions append several entries each', async () => {
    const { table } = await fx.newChain();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fx.database.db.transaction(async (tx) => {
          for (const part of ['a', 'b', 'c']) await appendAudit(tx, table, entry({ entityId: `t${i}${part}` }));
        }),
      ),
    );
    const rows = await listAudit(fx.database.db, table, { limit: 100 });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 36 }, (_, i) => 36 - i));
    // Each transaction's entries are consecutive: the lock is held from its first append to its commit.
    const ordered = [...rows].reverse().map((r) => r.entityId);
    for (let k = 0; k < 36; k += 3) expect(ordered.slice(k, k + 3).map((id) => id.slice(-1))).toEqual(['a', 'b', 'c']);
    expect(await verifyAuditChain(fx.database.db, table)).toMatchObject({ ok: true, checked: 36 });
  });

  it('keeps the chains of different schemas independent', async () => {
    const a = await fx.newChain();
    const b = await fx.newChain();
    await appendAudit(fx.database.db, a.table, entry());
    await appendAudit(fx.database.db, a.table, entry());
    const firstOfB = await appendAudit(fx.database.db, b.table, entry());
    expect(firstOfB).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
  });

  it('rejects malformed entries before touching the database', async () => {
    const { table } = await fx.newChain();
    const attempt = (overrides: Parameters<typeof entry>[0]) => appendAudit(fx.database.db, table, entry(overrides));
    await expect(attempt({ action: 'Verified' })).rejects.toMatchObject({ code: 'invalid_entry' });
    await expect(attempt({ entityId: '' })).rejects.toBeInstanceOf(AuditError);
    await expect(attempt({ data: [1, 2] as unknown as Record<string, unknown> })).rejects.toMatchObject({
      code: 'invalid_entry',
    });
    await expect(attempt({ occurredAt: new Date('nope') })).rejects.toMatchObject({ code: 'invalid_entry' });
    expect(await listAudit(fx.database.db, table, { limit: 10 })).toEqual([]);
  });
});
