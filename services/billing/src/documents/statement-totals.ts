import type { StatementBookingRow, StatementPayoutRow } from '../db/documents-statement.repository.ts';

export interface StatementTotals {
  currency: string;
  earningMinor: number;
  feeMinor: number;
  shareMinor: number;
  reversalsMinor: number;
  /** Σ earning − Σ fee − Σ reversals. */
  netMinor: number;
  /** Transfers sent (status 'sent'), before reversals. */
  transferredMinor: number;
  paidOutMinor: number;
}

/** A booking's net on the statement: its share less what refunds took back. */
export const rowNet = (row: StatementBookingRow) => row.shareMinor - row.reversalsMinor;

/** One totals line per currency, summed from the very rows printed (so the sheet adds up). */
export function statementTotals(
  rows: readonly StatementBookingRow[],
  payouts: readonly StatementPayoutRow[],
): StatementTotals[] {
  const byCurrency = new Map<string, StatementTotals>();
  const of = (currency: string) => {
    let totals = byCurrency.get(currency);
    if (!totals) {
      totals = {
        currency,
        earningMinor: 0,
        feeMinor: 0,
        shareMinor: 0,
        reversalsMinor: 0,
        netMinor: 0,
        transferredMinor: 0,
        paidOutMinor: 0,
      };
      byCurrency.set(currency, totals);
    }
    return totals;
  };
  for (const row of rows) {
    const t = of(row.currency);
    t.earningMinor += row.earningMinor;
    t.feeMinor += row.feeMinor;
    t.shareMinor += row.shareMinor;
    t.reversalsMinor += row.reversalsMinor;
    t.netMinor += rowNet(row);
    if (row.transferStatus === 'sent') t.transferredMinor += row.transferMinor ?? 0;
  }
  for (const payout of payouts) if (payout.status === 'paid') of(payout.currency).paidOutMinor += payout.amountMinor;
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
