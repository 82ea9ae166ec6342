import { motion } from 'framer-motion';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { acknowledgeEnd } from '../auth/session-store.ts';
import { useAuth } from '../auth/use-auth.ts';
import { SearchBar } from '../components/ui/search-bar.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { discoverHighlights } from './discover-highlights.ts';
import { DiscoverVerifiedPartners } from './discover-verified-partners.tsx';
import './discover-page.css';

/** On/off filters kept in the URL (`?verified=1`), each labelled `filters.<name>Only`. */
const discoverFilters = ['verified', 'packages'] as const;

/**
 * Discover: search and filters live in the URL so results are shareable; the results list
 * is filled by the bundling feature, until then an honest empty state.
 */
export function DiscoverPage() {
  const { t } = useTranslation('discover');
  const { isAuthenticated, endReason } = useAuth();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const submitted = params.get('q') ?? '';
  useDocumentTitle(t('title'));

  const setFilter = (name: string, on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set(name, '1');
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const onSearch = () => {
    const next = new URLSearchParams(params);
    if (query.trim()) next.set('q', query.trim());
    else next.delete('q');
    setParams(next);
  };

  return (
    <>
      {endReason === 'account-deleted' && (
        <div className="alert alert-success row" role="status" style={{ justifyContent: 'space-between' }}>
          <span>{t('accountDeleted')}</span>
          <button type="button" className="btn btn-ghost" onClick={acknowledgeEnd}>
            {t('common:close')}
          </button>
        </div>
      )}
      <section className="hero" aria-labelledby="discover-title">
        <motion.h1
          id="discover-title"
          initial={{ opacity: 0, y: 12 }}
          animate={{ opacity: 1, y: 0 }}
          transition={{ duration: 0.35 }}
        >
          {t('hero.titleStart')} <span className="hero-accent">{t('hero.titleAccent')}</span>
        </motion.h1>
        <p className="lead">{t('hero.subtitle')}</p>
        <SearchBar
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          submitLabel={t('search.submit')}
          value={query}
          onChange={setQuery}
          onSubmit={onSearch}
          testId="discover-search"
        />
        <fieldset className="filters" style={{ border: 'none', padding: 0, margin: 'var(--space-4) 0 0' }}>
          <legend className="visually-hidden">{t('filters.legend')}</legend>
          {discoverFilters.map((name) => (
            <label key={name} className="checkbox">
              <input type="checkbox" checked={params.has(name)} onChange={(e) => setFilter(name, e.target.checked)} />
              {t(`filters.${name}Only`)}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="results-title" aria-live="polite">
        <h2 id="results-title" className="visually-hidden">
          {t('results.title')}
        </h2>
        <div className="empty-state">
          <h2>{submitted ? t('empty.titleWithQuery', { query: submitted }) : t('empty.title')}</h2>
          <p className="muted">{t('empty.body')}</p>
          {!isAuthenticated && (
            <Link to="/signup" className="btn btn-primary">
              {t('empty.cta')}
            </Link>
          )}
        </div>
      </section>

      <DiscoverVerifiedPartners />

      <section className="grid" style={{ marginTop: 'var(--space-6)' }} aria-label={t('highlights.label')}>
        {discoverHighlights.map((key, index) => (
          <motion.article
            key={key}
            className="card"
            initial={{ opacity: 0, y: 12 }}
            animate={{ opacity: 1, y: 0 }}
            transition={{ delay: 0.05 * index, duration: 0.3 }}
          >
            <h3>{t(`highlights.${key}.title`)}</h3>
            <p className="muted" style={{ margin: 0 }}>
              {t(`highlights.${key}.body`)}
            </p>
          </motion.article>
        ))}
      </section>
    </>
  );
}
