import type { MoneyAuditPage } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { AdminCardHeader } from '../admin-card-header.tsx';
import { formatAmount, shortId } from './money-format.ts';
import { useMoneyAudit } from './money-queries.ts';

/** billing's hash-chained audit log, newest first, page by page, with the chain's verdict. */
export function MoneyAuditPanel() {
  const { t } = useTranslation('billing-admin');
  // The cursors of the pages before this one, so "Newer" goes back without re-counting.
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const query = useMoneyAudit(cursor);
  const first = useMoneyAudit(null);
  const chain = first.data?.chain ?? null;

  return (
    <section className="card" aria-labelledby="money-audit-title" data-testid="money-audit">
      <AdminCardHeader
        titleId="money-audit-title"
        title={t('audit.title')}
        description={t('audit.description')}
        refreshLabel={t('refresh')}
        onRefresh={() => {
          setCursors([null]);
          void first.refetch();
        }}
        refreshing={query.isFetching}
      />
      {chain && <ChainBadge chain={chain} />}
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && query.data.items.length === 0 && cursor === null && (
        <div className="empty-state" data-testid="money-audit-empty">
          <h3>{t('audit.emptyTitle')}</h3>
          <p className="muted">{t('audit.emptyBody')}</p>
        </div>
      )}
      {query.data && query.data.items.length > 0 && <AuditTable page={query.data} />}
      {query.data && (cursors.length > 1 || query.data.nextCursor !== null) && (
        <nav className="money-pager" aria-label={t('audit.pagerLabel')}>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((list) => list.slice(0, -1))}
          >
            {t('audit.newer')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="money-audit-older"
            disabled={query.data.nextCursor === null || query.isPlaceholderData}
            onClick={() => setCursors((list) => [...list, query.data!.nextCursor])}
          >
            {t('audit.older')}
          </button>
        </nav>
      )}
    </section>
  );
}

function ChainBadge({ chain }: { chain: NonNullable<MoneyAuditPage['chain']> }) {
  const { t, i18n } = useTranslation('billing-admin');
  return (
    <p className="money-chain" role="status" data-testid="money-audit-chain" data-ok={chain.ok}>
      <span className={chain.ok ? 'badge badge-success' : 'badge badge-danger'}>
        {chain.ok ? t('audit.chainOk') : t('audit.chainBroken')}
      </span>{' '}
      <span className="muted">
        {chain.ok
          ? t('audit.chainOkDetail', { checked: formatNumber(chain.checked, i18n.language) })
          : t('audit.chainBrokenDetail', { seq: chain.firstBrokenSeq ?? '?' })}
      </span>
    </p>
  );
}

function AuditTable({ page }: { page: MoneyAuditPage }) {
  const { t, i18n } = useTranslation('billing-admin');
  const lang = i18n.language;
  const col = (key: string) => t(`audit.columns.${key}`);
  return (
    <div className="table-wrap money-table">
      <table className="table table-stack">
        <caption className="visually-hidden">{t('audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{col('at')}</th>
            <th scope="col">{col('action')}</th>
            <th scope="col">{col('actor')}</th>
            <th scope="col">{col('booking')}</th>
            <th scope="col" className="num">
              {col('amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((entry) => (
            <tr key={entry.seq} data-testid="money-audit-entry">
              <td data-label={col('at')}>
                {formatDateTime(entry.occurredAt, lang)} <span className="muted">#{entry.seq}</span>
              </td>
              <td data-label={col('action')}>
                {t(`audit.actions.${entry.action.replaceAll('.', '_')}`, { defaultValue: entry.action })}
              </td>
              <td data-label={col('actor')}>
                {t(`audit.roles.${entry.actorRole ?? 'system'}`, { defaultValue: entry.actorRole ?? '' })}
                {entry.actorId && (
                  <div className="muted mono" title={entry.actorId}>
                    {shortId(entry.actorId)}
                  </div>
                )}
              </td>
              <td data-label={col('booking')} className={entry.bookingId ? undefined : 'money-empty'}>
                <span className="mono" title={entry.bookingId ?? ''}>
                  {entry.bookingId ? shortId(entry.bookingId) : '—'}
                </span>
              </td>
              <td data-label={col('amount')} className={entry.amountMinor === null ? 'num money-empty' : 'num'}>
                {formatAmount(entry.amountMinor, entry.currency, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
