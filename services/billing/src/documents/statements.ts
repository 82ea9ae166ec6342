import { STATEMENT_MAX_DAYS, type Locale, type StatementQuery } from '@tourconnect/contracts/http';
import type { AuthUser } from '@tourconnect/service-kit';
import { findPartnerSnapshot } from '../db/documents-invoice.repository.ts';
import { findCallerPartnerId, statementBookings, statementPayouts } from '../db/documents-statement.repository.ts';
import type { BillingContext } from '../domain/context.ts';
import { invalidPeriod, partnerMembershipRequired } from './document-errors.ts';
import { statementCsv, statementPdf } from './statement-render.ts';
import { statementTotals } from './statement-totals.ts';

export interface DocumentFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

const DAY_MS = 86_400_000;

/** Inclusive calendar days from `from` to `to`; the period must be 1..366 days. */
export function checkPeriod(from: string, to: string): void {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (from < '2000-01-01') throw invalidPeriod('A statement starts on 1 January 2000 or later');
  if (!(days >= 1)) throw invalidPeriod('The period ends before it starts');
  if (days > STATEMENT_MAX_DAYS) throw invalidPeriod(`A statement covers at most ${STATEMENT_MAX_DAYS} days`);
}

/** The caller's partner's statement for the period, as CSV or PDF. */
export async function partnerStatement(
  ctx: BillingContext,
  caller: AuthUser,
  query: StatementQuery,
  locale: Locale,
): Promise<DocumentFile> {
  checkPeriod(query.from, query.to);
  const partnerId = await findCallerPartnerId(ctx.db, caller.id);
  if (!partnerId) throw partnerMembershipRequired();
  // One snapshot: the rows and the totals printed come from the same reads.
  const data = await ctx.db.transaction(
    async (tx) => {
      const [rows, payouts, partner] = [
        await statementBookings(tx, partnerId, query.from, query.to),
        await statementPayouts(tx, partnerId, query.from, query.to),
        await findPartnerSnapshot(tx, partnerId),
      ];
      return {
        partnerName: partner?.legalName || partner?.name || partnerId,
        from: query.from,
        to: query.to,
        rows,
        payouts,
        totals: statementTotals(rows, payouts),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const filename = `statement-${query.from}-${query.to}.${query.format}`;
  if (query.format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: statementCsv(data) };
  return { filename, contentType: 'application/pdf', body: await statementPdf(data, locale) };
}
