import type { Locale } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Pager } from '../directory/pager.tsx';
import { PackageCard } from './package-card.tsx';
import { PACKAGES_PAGE_SIZE, usePublicPackages } from './packages-queries.ts';

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** Published packages of verified partners, newest first, with the page in the URL. */
export function PackagesPage() {
  const { t, i18n } = useTranslation('booking');
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params.get('page'));
  const query = usePublicPackages(page, i18n.language as Locale);
  useDocumentTitle(t('list.title'));
  const data = query.data;

  return (
    <div className="stack" data-testid="public-packages-page">
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {data && data.items.length === 0 && (
        <section className="empty-state" data-testid="packages-empty" aria-labelledby="packages-empty-title">
          <h2 id="packages-empty-title">{t('list.emptyTitle')}</h2>
          <p className="muted">{t('list.emptyBody')}</p>
          <Link to="/partners" className="btn btn-secondary">
            {t('list.browsePartners')}
          </Link>
        </section>
      )}
      {data && data.items.length > 0 && (
        <>
          <ul className="package-grid" aria-label={t('list.title')} aria-busy={query.isFetching}>
            {data.items.map((pkg) => (
              <PackageCard key={pkg.id} pkg={pkg} />
            ))}
          </ul>
          <Pager
            page={page}
            pageSize={PACKAGES_PAGE_SIZE}
            total={data.total}
            testIdPrefix="packages-pager"
            onPage={(next) => setParams(next > 1 ? { page: String(next) } : {})}
          />
        </>
      )}
    </div>
  );
}
