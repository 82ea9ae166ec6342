import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { DirectoryFilterBar } from './directory-filters.tsx';
import { usePartnerDirectory } from './directory-queries.ts';
import {
  DIRECTORY_PAGE_SIZE,
  hasActiveFilters,
  readDirectoryFilters,
  toDirectoryQuery,
  writeDirectoryFilters,
  type DirectoryFilters,
} from './directory-search-params.ts';
import { PartnerCard } from './partner-card.tsx';
import { Pager } from './pager.tsx';
import { useDisplayNames } from '../../lib/display-names.ts';
import { PageHeader } from '../../components/ui/page-header.tsx';
import './directory-page.css';

/** The public partner directory; filters live in the URL so a filtered view can be shared. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation('directory');
  useDocumentTitle(t('title'));
  const names = useDisplayNames();
  const [params, setParams] = useSearchParams();
  const filters = readDirectoryFilters(params);
  const query = toDirectoryQuery(filters);
  const result = usePartnerDirectory(query);

  const onChange = useCallback(
    (change: Partial<DirectoryFilters>) =>
      // Any new filter starts again from the first page. Typing replaces the history entry so
      // Back does not replay every keystroke; choices and paging add one.
      setParams((previous) => writeDirectoryFilters({ ...readDirectoryFilters(previous), page: 1, ...change }), {
        replace: Object.keys(change).length === 1 && 'q' in change,
      }),
    [setParams],
  );
  const onClear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  const data = result.data;
  const search = params.toString();

  return (
    <div className="stack directory">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <DirectoryFilterBar
        filters={filters}
        names={names}
        onChange={onChange}
        onClear={onClear}
        canClear={hasActiveFilters(filters)}
      />
      <section aria-labelledby="directory-results-title" className="stack" aria-busy={result.isFetching}>
        <div className="row directory-results-head">
          <h2 id="directory-results-title">{t('results.title')}</h2>
          {data && (
            <span className="muted" data-testid="directory-total" aria-live="polite">
              {t('results.total', { count: data.total, formatted: formatNumber(data.total, i18n.language) })}
            </span>
          )}
        </div>
        {result.isError && (
          <div className="stack" data-testid="directory-error">
            <ProblemAlert error={result.error} />
            <div>
              <button type="button" className="btn btn-secondary" onClick={() => void result.refetch()}>
                {t('results.retry')}
              </button>
            </div>
          </div>
        )}
        {result.isPending && <Loading label={t('results.loading')} />}
        {data && data.items.length === 0 && (
          <div className="empty-state" data-testid="directory-empty">
            <h2>{hasActiveFilters(filters) ? t('empty.filteredTitle') : t('empty.title')}</h2>
            <p className="muted">{hasActiveFilters(filters) ? t('empty.filteredBody') : t('empty.body')}</p>
            {hasActiveFilters(filters) && (
              <button type="button" className="btn btn-primary" onClick={onClear}>
                {t('filters.clear')}
              </button>
            )}
          </div>
        )}
        {data && data.items.length > 0 && (
          <ul className="partner-grid">
            {data.items.map((partner, index) => (
              <PartnerCard
                key={partner.id}
                partner={partner}
                names={names}
                index={index}
                fromSearch={search ? `?${search}` : ''}
              />
            ))}
          </ul>
        )}
        {data && (
          <Pager
            page={filters.page}
            pageSize={data.pageSize || DIRECTORY_PAGE_SIZE}
            total={data.total}
            onPage={(page) => onChange({ page })}
            testIdPrefix="directory"
          />
        )}
      </section>
    </div>
  );
}
