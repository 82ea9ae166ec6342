import type { ReconciliationMismatch, ReconciliationRun, ReconciliationView } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { AdminCardHeader } from '../admin-card-header.tsx';
import { formatAmount, formatRate, shortId } from './money-format.ts';
import { useReconciliation, useStartReconciliation } from './money-queries.ts';

const statusBadge: Record<ReconciliationRun['status'], string> = {
  running: 'badge badge-warning',
  succeeded: 'badge badge-success',
  failed: 'badge badge-danger',
};

/**
 * Reconciliation: run it now, the latest runs, and what the last finished run found, each
 * mismatch with its cause. Polls while a run is in progress.
 */
export function ReconciliationPanel() {
  const { t } = useTranslation('billing-admin');
  const query = useReconciliation();
  const start = useStartReconciliation();
  const running = query.data?.runs.some((r) => r.status === 'running') ?? false;

  return (
    <div className="stack">
      <section className="card" aria-labelledby="recon-title" data-testid="money-reconciliation">
        <AdminCardHeader
          titleId="recon-title"
          title={t('reconciliation.title')}
          description={t('reconciliation.description')}
          refreshLabel={t('refresh')}
          onRefresh={() => void query.refetch()}
          refreshing={query.isFetching}
        >
          <button
            type="button"
            className="btn btn-primary"
            data-testid="money-run-now"
            disabled={start.isPending || running}
            onClick={() => start.mutate()}
          >
            {running || start.isPending ? t('reconciliation.running') : t('reconciliation.runNow')}
          </button>
        </AdminCardHeader>
        <ProblemAlert error={start.error ?? query.error} />
        {start.isSuccess && running && (
          <p className="muted" role="status">
            {t('reconciliation.started')}
          </p>
        )}
        {query.isPending && <Loading />}
        {query.data && query.data.runs.length === 0 && (
          <div className="empty-state" data-testid="money-no-run">
            <h3>{t('reconciliation.emptyTitle')}</h3>
            <p className="muted">{t('reconciliation.emptyBody')}</p>
          </div>
        )}
        {query.data && query.data.runs.length > 0 && <RunsTable runs={query.data.runs} />}
      </section>
      {query.data?.latest && <LatestFindings view={query.data} />}
    </div>
  );
}

function RunsTable({ runs }: { runs: ReconciliationRun[] }) {
  const { t, i18n } = useTranslation('billing-admin');
  const lang = i18n.language;
  const col = (key: string) => t(`reconciliation.columns.${key}`);
  return (
    <div className="table-wrap money-table">
      <table className="table table-stack">
        <caption className="visually-hidden">{t('reconciliation.runsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{col('startedAt')}</th>
            <th scope="col">{col('trigger')}</th>
            <th scope="col">{col('status')}</th>
            <th scope="col" className="num">
              {col('bookingsChecked')}
            </th>
            <th scope="col" className="num">
              {col('mismatches')}
            </th>
            <th scope="col" className="num">
              {col('rate')}
            </th>
            <th scope="col">{col('finishedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid="money-run">
              <td data-label={col('startedAt')}>{formatDateTime(run.startedAt, lang)}</td>
              <td data-label={col('trigger')}>{t(`reconciliation.triggers.${run.trigger}`)}</td>
              <td data-label={col('status')}>
                <span className={statusBadge[run.status]}>{t(`reconciliation.statuses.${run.status}`)}</span>
                {run.error && <div className="muted money-error">{run.error}</div>}
              </td>
              <td data-label={col('bookingsChecked')} className="num">
                {formatNumber(run.bookingsChecked, lang)}
              </td>
              <td data-label={col('mismatches')} className="num">
                {formatNumber(run.mismatchCount, lang)}
              </td>
              <td data-label={col('rate')} className="num">
                {run.status === 'running' ? '—' : formatRate(run.mismatchRate, lang)}
              </td>
              <td data-label={col('finishedAt')}>{formatDateTime(run.finishedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LatestFindings({ view }: { view: ReconciliationView }) {
  const { t, i18n } = useTranslation('billing-admin');
  const latest = view.latest!;
  const run = view.runs.find((r) => r.id === latest.runId);
  return (
    <section className="card" aria-labelledby="recon-latest-title" data-testid="money-latest">
      <h2 id="recon-latest-title">{t('reconciliation.latestTitle')}</h2>
      {run && (
        <p className="muted" style={{ marginTop: 0 }}>
          {t('reconciliation.latestOf', { date: formatDateTime(run.startedAt, i18n.language) })}
        </p>
      )}
      {latest.status === 'failed' && (
        <div className="alert alert-error" role="status">
          <p className="alert-title">{t('reconciliation.failedTitle')}</p>
          <p style={{ margin: 0 }}>{run?.error ?? ''}</p>
        </div>
      )}
      {latest.status === 'succeeded' && latest.mismatches.length === 0 && (
        <div className="alert alert-success" role="status" data-testid="money-all-clear">
          <p className="alert-title" style={{ margin: 0 }}>
            {!run?.bookingsChecked
              ? t('reconciliation.nothingToCheck')
              : run.bookingsChecked === 1
                ? t('reconciliation.allClearOne', { count: 1 })
                : t('reconciliation.allClear', { count: run.bookingsChecked })}
          </p>
        </div>
      )}
      {latest.mismatches.length > 0 && (
        <ul className="mismatch-list">
          {latest.mismatches.map((m, index) => (
            <MismatchItem key={`${m.bookingId ?? 'none'}-${m.kind}-${index}`} mismatch={m} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MismatchItem({ mismatch }: { mismatch: ReconciliationMismatch }) {
  const { t, i18n } = useTranslation('billing-admin');
  const lang = i18n.language;
  /** The cause in the admin's language (amounts formatted); the server's English one when its code is unknown here. */
  const causeText = (m: ReconciliationMismatch) => {
    if (!m.causeCode) return m.cause;
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(m.causeParams)) {
      values[key] =
        key.endsWith('Minor') && typeof value === 'number' ? formatAmount(value, m.currency, lang) : String(value);
    }
    return t(`reconciliation.causes.${m.causeCode}`, { ...values, defaultValue: m.cause });
  };
  return (
    <li className="mismatch" data-testid="money-mismatch">
      <div className="mismatch-head">
        <span className="badge badge-danger">{t(`reconciliation.kinds.${mismatch.kind}`)}</span>
        {mismatch.bookingId && (
          <span className="muted">
            {t('reconciliation.booking')}{' '}
            <span className="mono" title={mismatch.bookingId}>
              {shortId(mismatch.bookingId)}
            </span>
          </span>
        )}
      </div>
      <dl className="mismatch-amounts">
        <div>
          <dt>{t('reconciliation.expected')}</dt>
          <dd>{formatAmount(mismatch.expectedMinor, mismatch.currency, lang)}</dd>
        </div>
        <div>
          <dt>{t('reconciliation.actual')}</dt>
          <dd>{formatAmount(mismatch.actualMinor, mismatch.currency, lang)}</dd>
        </div>
      </dl>
      <p className="mismatch-cause">
        <span className="visually-hidden">{t('reconciliation.cause')}: </span>
        {causeText(mismatch)}
      </p>
    </li>
  );
}
