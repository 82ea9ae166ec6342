import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { isSupportedLanguage, languageNames, supportedLanguages } from '../../i18n/languages.ts';
import './language-switcher.css';

export function LanguageSwitcher({
  className = 'select lang-select',
  showLabel = false,
}: {
  className?: string;
  showLabel?: boolean;
}) {
  const { t, i18n } = useTranslation('common');
  const id = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <>
      <label htmlFor={id} className={showLabel ? undefined : 'visually-hidden'}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className={className}
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
    </>
  );
}
