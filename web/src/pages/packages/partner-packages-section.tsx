import type { Locale } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { PackageCard } from './package-card.tsx';
import { usePartnerPackages } from './packages-queries.ts';

/** On a partner's public profile: the packages it sells (GET /api/partners/:id/packages). */
export function PartnerPackagesSection({ partnerId, partnerName }: { partnerId: string; partnerName: string }) {
  const { t, i18n } = useTranslation('booking');
  const query = usePartnerPackages(partnerId, i18n.language as Locale);
  return (
    <section className="stack" aria-labelledby="partner-packages-title" data-testid="partner-packages">
      <h2 id="partner-packages-title" className="section-title" style={{ margin: 0 }}>
        {t('partnerPackages.title')}
      </h2>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data && query.data.items.length === 0 && (
        <p className="muted" data-testid="partner-packages-empty" style={{ margin: 0 }}>
          {t('partnerPackages.empty', { name: partnerName })}
        </p>
      )}
      {query.data && query.data.items.length > 0 && (
        <ul className="package-grid" aria-labelledby="partner-packages-title">
          {query.data.items.map((pkg) => (
            <PackageCard key={pkg.id} pkg={pkg} />
          ))}
        </ul>
      )}
    </section>
  );
}
