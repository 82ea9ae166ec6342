import { requiredDocuments } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { VerifiedBadge } from '../../components/ui/verified-badge.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { PartnerLogo } from '../directory/partner-logo.tsx';
import { useAdminPartner } from './admin-queries.ts';
import { AutomatedChecks } from './automated-checks.tsx';
import { DecisionHistory } from './decision-history.tsx';
import { DecisionPanel } from './decision-panel.tsx';
import { PartnerDocuments } from './partner-documents.tsx';
import { PartnerFacts } from './partner-facts.tsx';
import { usePartnersLiveRefresh } from './use-partners-live-refresh.ts';
import './admin-partner-detail-page.css';

const statusBadge: Record<string, string> = {
  pending_review: 'badge',
  verified: 'badge badge-success',
  rejected: 'badge badge-danger',
  suspended: 'badge badge-danger',
};

/** Where "back" goes: the queue tab the admin came from, else the pending queue. */
function useBackTo(): string {
  const state = useLocation().state as { from?: unknown } | null;
  return typeof state?.from === 'string' && state.from.startsWith('/admin') ? state.from : '/admin/partners';
}

/** One application: declared facts, documents with previews, checks, decision and its history. */
export function AdminPartnerDetailPage() {
  const { t } = useTranslation('verification');
  const { id = '' } = useParams();
  const backTo = useBackTo();
  usePartnersLiveRefresh();
  const query = useAdminPartner(id);
  useDocumentTitle(query.data ? t('detail.documentTitle', { name: query.data.partner.name }) : t('detail.title'));
  const detail = query.data;

  return (
    <div className="stack" data-testid="admin-partner-detail">
      <Link to={backTo} className="back-link" state={null}>
        ← {t('detail.back')}
      </Link>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {detail && (
        <>
          <header className="row admin-detail-header">
            <PartnerLogo name={detail.partner.name} logoUrl={detail.partner.logoUrl} size={64} />
            <div className="stack" style={{ gap: 'var(--space-1)' }}>
              <h1 className="page-title" style={{ margin: 0 }}>
                {detail.partner.name}
              </h1>
              <div className="row" style={{ gap: 'var(--space-2)' }}>
                <span
                  className={statusBadge[detail.partner.status] ?? 'badge badge-neutral'}
                  data-testid="admin-partner-status"
                  data-status={detail.partner.status}
                >
                  {t(`statuses.${detail.partner.status}`)}
                </span>
                <span className="muted">{t(`common:partnerTypes.${detail.partner.type}`)}</span>
                {detail.partner.verified && <VerifiedBadge verifiedAt={detail.partner.verifiedAt} size="sm" />}
              </div>
            </div>
          </header>
          <div className="admin-detail-grid">
            <div className="stack">
              <PartnerFacts partner={detail.partner} />
              <PartnerDocuments
                key={detail.partner.id}
                partnerId={detail.partner.id}
                required={
                  detail.requiredDocuments.length ? detail.requiredDocuments : requiredDocuments[detail.partner.type]
                }
                documents={detail.documents}
                checks={detail.checks}
              />
            </div>
            <div className="stack">
              <DecisionPanel key={detail.partner.id} partner={detail.partner} backTo={backTo} />
              <AutomatedChecks checks={detail.checks} documents={detail.documents} vatId={detail.partner.vatId} />
              <DecisionHistory history={detail.history} ownerUserId={detail.partner.ownerUserId} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
