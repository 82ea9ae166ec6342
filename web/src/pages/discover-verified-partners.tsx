import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listPartners } from '../api/directory-api.ts';
import { Loading } from '../components/ui/loading.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { PartnerCard } from './directory/partner-card.tsx';
import { useDisplayNames } from '../lib/display-names.ts';
import '../styles/directory.css';

const SHOWN = 6;
const VERIFIED_QUERY = 'verified=true';

/** Discover's "Partner Verified" strip: the same cards and badge as the directory. */
export function DiscoverVerifiedPartners() {
  const { t } = useTranslation('discover');
  const names = useDisplayNames();
  const result = useQuery({
    queryKey: ['directory', { verified: 'true', pageSize: SHOWN }],
    queryFn: ({ signal }) => listPartners({ verified: 'true', pageSize: SHOWN }, signal),
  });
  return (
    <section
      className="discover-verified"
      aria-labelledby="discover-verified-title"
      data-testid="discover-verified-partners"
      style={{ marginTop: 'var(--space-6)' }}
    >
      <div className="card-header">
        <h2 id="discover-verified-title">{t('verifiedPartners.title')}</h2>
        <Link to={`/partners?${VERIFIED_QUERY}`} data-testid="discover-verified-all">
          {t('verifiedPartners.all')}
        </Link>
      </div>
      <p className="muted">{t('verifiedPartners.subtitle')}</p>
      {result.isPending && <Loading />}
      {result.isError && <ProblemAlert error={result.error} />}
      {result.data && result.data.items.length === 0 && <p className="muted">{t('verifiedPartners.empty')}</p>}
      {result.data && result.data.items.length > 0 && (
        <ul className="partner-grid">
          {result.data.items.map((partner, index) => (
            <PartnerCard key={partner.id} partner={partner} names={names} index={index} fromSearch={VERIFIED_QUERY} />
          ))}
        </ul>
      )}
    </section>
  );
}
