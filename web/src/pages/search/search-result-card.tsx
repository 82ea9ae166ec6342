import type { SearchResult } from '@contracts/http';
import { motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { reportSponsoredClick } from '../../api/campaigns-api.ts';
import { PackagePlaceholder } from '../packages/package-gallery.tsx';
import { formatDay, formatMinor } from '../packages/traveller-format.ts';
import { fromSearchState } from '../suggestions/suggested-request.ts';
import '../packages/package-card.css';
import './search-result-card.css';

/** Where a result leads: a package to its page, a single item to its partner's profile. */
export function resultPath(result: Pick<SearchResult, 'kind' | 'id' | 'partnerId'>): string {
  return result.kind === 'package' ? `/packages/${result.id}` : `/partners/${result.partnerId}`;
}

/** The "Sponsored" and "Partner Verified" ribbons over a card's picture. */
export function ResultRibbons({ sponsored, verified }: { sponsored: boolean; verified: boolean }) {
  const { t } = useTranslation('search');
  if (!sponsored && !verified) return null;
  return (
    <div className="result-ribbons">
      {sponsored && (
        <span className="result-ribbon result-ribbon-sponsored" data-testid="ribbon-sponsored">
          {t('ribbon.sponsored')}
        </span>
      )}
      {verified && (
        <span className="result-ribbon result-ribbon-verified" data-testid="ribbon-verified">
          {t('ribbon.verified')}
        </span>
      )}
    </div>
  );
}

interface ResultCardProps {
  result: SearchResult;
  index: number;
  /** Trending: how many bookings in the last 7 days. */
  bookingsLast7Days?: number;
}

/** A search or Discover result: picture, ribbons, title, where, who sells it, price for the party. */
export function SearchResultCard({ result, index, bookingsLast7Days }: ResultCardProps) {
  const { t, i18n } = useTranslation('search');
  const location = useLocation();
  const language = i18n.language;
  const price = formatMinor(result.price.amountMinor, result.price.currency, language);
  const meta = [
    result.destination.place,
    result.durationDays ? t('card.days', { count: result.durationDays }) : null,
    result.kind === 'item' ? result.itemKinds.map((kind) => t(`catalogue:kinds.${kind}`)).join(', ') : null,
  ].filter(Boolean);
  return (
    <motion.li
      className="card package-card result-card"
      data-testid="result-card"
      data-result-kind={result.kind}
      data-result-id={result.id}
      data-sponsored={result.sponsored ? 'true' : 'false'}
      initial={{ opacity: 0, y: 10 }}
      animate={{ opacity: 1, y: 0 }}
      transition={{ delay: Math.min(index, 8) * 0.04, duration: 0.25 }}
    >
      <div className="result-card-media">
        {result.imageUrl ? (
          <img className="package-card-image" src={result.imageUrl} alt="" loading="lazy" />
        ) : (
          <PackagePlaceholder place={result.destination.place || null} compact />
        )}
        <ResultRibbons sponsored={result.sponsored} verified={result.partnerVerified} />
      </div>
      <div className="package-card-body">
        <span className="result-card-kind">{t(`card.kind.${result.kind}`)}</span>
        <h3>
          <Link
            to={resultPath(result)}
            // The package page offers "Back to results" when opened from a search.
            state={fromSearchState(location.pathname, location.search)}
            className="package-card-link"
            onClick={result.sponsored && result.campaignId ? () => reportSponsoredClick(result.campaignId!) : undefined}
          >
            {result.title}
          </Link>
        </h3>
        {meta.length > 0 && <p className="muted package-card-meta">{meta.join(' · ')}</p>}
        <p className="muted package-card-meta">{t('card.by', { name: result.partnerName })}</p>
        {bookingsLast7Days !== undefined && bookingsLast7Days > 0 && (
          <p className="result-card-trend">{t('card.bookedRecently', { count: bookingsLast7Days })}</p>
        )}
        <p className="package-card-price" data-testid="result-price">
          {result.price.basis === 'party' ? (
            <>
              <strong>{price}</strong> <span className="muted">{t('card.forParty')}</span>
              {result.price.date && (
                <span className="muted result-card-date">
                  {t('card.on', { date: formatDay(result.price.date, language) })}
                </span>
              )}
            </>
          ) : (
            <>
              <span className="muted">{t('card.from')}</span> <strong>{price}</strong>
            </>
          )}
        </p>
      </div>
    </motion.li>
  );
}
