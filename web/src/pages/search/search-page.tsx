import { itemKinds, itemTags, type ItemTag, type Locale, type SearchFacets } from '@contracts/http';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { SearchBar } from '../../components/ui/search-bar.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useErrorText } from '../../lib/use-error-text.ts';
import { Pager } from '../directory/pager.tsx';
import { PartyPicker } from '../packages/party-picker.tsx';
import { todayAtDestination } from '../packages/traveller-format.ts';
import { SuggestedForYourTrip } from '../suggestions/suggested-panel.tsx';
import { fromSearchState, type SuggestedTrip } from '../suggestions/suggested-request.ts';
import { SearchResultCard } from './search-result-card.tsx';
import {
  SEARCH_PAGE_SIZE,
  readSearchState,
  searchPageSorts,
  writeSearchState,
  type SearchState,
} from './search-params.ts';
import { usePartySummary } from './search-party.ts';
import { useSearchResults } from './search-queries.ts';
import './search-page.css';

function FacetCount({ count }: { count: number | undefined }) {
  const { i18n } = useTranslation('search');
  if (count === undefined) return null;
  return <span className="facet-count">{formatNumber(count, i18n.language)}</span>;
}

function FilterGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="search-filter-group">
      <legend className="chips-label">{legend}</legend>
      {children}
    </fieldset>
  );
}

interface FiltersProps {
  state: SearchState;
  facets: SearchFacets | undefined;
  update: (change: Partial<SearchState>) => void;
}

function SearchFilters({ state, facets, update }: FiltersProps) {
  const { t } = useTranslation('search');
  const [min, setMin] = useState(state.priceMin);
  const [max, setMax] = useState(state.priceMax);
  useEffect(() => {
    setMin(state.priceMin);
    setMax(state.priceMax);
  }, [state.priceMin, state.priceMax]);
  const toggleTag = (tag: ItemTag) =>
    update({ tags: state.tags.includes(tag) ? state.tags.filter((t) => t !== tag) : [...state.tags, tag] });
  // Tags with no result under the current filters are not offered (unless chosen).
  const tags = itemTags.filter((tag) => state.tags.includes(tag) || (facets?.tags[tag] ?? 0) > 0);
  return (
    <div className="search-filters" data-testid="search-filters">
      <label className="search-check">
        <input
          type="checkbox"
          checked={state.verified}
          data-testid="filter-verified"
          onChange={(event) => update({ verified: event.target.checked })}
        />
        <span>{t('filters.verifiedOnly')}</span>
        <FacetCount count={facets?.verified.verified} />
      </label>

      <FilterGroup legend={t('filters.kind')}>
        {(['', 'package', 'item'] as const).map((kind) => (
          <label key={kind || 'all'} className="search-check">
            <input
              type="radio"
              name="search-kind"
              checked={state.kind === kind}
              data-testid={`filter-kind-${kind || 'all'}`}
              onChange={() => update({ kind, itemKind: kind === 'package' ? '' : state.itemKind })}
            />
            <span>{t(`filters.kinds.${kind || 'all'}`)}</span>
            <FacetCount
              count={facets ? (kind ? facets.kind[kind] : facets.kind.package + facets.kind.item) : undefined}
            />
          </label>
        ))}
      </FilterGroup>

      <FilterGroup legend={t('filters.itemKind')}>
        {(['', ...itemKinds] as const).map((itemKind) => (
          <label key={itemKind || 'all'} className="search-check">
            <input
              type="radio"
              name="search-item-kind"
              checked={state.itemKind === itemKind}
              data-testid={`filter-item-kind-${itemKind || 'all'}`}
              onChange={() => update({ itemKind })}
            />
            <span>{itemKind ? t(`catalogue:kinds.${itemKind}`) : t('filters.anyItemKind')}</span>
            {itemKind && <FacetCount count={facets?.itemKind[itemKind]} />}
          </label>
        ))}
      </FilterGroup>

      <FilterGroup legend={t('filters.price')}>
        <form
          className="search-price"
          onSubmit={(event) => {
            event.preventDefault();
            update({ priceMin: min, priceMax: max });
          }}
        >
          <label>
            <span className="field-hint">{t('filters.priceMin')}</span>
            <input
              className="input"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={7}
              value={min}
              data-testid="filter-price-min"
              onChange={(event) => setMin(event.target.value.replace(/\D/g, ''))}
            />
          </label>
          <label>
            <span className="field-hint">{t('filters.priceMax')}</span>
            <input
              className="input"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={7}
              value={max}
              data-testid="filter-price-max"
              onChange={(event) => setMax(event.target.value.replace(/\D/g, ''))}
            />
          </label>
          <button type="submit" className="btn btn-secondary btn-sm" data-testid="filter-price-apply">
            {t('filters.apply')}
          </button>
        </form>
        <span className="field-hint">{t('filters.priceHint')}</span>
      </FilterGroup>

      <FilterGroup legend={t('filters.tags')}>
        {tags.length === 0 ? (
          <p className="muted search-filter-none">{t('filters.noTags')}</p>
        ) : (
          <div className="search-tags">
            {tags.map((tag) => (
              <button
                key={tag}
                type="button"
                className={`search-tag${state.tags.includes(tag) ? ' is-on' : ''}`}
                aria-pressed={state.tags.includes(tag)}
                data-testid={`filter-tag-${tag}`}
                onClick={() => toggleTag(tag)}
              >
                {t(`catalogue:tags.${tag}`)} <FacetCount count={facets?.tags[tag]} />
              </button>
            ))}
          </div>
        )}
      </FilterGroup>
    </div>
  );
}

