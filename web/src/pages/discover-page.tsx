import { motion } from 'framer-motion';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { acknowledgeEnd } from '../auth/session-store.ts';
import { useAuth } from '../auth/use-auth.ts';
import { SearchBar } from '../components/ui/search-bar.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { discoverHighlights } from './discover-highlights.ts';
import { DiscoverSections } from './discover-sections.tsx';
import { DiscoverVerifiedPartners } from './discover-verified-partners.tsx';
import { searchPath } from './search/search-params.ts';
import './discover-page.css';

/** The search box takes up to 200 characters (searchQuerySchema's `q`). */
const MAX_QUERY = 200;

/**
 * Discover: the search for packages and items (/search, with the query in its URL), then the
 * sections GET /api/discover answers — sponsored, verified partners, packages for you (the
 * suggestion engine once the traveller says who travels and when), trending, seasonal, new.
 */
export function DiscoverPage() {
  const { t } = useTranslation('discover');
  const { isAuthenticated, endReason } = useAuth();
  const navigate = useNavigate();
  // An older shared link (`/?q=…`) still fills the box.
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  useDocumentTitle(t('title'));

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
          maxLength={MAX_QUERY}
          value={query}
          onChange={setQuery}
          onSubmit={() => void navigate(searchPath(query))}
          testId="discover-search"
        />
        <p className="field-hint discover-search-hint">{t('search.hint')}</p>
        <div className="row discover-hero-links">
          <Link to="/packages" className="btn btn-primary" data-testid="discover-packages">
            {t('booking:discover.browse')}
          </Link>
          <Link to="/partners" className="btn btn-secondary" data-testid="discover-partners">
            {t('search.partners')}
          </Link>
        </div>
      </section>

      <DiscoverSections placement="top" />
      <DiscoverVerifiedPartners />
      <DiscoverSections placement="bottom" />

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
            {key === 'directory' && (
              <Link to="/partners" className="discover-highlight-link">
                {t('highlights.directory.link')}
              </Link>
            )}
            {key === 'onboarding' && (
              <Link
                to={isAuthenticated ? '/partner' : '/signup?next=%2Fpartner'}
                className="discover-highlight-link"
                data-testid="discover-onboarding"
              >
                {t('highlights.onboarding.link')}
              </Link>
            )}
          </motion.article>
        ))}
      </section>
    </>
  );
}
