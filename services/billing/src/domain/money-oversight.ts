import type {
  AdminDispute,
  MismatchKind,
  MoneyAuditPage,
  MoneyAuditQuery,
  ReconciliationView,
  ReconciliationRunStatus,
  ReconciliationTrigger,
} from '@tourconnect/contracts/http';
import {
  hasAuditBefore,
  listDisputes,
  listMismatches,
  listMoneyAudit,
  listRuns,
  verifyMoneyAudit,
  type AuditRow,
} from '../db/reconciliation.repository.ts';
import { disputeOutcomes } from '../db/ledger.repository.ts';
import type { BillingContext } from './context.ts';

/** What the admin's Money page reads: reconciliation runs and findings, disputes, the money audit log. */

const RUNS_SHOWN = 20;

export async function reconciliationView(ctx: BillingContext): Promise<ReconciliationView> {
  const runs = await listRuns(ctx.db, RUNS_SHOWN);
  const latest = runs.find((r) => r.status !== 'running');
  const mismatches = latest ? await listMismatches(ctx.db, latest.id) : [];
  return {
    runs: runs.map((r) => ({
      id: r.id,
      trigger: r.trigger as ReconciliationTrigger,
      status: r.status as ReconciliationRunStatus,
      bookingsChecked: r.bookingsChecked,
      mismatchCount: r.mismatchCount,
      mismatchRate: r.bookingsChecked === 0 ? 0 : r.bookingsWithMismatch / r.bookingsChecked,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      error: r.error,
    })),
    latest: latest
      ? {
          runId: latest.id,
          status: latest.status as ReconciliationRunStatus,
          mismatches: mismatches.map((m) => ({
            bookingId: m.bookingId,
            kind: m.kind as MismatchKind,
            expectedMinor: m.expectedMinor,
            actualMinor: m.actualMinor,
            currency: m.currency,
            cause: m.cause,
            ...causeOf(m.details),
          })),
        }
      : null,
  };
}

export async function disputesView(ctx: BillingContext): Promise<AdminDispute[]> {
  const rows = await listDisputes(ctx.db);
  const outcomes = await disputeOutcomes(
    ctx.db,
    rows.filter((d) => d.status === 'lost').map((d) => d.id),
  );
  return rows.map((d) => ({
    id: d.id,
    bookingId: d.bookingId,
    amountMinor: d.amountMinor,
    currency: d.currency,
    status: d.status,
    reason: d.reason,
    createdAt: d.createdAt.toISOString(),
    outcome: outcomes.get(d.id) ?? null,
  }));
}

/** Newest first; the first page also says whether the whole hash chain still verifies. */
export async function moneyAuditPage(ctx: BillingContext, query: MoneyAuditQuery): Promise<MoneyAuditPage> {
  const rows = await listMoneyAudit(ctx.db, { beforeSeq: query.cursor, limit: query.limit });
  const last = rows[rows.length - 1];
  const more = rows.length === query.limit && last ? await hasAuditBefore(ctx.db, last.seq) : false;
  const chain = query.cursor === undefined ? await verifyMoneyAudit(ctx.db) : null;
  return {
    items: rows.map(auditEntry),
    nextCursor: more && last ? last.seq : null,
    chain: chain ? { ok: chain.ok, checked: chain.checked, firstBrokenSeq: chain.firstBroken?.seq ?? null } : null,
  };
}

const asInt = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);
const asText = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);

/** Money entries name their booking and amount in `data` (bookingId, amountMinor, currency). */
function auditEntry(row: AuditRow): MoneyAuditPage['items'][number] {
  const data = row.data ?? {};
  return {
    seq: row.seq,
    action: row.action,
    actorId: row.actorId,
    actorRole: row.actorRole,
    entityType: row.entityType,
    entityId: row.entityId,
    bookingId: row.entityType === 'booking' ? row.entityId : asText(data.bookingId),
    amountMinor: asInt(data.amountMinor) ?? asInt(data.totalMinor) ?? journalAmount(data.lines),
    currency: asText(data.currency),
    occurredAt: row.occurredAt.toISOString(),
  };
}

/** A ledger journal's amount: Σ of its debits (= Σ of its credits). */
function journalAmount(lines: unknown): number | null {
  if (!Array.isArray(lines)) return null;
  return lines.reduce<number>((sum, line) => sum + (asInt((line as { debitMinor?: unknown }).debitMinor) ?? 0), 0);
}

/** The stored cause code and values (reconcile-checks.ts `details`), when the row has them. */
function causeOf(details: unknown): { causeCode: string | null; causeParams: Record<string, string | number> } {
  const d = (details ?? {}) as { causeCode?: unknown; causeParams?: unknown };
  if (typeof d.causeCode !== 'string') return { causeCode: null, causeParams: {} };
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries((d.causeParams ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return { causeCode: d.causeCode, causeParams: params };
}
