import type { Locale } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { useSuggestions } from '../search/search-queries.ts';
import { SuggestionCard } from './suggestion-card.tsx';
import {
  SUGGESTED_PANEL_LIMIT,
  toSuggestRequest,
  type FromSearchState,
  type SuggestedTrip,
} from './suggested-request.ts';
import './suggested-panel.css';

interface SuggestedPanelProps {
  trip: SuggestedTrip;
  /** Say "no suggestions" in one line instead of showing nothing (the search's empty state). */
  showEmpty?: boolean;
  /** Router state for the cards' package links. */
  linkState?: FromSearchState | undefined;
}

function SuggestedSkeleton() {
  return (
    <ul className="suggested-grid" aria-hidden="true" data-testid="suggested-loading">
      {Array.from({ length: 2 }, (_, index) => (
        <li key={index} className="card suggested-skeleton-card">
          <span className="suggested-skeleton suggested-skeleton-short" />
          <span className="suggested-skeleton suggested-skeleton-title" />
          <span className="suggested-skeleton" />
          <span className="suggested-skeleton suggested-skeleton-short" />
        </li>
      ))}
    </ul>
  );
}

/**
 * "Suggested for your trip": the suggestion engine's packages and combinations for a trip the
 * page already knows (destination, dates, party), priced for the party, each with its reasons.
 * Nothing is made up: without suggestions the panel is absent (or one line, `showEmpty`), and a
 * failed request hides it — it is a side note to the page, not its content.
 */
export function SuggestedForYourTrip({ trip, showEmpty = false, linkState }: SuggestedPanelProps) {
  const { t, i18n } = useTranslation('discover');
  const lang = (i18n.resolvedLanguage ?? i18n.language) as Locale;
  const result = useSuggestions(toSuggestRequest(trip, lang), true);
  const suggestions = (result.data?.suggestions ?? [])
    .filter((suggestion) => !trip.packageId || suggestion.packageId !== trip.packageId)
    .slice(0, SUGGESTED_PANEL_LIMIT);

  if (result.isError) return null;
  if (result.isSuccess && suggestions.length === 0) {
    return showEmpty ? (
      <p className="muted suggested-empty" data-testid="suggested-empty">
        {t('suggested.empty')}
      </p>
    ) : null;
  }
  return (
    <section
      className="suggested-panel"
      aria-labelledby="suggested-title"
      aria-busy={result.isPending}
      data-testid="suggested-panel"
    >
      <h2 id="suggested-title" className="suggested-title">
        {t('suggested.title')}
      </h2>
      <p className="muted suggested-subtitle">
        {trip.from ? t('suggested.subtitleDates') : t('suggested.subtitleSoon')}
      </p>
      {result.isPending ? (
        <>
          <p className="visually-hidden" role="status">
            {t('common:loading')}
          </p>
          <SuggestedSkeleton />
        </>
      ) : (
        <ul className="suggested-grid" data-testid="suggested-results">
          {suggestions.map((suggestion, index) => (
            <SuggestionCard key={suggestion.key} suggestion={suggestion} index={index} linkState={linkState} />
          ))}
        </ul>
      )}
    </section>
  );
}
