import type { ApexOptions } from 'apexcharts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DashboardChart } from '../../components/charts/dashboard-chart.tsx';
import { StatusBanner } from '../../components/partner/status-banner.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { BecomePartner } from './become-partner.tsx';
import { partnerSections } from './partner-sections.ts';
import { PartnerSummary } from './partner-summary.tsx';
import { WithMyPartner } from './with-my-partner.tsx';

/** Illustrative curve for the chart preview; labelled as sample data on screen. */
const sampleViews = [120, 180, 150, 240, 310, 280, 360];
const sampleBookings = [4, 7, 5, 9, 14, 12, 17];

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
            <PartnerDashboard />
          </div>
        </div>
      )}
    </WithMyPartner>
  );
}

function PartnerDashboard() {
  const { t, i18n } = useTranslation('partner');
  const days = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { weekday: 'short' });
    // 2024-01-01 was a Monday: seven consecutive days give localised weekday names.
    return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i, 12))));
  }, [i18n.language]);
  const views = t('overview.seriesViews');
  const bookings = t('overview.seriesBookings');
  // Bookings are two orders of magnitude below views: give each its own axis.
  const options = useMemo<ApexOptions>(
    () => ({ yaxis: [{ title: { text: views } }, { opposite: true, title: { text: bookings } }] }),
    [views, bookings],
  );

  return (
    <>
      <section className="card card-wide" aria-labelledby="partner-chart-title">
        <div className="card-header">
          <div>
            <h2 id="partner-chart-title">{t('overview.chartTitle')}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {t('overview.chartSubtitle')}
            </p>
          </div>
        </div>
        <DashboardChart
          title={t('overview.chartTitle')}
          description={t('overview.chartDescription')}
          categories={days}
          sample
          options={options}
          series={[
            { name: views, data: sampleViews },
            { name: bookings, data: sampleBookings },
          ]}
        />
      </section>
      {partnerSections.map((section) => (
        <section key={section} className="card" aria-labelledby={`partner-${section}-title`}>
          <div className="card-header">
            <h2 id={`partner-${section}-title`}>{t(`sections.${section}.title`)}</h2>
            <span className="badge badge-neutral">{t('common:comingSoon')}</span>
          </div>
          <p className="muted">{t(`sections.${section}.description`)}</p>
          <Link to={`/partner/${section}`}>{t('overview.open')}</Link>
        </section>
      ))}
    </>
  );
}