/** A validation failure names its field codes (invalid_party, date_and_range…): show the first. */
function SearchError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  const field = isApiError(error) ? error.fieldErrors[0] : undefined;
  if (field?.code) {
    return (
      <div role="alert" className="alert alert-error" data-testid="search-error">
        {errorText(field.code)}
      </div>
    );
  }
  return <ProblemAlert error={error} />;
}

/** The trip a search describes, for its suggestions: only once it names a place or dates. */
function searchTrip(state: SearchState): SuggestedTrip | null {
  if (!state.q && !state.from) return null;
  return { dest: state.q || undefined, from: state.from || undefined, to: state.to || undefined, party: state.party };
}

/** /search: packages and items available for the party on the dates; the URL holds the search. */
export function SearchPage() {
  const { t, i18n } = useTranslation('search');
  const lang = (i18n.resolvedLanguage ?? i18n.language) as Locale;
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const state = readSearchState(params);
  const trip = searchTrip(state);
  const backState = fromSearchState(location.pathname, location.search);
  const [query, setQuery] = useState(state.q);
  useEffect(() => setQuery(state.q), [state.q]);
  const [filtersOpen, setFiltersOpen] = useState(
    () => typeof window === 'undefined' || window.matchMedia('(min-width: 861px)').matches,
  );
  useDocumentTitle(state.q ? t('titleFor', { q: state.q }) : t('title'));
  const result = useSearchResults(state, lang);
  const partySummary = usePartySummary(state.party);
  const today = todayAtDestination();

  /** Any change but paging goes back to page 1; each is a history entry, so Back undoes it. */
  const update = (change: Partial<SearchState>) => setParams(writeSearchState({ ...state, page: 1, ...change }));

  const data = result.data;
  const activeFilters =
    state.verified || !!state.kind || !!state.itemKind || !!state.priceMin || !!state.priceMax || state.tags.length > 0;

  return (
    <div className="search-page">
      <h1>{t('title')}</h1>
      <SearchBar
        label={t('query.label')}
        placeholder={t('query.placeholder')}
        submitLabel={t('query.submit')}
        maxLength={200}
        value={query}
        onChange={setQuery}
        onSubmit={() => update({ q: query })}
        testId="search-query"
      />
      <div className="search-trip">
        <label className="search-date">
          <span className="field-hint">{t('dates.from')}</span>
          <input
            type="date"
            className="input"
            min={today}
            value={state.from}
            data-testid="search-from"
            onChange={(event) => {
              const from = event.target.value;
              update({ from, to: state.to && from && state.to >= from ? state.to : '' });
            }}
          />
        </label>
        <label className="search-date">
          <span className="field-hint">{t('dates.to')}</span>
          <input
            type="date"
            className="input"
            min={state.from || today}
            value={state.to}
            disabled={!state.from}
            data-testid="search-to"
            onChange={(event) => update({ to: event.target.value })}
          />
        </label>
        <details className="search-party">
          <summary className="btn btn-secondary" data-testid="search-party-summary">
            {partySummary}
          </summary>
          <div className="search-party-panel card">
            <PartyPicker party={state.party} onChange={(party) => update({ party })} />
          </div>
        </details>
        {(state.from || state.to) && (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => update({ from: '', to: '' })}>
            {t('dates.clear')}
          </button>
        )}
      </div>
      <p className="field-hint search-dates-hint">{t('dates.hint')}</p>

      <div className="search-layout">
        <aside className="search-aside" aria-label={t('filters.title')}>
          <details open={filtersOpen} onToggle={(event) => setFiltersOpen((event.target as HTMLDetailsElement).open)}>
            <summary className="search-filters-summary">{t('filters.title')}</summary>
            <SearchFilters state={state} facets={data?.facets} update={update} />
            {activeFilters && (
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                data-testid="filters-clear"
                onClick={() =>
                  update({ verified: false, kind: '', itemKind: '', priceMin: '', priceMax: '', tags: [] })
                }
              >
                {t('filters.clear')}
              </button>
            )}
          </details>
        </aside>

        <section className="search-results" aria-labelledby="search-results-title" aria-busy={result.isFetching}>
          <div className="search-results-head">
            <h2 id="search-results-title" className="search-count" data-testid="search-count">
              {data ? t('results.count', { count: data.total, formatted: formatNumber(data.total, lang) }) : ''}
            </h2>
            <label className="search-sort">
              <span className="field-hint">{t('sort.label')}</span>
              <select
                className="select"
                value={state.sort}
                data-testid="search-sort"
                onChange={(event) => update({ sort: event.target.value as SearchState['sort'] })}
              >
                {searchPageSorts.map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`sort.${sort}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {data && data.corrections.length > 0 && (
            <p className="muted" data-testid="search-corrections">
              {t('results.corrections', {
                words: data.corrections.map((c) => `${c.word} → ${c.alternatives.join(', ')}`).join('; '),
              })}
            </p>
          )}
          {result.isError && <SearchError error={result.error} />}
          {result.isPending && (
            <p className="muted" role="status">
              {t('common:loading')}
            </p>
          )}
          {data && data.items.length === 0 && (
            <div className="empty-state search-empty" data-testid="search-empty">
              <h3>{t('empty.title')}</h3>
              <p className="muted">{activeFilters ? t('empty.filtered') : t('empty.body')}</p>
              <div className="row">
                {activeFilters && (
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={() =>
                      update({ verified: false, kind: '', itemKind: '', priceMin: '', priceMax: '', tags: [] })
                    }
                  >
                    {t('filters.clear')}
                  </button>
                )}
                <Link to="/packages" className="btn btn-ghost">
                  {t('empty.browse')}
                </Link>
                <Link to="/partners" className="btn btn-ghost">
                  {t('empty.partners')}
                </Link>
              </div>
              {trip && <SuggestedForYourTrip trip={trip} showEmpty linkState={backState} />}
            </div>
          )}
          {data && data.items.length > 0 && (
            <ul className="package-grid search-grid" data-testid="search-results">
              {data.items.map((item, index) => (
                <SearchResultCard key={`${item.kind}-${item.id}`} result={item} index={index} />
              ))}
            </ul>
          )}
          {data && (
            <Pager
              page={state.page}
              pageSize={SEARCH_PAGE_SIZE}
              total={data.total}
              onPage={(page) => {
                setParams(writeSearchState({ ...state, page }));
                window.scrollTo({ top: 0 });
              }}
              testIdPrefix="search-pager"
            />
          )}
          {trip && data && data.items.length > 0 && <SuggestedForYourTrip trip={trip} linkState={backState} />}
        </section>
      </div>
    </div>
  );
}
