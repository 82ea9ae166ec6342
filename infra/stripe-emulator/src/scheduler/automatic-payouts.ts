// What happens at each midnight (UTC) of the emulator clock: `balance.available` for accounts
// whose available balance grew, then automatic payouts per each account's payout schedule.
import { systemOrigin, type Kernel } from '../kernel.ts';
import type { StoredRecord } from '../state/types.ts';
import { emitEvent } from '../resources/events.service.ts';
import { balanceObject, balancesOf } from '../resources/ledger.ts';
import { issuePayout } from '../resources/payouts.service.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function scheduleDue(account: StoredRecord, dayStart: number): boolean {
  const settings = account.data.settings as { payouts?: { schedule?: Record<string, unknown> } };
  const schedule = settings.payouts?.schedule ?? {};
  const date = new Date(dayStart * 1000);
  switch (schedule.interval) {
    case 'daily':
      return true;
    case 'weekly':
      return WEEKDAYS[date.getUTCDay()] === (schedule.weekly_anchor ?? 'monday');
    case 'monthly':
      return date.getUTCDate() === Number(schedule.monthly_anchor ?? 1);
    default:
      return false;
  }
}

function availableSnapshot(k: Kernel, account: string): string {
  return JSON.stringify([...balancesOf(k, account).available].sort());
}

function payOutAvailable(k: Kernel, account: StoredRecord): void {
  const now = k.clock.now();
  for (const [currency, amount] of balancesOf(k, account.id).available) {
    if (amount <= 0) continue;
    const payout = issuePayout(k, { account, amount, currency, automatic: true }, systemOrigin(account.id));
    // Lets GET /v1/balance_transactions?payout=po_… list what this payout settled.
    for (const txn of k.store.all('balance_transaction', account.id)) {
      if (txn.internal.payout === undefined && txn.data.currency === currency && Number(txn.data.available_on) <= now)
        txn.internal.payout = payout.id;
    }
  }
}

export function runDaily(k: Kernel, dayStart: number): void {
  for (const account of k.store.all('account', k.store.platformAccountId)) {
    if (account.internal.deleted) continue;
    const snapshot = availableSnapshot(k, account.id);
    if (snapshot !== account.internal.lastAvailable && balancesOf(k, account.id).available.size > 0) {
      emitEvent(
        k,
        'balance.available',
        balanceObject(k, account.id, String(account.data.default_currency)),
        systemOrigin(account.id),
      );
    }
    if (account.data.payouts_enabled === true && scheduleDue(account, dayStart)) payOutAvailable(k, account);
    account.internal.lastAvailable = availableSnapshot(k, account.id);
  }
}
