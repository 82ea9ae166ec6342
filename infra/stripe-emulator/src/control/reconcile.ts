// Proves the books balance: every account's ledger equals what its objects say moved
// (charges − fees − refunds − disputes − transfers + reversals − payouts + failed payouts, per
// currency), per-object totals match their parts, and money is conserved across accounts.
import type { Kernel } from '../kernel.ts';
import type { StoredRecord } from '../state/types.ts';
import { DISPUTE_FEE } from '../core/fees.ts';
import { balancesOf } from '../resources/ledger.ts';

export interface AccountBooks {
  account: string;
  currency: string;
  available: number;
  pending: number;
  ledger_net: number;
  expected_net: number;
  ok: boolean;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

type Sums = Map<string, number>;

function add(sums: Sums, currency: unknown, amount: number): void {
  const key = String(currency);
  sums.set(key, (sums.get(key) ?? 0) + amount);
}

/** What a dispute took from the balance: amount and fee, unless it was won (both returned). */
function disputeNet(dispute: StoredRecord): number {
  if (dispute.data.status === 'won') return 0;
  return -Number(dispute.data.amount) - DISPUTE_FEE;
}

function expectedNet(k: Kernel, owner: string): Sums {
  const sums: Sums = new Map();
  for (const c of k.store.all('charge', owner)) {
    const txn = typeof c.data.balance_transaction === 'string' ? k.store.get(c.data.balance_transaction) : undefined;
    if (txn) add(sums, c.data.currency, Number(c.data.amount_captured) - Number(txn.data.fee));
  }
  for (const r of k.store.all('refund', owner)) add(sums, r.data.currency, -Number(r.data.amount));
  for (const d of k.store.all('dispute', owner)) add(sums, d.data.currency, disputeNet(d));
  for (const t of k.store.all('transfer', owner)) add(sums, t.data.currency, -Number(t.data.amount));
  for (const v of k.store.all('transfer_reversal', owner)) add(sums, v.data.currency, Number(v.data.amount));
  for (const p of k.store.all('payout', owner))
    add(sums, p.data.currency, p.data.status === 'failed' ? 0 : -Number(p.data.amount));
  return sums;
}

function sumBy(records: readonly StoredRecord[], key: string, match: (r: StoredRecord) => boolean): number {
  return records.filter(match).reduce((total, r) => total + Number(r.data[key]), 0);
}

function objectChecks(k: Kernel): Check[] {
  const checks: Check[] = [];
  const refunds = k.store.all('refund');
  for (const charge of k.store.all('charge')) {
    if (charge.data.captured !== true) continue;
    const refunded = sumBy(refunds, 'amount', (r) => r.data.charge === charge.id);
    const released = Number(charge.data.amount) - Number(charge.data.amount_captured);
    const ok = refunded + released === Number(charge.data.amount_refunded);
    if (!ok)
      checks.push({
        name: `charge ${charge.id} amount_refunded`,
        ok,
        detail: `refunds ${refunded} + released ${released} ≠ ${String(charge.data.amount_refunded)}`,
      });
  }
  const reversals = k.store.all('transfer_reversal');
  for (const transfer of k.store.all('transfer')) {
    const reversed = sumBy(reversals, 'amount', (r) => r.data.transfer === transfer.id);
    const ok = reversed === Number(transfer.data.amount_reversed);
    if (!ok)
      checks.push({
        name: `transfer ${transfer.id} amount_reversed`,
        ok,
        detail: `reversals ${reversed} ≠ ${String(transfer.data.amount_reversed)}`,
      });
  }
  return checks;
}

export function reconcile(k: Kernel): { ok: boolean; accounts: AccountBooks[]; checks: Check[] } {
  const accounts: AccountBooks[] = [];
  const total: Sums = new Map();
  const external: Sums = new Map();
  for (const account of k.store.all('account', k.store.platformAccountId)) {
    const ledger: Sums = new Map();
    for (const txn of k.store.all('balance_transaction', account.id))
      add(ledger, txn.data.currency, Number(txn.data.net));
    const expected = expectedNet(k, account.id);
    const { available, pending } = balancesOf(k, account.id);
    for (const currency of new Set([...ledger.keys(), ...expected.keys()])) {
      const net = ledger.get(currency) ?? 0;
      const want = expected.get(currency) ?? 0;
      const books = { available: available.get(currency) ?? 0, pending: pending.get(currency) ?? 0 };
      accounts.push({
        account: account.id,
        currency,
        ...books,
        ledger_net: net,
        expected_net: want,
        ok: net === want && books.available + books.pending === net,
      });
      add(total, currency, net);
    }
    for (const c of k.store.all('charge', account.id)) {
      const txn = typeof c.data.balance_transaction === 'string' ? k.store.get(c.data.balance_transaction) : undefined;
      if (txn && typeof c.data.payment_method === 'string')
        add(external, c.data.currency, Number(c.data.amount_captured) - Number(txn.data.fee));
    }
    for (const r of k.store.all('refund', account.id))
      if (typeof r.data.payment_method === 'string') add(external, r.data.currency, -Number(r.data.amount));
    for (const p of k.store.all('payout', account.id))
      if (p.data.status !== 'failed') add(external, p.data.currency, -Number(p.data.amount));
    for (const d of k.store.all('dispute', account.id)) add(external, d.data.currency, disputeNet(d));
  }
  const checks = objectChecks(k);
  for (const currency of new Set([...total.keys(), ...external.keys()])) {
    const ok = (total.get(currency) ?? 0) === (external.get(currency) ?? 0);
    checks.push({
      name: `conservation ${currency}`,
      ok,
      detail: `Σ balances ${total.get(currency) ?? 0} = card money in − fees − refunds − disputes − payouts ${external.get(currency) ?? 0}`,
    });
  }
  return { ok: accounts.every((a) => a.ok) && checks.every((c) => c.ok), accounts, checks };
}
