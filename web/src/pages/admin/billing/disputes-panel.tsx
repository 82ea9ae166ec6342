import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { AdminCardHeader } from '../admin-card-header.tsx';
import { formatAmount, shortId } from './money-format.ts';
import { useDisputes } from './money-queries.ts';

/**
 * Card disputes as Stripe reported them, newest first; a dispute freezes its booking's transfers,
 * and a lost one shows what its chargeback canceled and what the platform lost.
 */
export function DisputesPanel() {
  const { t, i18n } = useTranslation('billing-admin');
  const lang = i18n.language;
  const query = useDisputes();
  const col = (key: string) => t(`disputes.columns.${key}`);

  return (
    <section className="card" aria-labelledby="disputes-title" data-testid="money-disputes">
      <AdminCardHeader
        titleId="disputes-title"
        title={t('disputes.title')}
        description={t('disputes.description')}
        refreshLabel={t('refresh')}
        onRefresh={() => void query.refetch()}
        refreshing={query.isFetching}
      />
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && query.data.length === 0 && (
        <div className="empty-state" data-testid="money-no-disputes">
          <h3>{t('disputes.emptyTitle')}</h3>
          <p className="muted">{t('disputes.emptyBody')}</p>
        </div>
      )}
      {query.data && query.data.length > 0 && (
        <div className="table-wrap money-table">
          <table className="table table-stack">
            <caption className="visually-hidden">{t('disputes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{col('createdAt')}</th>
                <th scope="col">{col('dispute')}</th>
                <th scope="col">{col('booking')}</th>
                <th scope="col" className="num">
                  {col('amount')}
                </th>
                <th scope="col">{col('status')}</th>
                <th scope="col">{col('reason')}</th>
                <th scope="col">{col('outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((d) => (
                <tr key={d.id} data-testid="money-dispute">
                  <td data-label={col('createdAt')}>{formatDateTime(d.createdAt, lang)}</td>
                  <td data-label={col('dispute')}>
                    <span className="mono">{d.id}</span>
                  </td>
                  <td data-label={col('booking')} className={d.bookingId ? undefined : 'money-empty'}>
                    <span className="mono" title={d.bookingId ?? ''}>
                      {d.bookingId ? shortId(d.bookingId) : '—'}
                    </span>
                  </td>
                  <td data-label={col('amount')} className="num">
                    {formatAmount(d.amountMinor, d.currency, lang)}
                  </td>
                  <td data-label={col('status')}>
                    <span className="badge badge-warning">
                      {t(`disputes.statuses.${d.status}`, { defaultValue: d.status })}
                    </span>
                  </td>
                  <td data-label={col('reason')} className={d.reason ? undefined : 'money-empty'}>
                    {d.reason ? t(`disputes.reasons.${d.reason}`, { defaultValue: d.reason }) : '—'}
                  </td>
                  <td data-label={col('outcome')} className={d.outcome ? undefined : 'money-empty'}>
                    {d.outcome ? (
                      <span data-testid="money-dispute-outcome">
                        {t('disputes.outcome.canceled', {
                          transfers: d.outcome.canceledTransfers,
                          amount: formatAmount(d.outcome.canceledMinor, d.currency, lang),
                        })}
                        <br />
                        {t('disputes.outcome.loss', { amount: formatAmount(d.outcome.lossMinor, d.currency, lang) })}
                        <br />
                        {t('disputes.outcome.fee', { amount: formatAmount(d.outcome.feeMinor, d.currency, lang) })}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
