import type { AdminPartnerSummary } from '@contracts/http';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { queueStatuses, type QueueStatus } from '../../api/verification-api.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { Pager } from '../directory/pager.tsx';
import { useDisplayNames } from '../../lib/display-names.ts';
import { CheckSummary } from './check-summary.tsx';
import { QueueStatusTabs } from './queue-status-tabs.tsx';
import { usePartnersLiveRefresh } from './use-partners-live-refresh.ts';
import { AdminCardHeader } from './admin-card-header.tsx';
import { useAdminPartners } from './admin-queries.ts';
import './verification-queue.css';

const PAGE_SIZE = 20;

function readStatus(value: string | null): QueueStatus {
  return queueStatuses.find((status) => status === value) ?? 'pending_review';
}

function QueueRow({ item, from }: { item: AdminPartnerSummary; from: string }) {
  const { t, i18n } = useTranslation('verification');
  const names = useDisplayNames();
  const { partner } = item;
  return (
    <tr data-testid="admin-partner-row" data-partner-id={partner.id}>
      <td>
        <Link to={`/admin/partners/${partner.id}`} state={{ from }} className="queue-partner-link">
          {partner.name}
        </Link>
        {partner.legalName && partner.legalName !== partner.name && <div className="muted">{partner.legalName}</div>}
      </td>
      <td data-label={t('queue.columns.type')}>{t(`common:partnerTypes.${partner.type}`)}</td>
      <td data-label={t('queue.columns.country')}>{names.country(partner.country)}</td>
      <td data-label={t('queue.columns.submitted')}>{formatDateTime(partner.submittedAt, i18n.language)}</td>
      <td data-label={t('queue.columns.documents')}>{formatNumber(item.documentCount, i18n.language)}</td>
      <td data-label={t('queue.columns.checks')}>
        <CheckSummary checks={item.checks} />
      </td>
    </tr>
  );
}

/** Partners by verification status; pending applications come oldest first (the service's order). */
export function VerificationQueue() {
  const { t, i18n } = useTranslation('verification');
  const panelId = useId();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const status = readStatus(params.get('status'));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  usePartnersLiveRefresh();
  const query = useAdminPartners(status, page, PAGE_SIZE);

  const go = (next: { status?: QueueStatus; page?: number }) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        updated.set('status', next.status ?? status);
        if ((next.page ?? 1) > 1) updated.set('page', String(next.page));
        else updated.delete('page');
        return updated;
      },
      { replace: true },
    );
  const data = query.data;

  return (
    <section className="card" aria-labelledby="queue-title" data-testid="admin-partners-queue">
      <AdminCardHeader
        titleId="queue-title"
        title={t('queue.title')}
        description={t('queue.description')}
        refreshLabel={t('queue.refresh')}
        onRefresh={() => void query.refetch()}
        refreshing={query.isFetching}
      />
      <QueueStatusTabs value={status} onChange={(next) => go({ status: next })} panelId={panelId} />
      <div id={panelId} role="tabpanel" aria-busy={query.isFetching} className="stack queue-panel">
        <ProblemAlert error={query.error} />
        {query.isPending && <Loading />}
        {data && data.items.length === 0 && (
          <p className="muted" data-testid="admin-partners-empty">
            {t(`queue.empty.${status}`)}
          </p>
        )}
        {data && data.items.length > 0 && (
          <>
            <p className="muted" style={{ margin: 0 }}>
              {t('queue.total', { count: data.total, formatted: formatNumber(data.total, i18n.language) })}
            </p>
            <div className="table-wrap">
              <table className="table table-stack">
                <caption className="visually-hidden">{t(`statuses.${status}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('queue.columns.partner')}</th>
                    <th scope="col">{t('queue.columns.type')}</th>
                    <th scope="col">{t('queue.columns.country')}</th>
                    <th scope="col">{t('queue.columns.submitted')}</th>
                    <th scope="col">{t('queue.columns.documents')}</th>
                    <th scope="col">{t('queue.columns.checks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <QueueRow key={item.partner.id} item={item} from={location.pathname + location.search} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {data && (
          <Pager
            page={page}
            pageSize={data.pageSize || PAGE_SIZE}
            total={data.total}
            onPage={(next) => go({ page: next })}
            testIdPrefix="admin-partners"
          />
        )}
      </div>
    </section>
  );
}
