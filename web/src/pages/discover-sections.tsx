import type { DiscoverView, Locale, SearchResult } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { SearchResultCard } from './search/search-result-card.tsx';
import { useDiscover } from './search/search-queries.ts';
import { DiscoverForYou } from './discover-for-you.tsx';
import './discover-sections.css';

type ResultSection = 'sponsored' | 'trending' | 'seasonal' | 'new';

function Section({
  id,
  results,
  trending,
  emptyText,
}: {
  id: ResultSection;
  results: (SearchResult & { bookingsLast7Days?: number })[];
  trending?: boolean;
  /** Shown when there is nothing; without it an empty section is left out. */
  emptyText?: string;
}) {
  const { t } = useTranslation('discover');
  if (results.length === 0 && !emptyText) return null;
  return (
    <section className="discover-section" aria-labelledby={`discover-${id}-title`} data-testid={`discover-${id}`}>
      <div className="card-header">
        <h2 id={`discover-${id}-title`}>{t(`sections.${id}.title`)}</h2>
      </div>
      <p className="muted">{t(`sections.${id}.subtitle`)}</p>
      {results.length === 0 ? (
        <div className="empty-state" data-testid={`discover-${id}-empty`}>
          <p className="muted">{emptyText}</p>
        </div>
      ) : (
        <ul className="package-grid discover-grid">
          {results.map((result, index) => (
            <SearchResultCard
              key={`${result.kind}-${result.id}`}
              result={result}
              index={index}
              bookingsLast7Days={trending ? result.bookingsLast7Days : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Discover's sections from GET /api/discover; each one hidden or honestly empty, never filled with samples. */
export function DiscoverSections({ placement }: { placement: 'top' | 'bottom' }) {
  const { t, i18n } = useTranslation('discover');
  const lang = (i18n.resolvedLanguage ?? i18n.language) as Locale;
  const result = useDiscover(lang);
  const data: DiscoverView | undefined = result.data;
  if (placement === 'top') {
    if (result.isError) return <ProblemAlert error={result.error} />;
    return data ? <Section id="sponsored" results={data.sponsored} /> : null;
  }
  return (
    <>
      <DiscoverForYou fromDiscover={data?.packagesForYou ?? []} />
      {data && (
        <>
          <Section id="trending" results={data.trending} trending />
          <Section id="seasonal" results={data.seasonal} emptyText={t('sections.seasonal.empty')} />
          <Section id="new" results={data.new} emptyText={t('sections.new.empty')} />
          {data.new.length > 0 && (
            <p className="discover-more">
              <Link to="/search" className="btn btn-secondary" data-testid="discover-search-all">
                {t('sections.searchAll')}
              </Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
