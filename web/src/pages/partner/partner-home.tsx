import { useTranslation } from 'react-i18next';
import { StatusBanner } from '../../components/partner/status-banner.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { BecomePartner } from './become-partner.tsx';
import { PartnerSummary } from './partner-summary.tsx';
import { WithMyPartner } from './with-my-partner.tsx';

/** The overview: "become a partner" for newcomers, status and summary for members. */
export function PartnerHome() {
  const { t } = useTranslation('partner');
  useDocumentTitle(t('title'));
  return (
    <WithMyPartner none={<BecomePartner />}>
      {(my) => (
        <div className="stack">
          <StatusBanner partner={my.partner} />
          <div className="grid">
            <PartnerSummary my={my} />
            <AnalyticsEmpty />
          </div>
        </div>
      )}
    </WithMyPartner>
  );
}

/**
 * Views and bookings do not exist yet (no booking flow, no analytics service): an honest empty
 * state, no figures and no chart library on this screen.
 */
function AnalyticsEmpty() {
  const { t } = useTranslation('partner');
  return (
    <section className="card card-wide" aria-labelledby="partner-analytics-title" data-testid="partner-analytics-empty">
      <h2 id="partner-analytics-title">{t('overview.analyticsTitle')}</h2>
      <div className="empty-state" style={{ marginTop: 'var(--space-3)' }}>
        <p className="muted" style={{ margin: 0 }}>
          {t('overview.analyticsEmpty')}
        </p>
      </div>
    </section>
  );
}
