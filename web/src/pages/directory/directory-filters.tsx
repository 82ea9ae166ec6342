import { partnerTypes } from '@contracts/http';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryFilters } from './directory-search-params.ts';
import { CodeChipsInput } from '../../components/ui/code-chips-input.tsx';
import { SelectField } from '../../components/ui/form-fields.tsx';
import { SearchBar } from '../../components/ui/search-bar.tsx';
import { selectOptions, type DisplayNames } from '../../lib/display-names.ts';
import './directory-filters.css';

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
  const [text, setText] = useState(value);

  // Back/forward or "clear filters" change the URL: follow it unless only spacing differs.
  useEffect(() => setText((previous) => (previous.trim() === value ? previous : value)), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <SearchBar
      className="directory-search"
      label={t('filters.search')}
      placeholder={t('filters.searchPlaceholder')}
      submitLabel={t('filters.searchSubmit')}
      maxLength={80}
      value={text}
      onChange={setText}
      onSubmit={() => onSearch(text.trim())}
      testId="directory-search"
    />
  );
}

/** Search, type, region and language (the directory lists verified partners only); every change lands in the URL. */
export function DirectoryFilterBar({ filters, names, onChange, onClear, canClear }: DirectoryFiltersProps) {
  const { t } = useTranslation('directory');
  const languages = useMemo(() => selectOptions(names.languageOptions), [names]);
  const types = partnerTypes.map((type) => ({ value: type, label: t(`common:partnerTypes.${type}`) }));
  const onSearch = useCallback((q: string) => onChange({ q }), [onChange]);

  return (
    <section className="card directory-filters" aria-label={t('filters.label')}>
      <SearchBox value={filters.q} onSearch={onSearch} />
      <div className="directory-filter-grid">
        <SelectField
          label={t('filters.type')}
          testId="directory-filter-type"
          value={filters.type}
          onChange={(event) => onChange({ type: event.target.value })}
          placeholder={t('filters.allTypes')}
          options={types}
        />
        <CodeChipsInput
          label={t('filters.region')}
          options={names.regionOptions}
          value={filters.region ? [filters.region] : []}
          onChange={(next) => onChange({ region: next[0] ?? '' })}
          chipLabel={names.region}
          testId="directory-filter-region"
          single
          max={1}
        />
        <SelectField
          label={t('filters.language')}
          testId="directory-filter-language"
          value={filters.language}
          onChange={(event) => onChange({ language: event.target.value })}
          placeholder={t('filters.allLanguages')}
          options={languages}
        />
      </div>
      <div className="row directory-filter-footer">
        {canClear && (
          <button type="button" className="btn btn-ghost" data-testid="directory-clear" onClick={onClear}>
            {t('filters.clear')}
          </button>
        )}
      </div>
    </section>
  );
}
