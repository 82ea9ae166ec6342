import { asc, sql } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';
import { computeAuditHash, GENESIS_HASH } from './audit-hash.ts';
import type { AuditRow, AuditTable } from './audit-table.ts';

export type AuditBreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap';

export interface AuditChainReport {
  ok: boolean;
  /** Rows examined, including the broken one if any. */
  checked: number;
  firstBroken?: { seq: number; id: number; reason: AuditBreakReason };
  /**
   * Last entry of an intact chain. Removing entries from the end cannot be seen from inside
   * the table; keep this somewhere else and check it is still there to detect it.
   */
  head?: { seq: number; hash: string };
}

export interface VerifyAuditOptions {
  /** Rows fetched per query, so a large log is never loaded at once. */
  batchSize?: number;
}

/** Walks the chain in seq order and reports the first entry that does not link up. */
export async function verifyAuditChain(
  executor: Executor,
  table: AuditTable,
  options: VerifyAuditOptions = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  let previous: { seq: number; id: number; hash: string } = { seq: 0, id: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await nextBatch(executor, table, previous, batchSize);
    for (const row of rows) {
      checked += 1;
      const reason = brokenLink(row, previous);
      if (reason) return { ok: false, checked, firstBroken: { seq: row.seq, id: row.id, reason } };
      previous = row;
    }
    if (rows.length < batchSize) break;
  }
  return checked === 0
    ? { ok: true, checked }
    : { ok: true, checked, head: { seq: previous.seq, hash: previous.hash } };
}

// Keyset on (seq, id) rather than seq alone so that, if the unique index were dropped,
// duplicated seqs are still all visited (and reported as a gap) instead of skipped.
function nextBatch(
  executor: Executor,
  table: AuditTable,
  after: { seq: number; id: number },
  batchSize: number,
): Promise<AuditRow[]> {
  return executor
    .select()
    .from(table)
    .where(sql`(${table.seq}, ${table.id}) > (${after.seq}, ${after.id})`)
    .orderBy(asc(table.seq), asc(table.id))
    .limit(batchSize);
}

function brokenLink(row: AuditRow, previous: { seq: number; hash: string }): AuditBreakReason | undefined {
  if (row.seq !== previous.seq + 1) return 'seq_gap';
  if (row.prevHash !== previous.hash) return 'prev_hash_mismatch';
  return computeAuditHash(row.prevHash, row) === row.hash ? undefined : 'hash_mismatch';
}
