import { partnerTypes } from '@contracts/http';
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryFilters } from './directory-search-params.ts';
import type { DisplayNames } from '../../lib/display-names.ts';

/** Typing pauses this long before the URL (and so the results) follow the search box. */
const SEARCH_DEBOUNCE_MS = 400;

interface DirectoryFiltersProps {
  filters: DirectoryFilters;
  names: DisplayNames;
  onChange: (change: Partial<DirectoryFilters>) => void;
  onClear: () => void;
  canClear: boolean;
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation('directory');
  const id = useId();
  const [text, setText] = useState(value);

  // Back/forward or "clear filters" change the URL: follow it unless only spacing differs.
  useEffect(() => setText((previous) => (previous.trim() === value ? previous : value)), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="search-bar directory-search" onSubmit={submit} aria-label={t('filters.search')}>
      <label htmlFor={id} className="visually-hidden">
        {t('filters.search')}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        maxLength={80}
        data-testid="directory-search"
        placeholder={t('filters.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="btn btn-primary">
        {t('filters.searchSubmit')}
      </button>
    </form>
  );
}

function Select({
  label,
  testId,
  value,
  onChange,
  allLabel,
  options,
}: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  allLabel: string;
  options: { code: string; name: string }[];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Search, type, country, language and "verified only"; every change lands in the URL. */
export function DirectoryFilterBar({ filters, names, onChange, onClear, canClear }: DirectoryFiltersProps) {
  const { t } = useTranslation('directory');
  const allCountries = useMemo(() => names.countryOptions, [names]);
  // A shared link may name a subdivision ("IT-21"): keep it selectable rather than showing "all".
  const countries =
    filters.region && !allCountries.some((option) => option.code === filters.region)
      ? [{ code: filters.region, name: names.region(filters.region) }, ...allCountries]
      : allCountries;
  const languages = useMemo(() => names.languageOptions, [names]);
  const types = partnerTypes.map((type) => ({ code: type, name: t(`types.${type}`) }));
  const onSearch = useCallback((q: string) => onChange({ q }), [onChange]);

  return (
    <section className="card directory-filters" aria-label={t('filters.label')}>
      <SearchBox value={filters.q} onSearch={onSearch} />
      <div className="directory-filter-grid">
        <Select
          label={t('filters.type')}
          testId="directory-filter-type"
          value={filters.type}
          onChange={(type) => onChange({ type })}
          allLabel={t('filters.allTypes')}
          options={types}
        />
        <Select
          label={t('filters.region')}
          testId="directory-filter-region"
          value={filters.region}
          onChange={(region) => onChange({ region })}
          allLabel={t('filters.allRegions')}
          options={countries}
        />
        <Select
          label={t('filters.language')}
          testId="directory-filter-language"
          value={filters.language}
          onChange={(language) => onChange({ language })}
          allLabel={t('filters.allLanguages')}
          options={languages}
        />
      </div>
      <div className="row directory-filter-footer">
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="directory-filter-verified"
            checked={filters.verified}
            onChange={(event) => onChange({ verified: event.target.checked })}
          />
          {t('filters.verifiedOnly')}
        </label>
        {canClear && (
          <button type="button" className="btn btn-ghost" data-testid="directory-clear" onClick={onClear}>
            {t('filters.clear')}
          </button>
        )}
      </div>
    </section>
  );
}
