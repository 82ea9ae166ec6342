import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, listAudit, type AuditTable } from '../src/index.ts';
import { entry, setUpAuditFixture, type AuditFixture } from './audit-fixture.ts';

describe('listAudit', () => {
  let fx: AuditFixture;
  let table: AuditTable;

  beforeAll(async () => {
    fx = await setUpAuditFixture('audit_list');
    ({ table } = await fx.newChain());
    const entries = [
      entry({ action: 'partner.registered', entityType: 'partner', entityId: 'p1', actorId: 'u1' }),
      entry({ action: 'partner.verified', entityType: 'partner', entityId: 'p1', actorId: 'admin' }),
      entry({ action: 'partner.registered', entityType: 'partner', entityId: 'p2', actorId: 'u2' }),
      entry({ action: 'payment.captured', entityType: 'payment', entityId: 'pay1', actorId: null }),
      entry({ action: 'partner.verified', entityType: 'partner', entityId: 'p2', actorId: 'admin' }),
      entry({ action: 'transfer.created', entityType: 'transfer', entityId: 'p1', actorId: null }),
    ];
    for (const e of entries) await appendAudit(fx.database.db, table, e);
  });
  afterAll(async () => {
    await fx.close();
  });

  const seqs = async (options: Parameters<typeof listAudit>[2]) =>
    (await listAudit(fx.database.db, table, options)).map((r) => r.seq);

  it('returns newest first, limited', async () => {
    expect(await seqs({ limit: 10 })).toEqual([6, 5, 4, 3, 2, 1]);
    expect(await seqs({ limit: 2 })).toEqual([6, 5]);
  });

  it('pages with beforeSeq', async () => {
    expect(await seqs({ limit: 2, beforeSeq: 5 })).toEqual([4, 3]);
    expect(await seqs({ limit: 2, beforeSeq: 1 })).toEqual([]);
  });

  it('filters by action, entity, actor, and combinations', async () => {
    expect(await seqs({ limit: 10, action: 'partner.verified' })).toEqual([5, 2]);
    expect(await seqs({ limit: 10, entityType: 'partner', entityId: 'p1' })).toEqual([2, 1]);
    expect(await seqs({ limit: 10, entityId: 'p1' })).toEqual([6, 2, 1]);
    expect(await seqs({ limit: 10, actorId: 'admin' })).toEqual([5, 2]);
    expect(await seqs({ limit: 10, action: 'partner.registered', actorId: 'u2' })).toEqual([3]);
    expect(await seqs({ limit: 1, entityType: 'partner', beforeSeq: 5 })).toEqual([3]);
  });

  it('returns complete rows', async () => {
    const [row] = await listAudit(fx.database.db, table, { limit: 1, action: 'payment.captured' });
    expect(row).toMatchObject({
      seq: 4,
      action: 'payment.captured',
      entityType: 'payment',
      entityId: 'pay1',
      actorId: null,
      actorRole: 'admin',
      data: { amount: 1299, currency: 'EUR' },
      correlationId: 'corr_1',
    });
    expect(row!.occurredAt).toBeInstanceOf(Date);
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a limit outside 1..1000', async () => {
    for (const limit of [0, 1001, 1.5]) {
      await expect(listAudit(fx.database.db, table, { limit })).rejects.toMatchObject({ code: 'invalid_limit' });
    }
  });
});
