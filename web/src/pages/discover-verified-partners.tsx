import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { usePartnerDirectory } from './directory/directory-queries.ts';
import { PartnerCard } from './directory/partner-card.tsx';
import { useDisplayNames } from '../lib/display-names.ts';
import './discover-verified-partners.css';

const SHOWN = 6;
const SKELETONS = 3;

/** Card-shaped placeholders, so the section keeps its height while partners load. */
function VerifiedPartnersSkeleton() {
  const { t } = useTranslation('discover');
  return (
    <div data-testid="discover-verified-loading">
      <span className="visually-hidden" role="status">
        {t('common:loading')}
      </span>
      <ul className="partner-grid" aria-hidden="true">
        {Array.from({ length: SKELETONS }, (_, index) => (
          <li key={index} className="card partner-card partner-card-skeleton">
            <div className="partner-card-head">
              <span className="skeleton skeleton-logo" />
              <div className="skeleton-lines">
                <span className="skeleton skeleton-line" style={{ width: '70%' }} />
                <span className="skeleton skeleton-line" style={{ width: '45%' }} />
              </div>
            </div>
            <span className="skeleton skeleton-line" style={{ width: '35%' }} />
            <span className="skeleton skeleton-line" />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Discover's "Partner Verified" strip: the same cards and badge as the directory. */
export function DiscoverVerifiedPartners() {
  const { t } = useTranslation('discover');
  const names = useDisplayNames();
  const result = usePartnerDirectory({ verified: 'true', pageSize: SHOWN });
  return (
    <section
      className="discover-verified"
      aria-labelledby="discover-verified-title"
      data-testid="discover-verified-partners"
      style={{ marginTop: 'var(--space-6)' }}
    >
      <div className="card-header">
        <h2 id="discover-verified-title">{t('verifiedPartners.title')}</h2>
        <Link to="/partners" data-testid="discover-verified-all">
          {t('verifiedPartners.all')}
        </Link>
      </div>
      <p className="muted">{t('verifiedPartners.subtitle')}</p>
      {result.isPending && <VerifiedPartnersSkeleton />}
      {result.isError && <ProblemAlert error={result.error} />}
      {result.data && result.data.items.length === 0 && (
        <div className="empty-state discover-verified-empty" data-testid="discover-verified-empty">
          <p className="muted">{t('verifiedPartners.empty')}</p>
        </div>
      )}
      {result.data && result.data.items.length > 0 && (
        <ul className="partner-grid">
          {result.data.items.map((partner, index) => (
            <PartnerCard key={partner.id} partner={partner} names={names} index={index} fromSearch="" />
          ))}
        </ul>
      )}
    </section>
  );
}
