import { travellerTypes, type Locale, type Party, type SearchResult, type TravellerType } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { useErrorText } from '../lib/use-error-text.ts';
import { PartyPicker } from './packages/party-picker.tsx';
import { addDays, todayAtDestination } from './packages/traveller-format.ts';
import { SearchResultCard } from './search/search-result-card.tsx';
import { DEFAULT_PARTY, partyCode } from './search/search-params.ts';
import { usePartySummary } from './search/search-party.ts';
import { useSuggestions } from './search/search-queries.ts';
import { SuggestionCard } from './suggestions/suggestion-card.tsx';

/** A suggestion request's validation failure names its field code (invalid_party…): show that one. */
function SuggestError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  const field = isApiError(error) ? error.fieldErrors[0] : undefined;
  if (field?.code) {
    return (
      <div role="alert" className="alert alert-error">
        {errorText(field.code)}
      </div>
    );
  }
  return <ProblemAlert error={error} />;
}

/**
 * "Packages for you": once the traveller says who travels and when, the suggestion engine's
 * packages and bundles, priced for the party, with its reasons as chips.
 */
export function DiscoverForYou({ fromDiscover }: { fromDiscover: SearchResult[] }) {
  const { t, i18n } = useTranslation('discover');
  const lang = (i18n.resolvedLanguage ?? i18n.language) as Locale;
  const tomorrow = addDays(todayAtDestination(), 1);
  const [travellerType, setTravellerType] = useState<TravellerType | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [party, setParty] = useState<Party>(DEFAULT_PARTY);
  const ready = travellerType !== '' && from !== '';
  const request = {
    travellerType: travellerType || undefined,
    from: from || undefined,
    to: from && to && to >= from ? to : from || undefined,
    party: partyCode(party),
    lang,
    limit: 8,
  };
  const result = useSuggestions(request, ready);
  const partySummary = usePartySummary(party);
  return (
    <section className="discover-section" aria-labelledby="discover-for-you-title" data-testid="discover-for-you">
      <div className="card-header">
        <h2 id="discover-for-you-title">{t('sections.forYou.title')}</h2>
      </div>
      <p className="muted">{t('sections.forYou.subtitle')}</p>
      {fromDiscover.length > 0 && (
        <ul className="package-grid discover-grid">
          {fromDiscover.map((item, index) => (
            <SearchResultCard key={`${item.kind}-${item.id}`} result={item} index={index} />
          ))}
        </ul>
      )}
      <form className="for-you-form card" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="for-you-types">
          <legend className="chips-label">{t('forYou.who')}</legend>
          <div className="for-you-type-row">
            {travellerTypes.map((type) => (
              <button
                key={type}
                type="button"
                className={`search-tag${travellerType === type ? ' is-on' : ''}`}
                aria-pressed={travellerType === type}
                data-testid={`traveller-type-${type}`}
                onClick={() => setTravellerType(type)}
              >
                {t(`forYou.types.${type}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="search-date">
          <span className="field-hint">{t('forYou.from')}</span>
          <input
            type="date"
            className="input"
            min={tomorrow}
            value={from}
            data-testid="for-you-from"
            onChange={(event) => setFrom(event.target.value)}
          />
        </label>
        <label className="search-date">
          <span className="field-hint">{t('forYou.to')}</span>
          <input
            type="date"
            className="input"
            min={from || tomorrow}
            value={to}
            data-testid="for-you-to"
            onChange={(event) => setTo(event.target.value)}
          />
        </label>
        <details className="search-party">
          <summary className="btn btn-secondary" aria-label={`${t('forYou.party')}: ${partySummary}`}>
            {partySummary}
          </summary>
          <div className="search-party-panel card">
            <PartyPicker party={party} onChange={setParty} />
          </div>
        </details>
      </form>
      {!ready && (
        <p className="muted" data-testid="for-you-prompt">
          {t('forYou.prompt')}
        </p>
      )}
      {ready && result.isPending && (
        <p className="muted" role="status">
          {t('common:loading')}
        </p>
      )}
      {ready && result.isError && <SuggestError error={result.error} />}
      {ready && result.data && result.data.suggestions.length === 0 && (
        <div className="empty-state" data-testid="for-you-empty">
          <p className="muted">{t('forYou.empty')}</p>
        </div>
      )}
      {ready && result.data && result.data.suggestions.length > 0 && (
        <ul className="suggestion-grid" data-testid="for-you-results">
          {result.data.suggestions.map((suggestion, index) => (
            <SuggestionCard key={suggestion.key} suggestion={suggestion} index={index} />
          ))}
        </ul>
      )}
    </section>
  );
}
