import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { bookingReference, formatDate, formatMinor, formatPeriod } from './payout-format.ts';
import { usePartnerBalance, usePartnerPayouts, usePartnerTransfers } from './payouts-queries.ts';

const transferTone: Record<string, string> = {
  scheduled: 'badge-neutral',
  sending: 'badge-warning',
  sent: 'badge-success',
  failed: 'badge-danger',
  frozen: 'badge-warning',
  canceled: 'badge-neutral',
};

const payoutTone: Record<string, string> = {
  pending: 'badge-neutral',
  in_transit: 'badge-warning',
  paid: 'badge-success',
  failed: 'badge-danger',
  canceled: 'badge-neutral',
};

function Empty({ title, body, testId }: { title: string; body: string; testId: string }) {
  return (
    <div className="money-empty" data-testid={testId}>
      <p className="money-empty-title">{title}</p>
      <p className="muted">{body}</p>
    </div>
  );
}

/** What Stripe holds for the partner, per currency: available (can be paid out) and pending. */
export function BalanceCard() {
  const { t, i18n } = useTranslation('billing');
  const balance = usePartnerBalance();
  const rows = balance.data ?? [];
  return (
    <section className="card" aria-labelledby="balance-title" data-testid="balance-card">
      <h2 id="balance-title">{t('payouts.balance.title')}</h2>
      {balance.isPending && <Loading />}
      <ProblemAlert error={balance.error} />
      {balance.data && rows.length === 0 && (
        <Empty title={t('payouts.balance.emptyTitle')} body={t('payouts.balance.emptyBody')} testId="balance-empty" />
      )}
      {rows.map((row) => (
        <div key={row.currency} className="balance-row" data-testid="balance-row" data-currency={row.currency}>
          <div className="balance-figure">
            <span className="muted">{t('payouts.balance.available')}</span>
            <strong className="balance-available">
              {formatMinor(row.availableMinor, row.currency, i18n.language)}
            </strong>
          </div>
          <div className="balance-figure">
            <span className="muted">{t('payouts.balance.pending')}</span>
            <strong>{formatMinor(row.pendingMinor, row.currency, i18n.language)}</strong>
          </div>
        </div>
      ))}
      {rows.length > 0 && <p className="field-hint">{t('payouts.balance.hint')}</p>}
    </section>
  );
}

/** One transfer per booking: the partner's share, what a refund took back, where it stands. */
export function TransfersCard() {
  const { t, i18n } = useTranslation('billing');
  const transfers = usePartnerTransfers();
  const rows = transfers.data ?? [];
  const money = (minor: number, currency: string) => formatMinor(minor, currency, i18n.language);
  return (
    <section className="card card-wide" aria-labelledby="transfers-title" data-testid="transfers-card">
      <h2 id="transfers-title">{t('payouts.transfers.title')}</h2>
      <p className="muted card-lead">{t('payouts.transfers.subtitle')}</p>
      {transfers.isPending && <Loading />}
      <ProblemAlert error={transfers.error} />
      {transfers.data && rows.length === 0 && (
        <Empty
          title={t('payouts.transfers.emptyTitle')}
          body={t('payouts.transfers.emptyBody')}
          testId="transfers-empty"
        />
      )}
      {rows.length > 0 && (
        <table className="table money-table" data-testid="transfers-table">
          <thead>
            <tr>
              <th scope="col">{t('payouts.transfers.booking')}</th>
              <th scope="col" className="num">
                {t('payouts.transfers.amount')}
              </th>
              <th scope="col" className="num">
                {t('payouts.transfers.reversed')}
              </th>
              <th scope="col">{t('payouts.transfers.status')}</th>
              <th scope="col">{t('payouts.transfers.date')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="transfer-row">
                <td data-label={t('payouts.transfers.booking')}>
                  <div>
                    <span className="money-cell-title">{row.packageTitle}</span>
                    <span className="muted mono">{bookingReference(row.bookingId)}</span>
                  </div>
                </td>
                <td className="num" data-label={t('payouts.transfers.amount')}>
                  {money(row.amountMinor, row.currency)}
                </td>
                <td className="num" data-label={t('payouts.transfers.reversed')}>
                  {row.amountReversedMinor > 0 ? `−${money(row.amountReversedMinor, row.currency)}` : '—'}
                </td>
                <td data-label={t('payouts.transfers.status')}>
                  <span className={`badge ${transferTone[row.status] ?? 'badge-neutral'}`}>
                    {t(`payouts.transfers.statuses.${row.status}`, { defaultValue: row.status })}
                  </span>
                </td>
                <td data-label={t('payouts.transfers.date')}>
                  {formatDate(row.sentAt ?? row.createdAt, i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Stripe's payouts from the partner's balance to its bank account. */
export function PayoutsCard() {
  const { t, i18n } = useTranslation('billing');
  const payouts = usePartnerPayouts();
  const rows = payouts.data ?? [];
  return (
    <section className="card card-wide" aria-labelledby="payouts-title" data-testid="payouts-card">
      <h2 id="payouts-title">{t('payouts.payouts.title')}</h2>
      <p className="muted card-lead">{t('payouts.payouts.subtitle')}</p>
      {payouts.isPending && <Loading />}
      <ProblemAlert error={payouts.error} />
      {payouts.data && rows.length === 0 && (
        <Empty title={t('payouts.payouts.emptyTitle')} body={t('payouts.payouts.emptyBody')} testId="payouts-empty" />
      )}
      {rows.length > 0 && (
        <table className="table money-table" data-testid="payouts-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('payouts.payouts.amount')}
              </th>
              <th scope="col">{t('payouts.payouts.status')}</th>
              <th scope="col">{t('payouts.payouts.arrival')}</th>
              <th scope="col">{t('payouts.payouts.period')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="payout-row">
                <td className="num" data-label={t('payouts.payouts.amount')}>
                  {formatMinor(row.amountMinor, row.currency, i18n.language)}
                </td>
                <td data-label={t('payouts.payouts.status')}>
                  <div>
                    <span className={`badge ${payoutTone[row.status] ?? 'badge-neutral'}`}>
                      {t(`payouts.payouts.statuses.${row.status}`, { defaultValue: row.status })}
                    </span>
                    {row.failureCode && <span className="muted money-failure">{row.failureCode}</span>}
                  </div>
                </td>
                <td data-label={t('payouts.payouts.arrival')}>{formatDate(row.arrivalAt, i18n.language)}</td>
                <td data-label={t('payouts.payouts.period')}>
                  {formatPeriod(row.periodStart, row.periodEnd, i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
