import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { isSupportedLanguage, languageNames, supportedLanguages } from '../../i18n/languages.ts';
import './language-switcher.css';

/**
 * The language select. `compact` (the header) shows a globe and the language's code over a
 * transparent native select, so it takes the same small width in every language while the
 * list still names each language in its own words.
 */
export function LanguageSwitcher({
  className = 'select lang-select',
  showLabel = false,
  compact = false,
}: {
  className?: string;
  showLabel?: boolean;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation('common');
  const id = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const select = (
    <select
      id={id}
      className={compact ? 'lang-compact-select' : className}
      data-testid="lang-switcher"
      value={current}
      onChange={(event) => {
        if (isSupportedLanguage(event.target.value)) void chooseLanguage(event.target.value);
      }}
    >
      {supportedLanguages.map((code) => (
        <option key={code} value={code} lang={code}>
          {languageNames[code]}
        </option>
      ))}
    </select>
  );
  const label = (
    <label htmlFor={id} className={showLabel ? undefined : 'visually-hidden'}>
      {t('language.label')}
    </label>
  );
  if (!compact) {
    return (
      <>
        {label}
        {select}
      </>
    );
  }
  return (
    <span className="lang-compact">
      {label}
      <span className="lang-compact-face" aria-hidden="true">
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
        </svg>
        <span className="lang-compact-code">{current.toUpperCase()}</span>
        <svg width="10" height="10" viewBox="0 0 10 10" fill="currentColor">
          <path d="M1 3h8L5 8z" />
        </svg>
      </span>
      {select}
    </span>
  );
}
