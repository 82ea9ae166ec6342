import type { Locale } from '@contracts/http';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../components/ui/form-fields.tsx';
import { useErrorText } from '../../../lib/use-error-text.ts';
import { isSupportedLanguage, languageNames, supportedLanguages } from '../../../i18n/languages.ts';
import './translation-tabs.css';

export type TranslationValues = Record<Locale, { title: string; description: string }>;

export function emptyTranslations(): TranslationValues {
  return Object.fromEntries(supportedLanguages.map((l) => [l, { title: '', description: '' }])) as TranslationValues;
}

interface TranslationTabsProps {
  value: TranslationValues;
  onChange: (locale: Locale, next: { title: string; description: string }) => void;
  /** Errors by path: `translations` (the whole field) or `translations.<lang>.title` … */
  errors: Partial<Record<string, string[]>>;
  disabled?: boolean;
  /** Prefix of the test ids (`item`, `package`). */
  testId: string;
}

/** The portal's language first: that is the one a partner most likely writes first. */
function tabOrder(language: string): Locale[] {
  const first = isSupportedLanguage(language) ? language : 'en';
  return [first, ...supportedLanguages.filter((locale) => locale !== first)];
}

/** Title and description per language, as WAI-ARIA tabs; at least one language is needed. */
export function TranslationTabs({ value, onChange, errors, disabled, testId }: TranslationTabsProps) {
  const { t, i18n } = useTranslation('catalogue');
  const errorText = useErrorText();
  const id = useId();
  const order = tabOrder(i18n.language);
  // The portal's language when it is written, else the first written one (a viewer sees the text at once).
  const [active, setActive] = useState<Locale>(() => {
    const written = order.find((locale) => value[locale].title.trim() !== '');
    return value[order[0]!].title.trim() === '' && written ? written : order[0]!;
  });
  const current = value[active];

  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = order[(order.indexOf(active) + step + order.length) % order.length]!;
    setActive(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  return (
    <fieldset className="translation-tabs" data-testid={`${testId}-translations`}>
      <legend className="chips-label">{t('translations.legend')}</legend>
      <p className="field-hint">{t('translations.hint')}</p>
      <div role="tablist" className="translation-tablist" aria-label={t('translations.languages')}>
        {order.map((locale) => {
          const filled = value[locale].title.trim() !== '';
          const invalid = Object.keys(errors).some((key) => key.startsWith(`translations.${locale}`));
          return (
            <button
              key={locale}
              id={`${id}-tab-${locale}`}
              type="button"
              role="tab"
              className="translation-tab"
              aria-selected={locale === active}
              aria-controls={`${id}-panel`}
              tabIndex={locale === active ? 0 : -1}
              data-testid={`${testId}-tab-${locale}`}
              data-invalid={invalid || undefined}
              onKeyDown={onKey}
              onClick={() => setActive(locale)}
            >
              {languageNames[locale]}
              {filled && <span aria-label={t('translations.written')}> ✓</span>}
            </button>
          );
        })}
      </div>
      {errors.translations && (
        <ul className="field-error" data-testid={`${testId}-translations-error`}>
          {errors.translations.map((code) => (
            <li key={code}>{errorText(code)}</li>
          ))}
        </ul>
      )}
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`} className="stack">
        <TextField
          key={`title-${active}`}
          label={t('translations.titleIn', { language: languageNames[active] })}
          value={current.title}
          maxLength={120}
          disabled={disabled}
          errors={errors[`translations.${active}.title`]}
          testId={`${testId}-title-${active}`}
          onChange={(event) => onChange(active, { ...current, title: event.target.value })}
        />
        <TextAreaField
          key={`description-${active}`}
          name={`translations.${active}.description`}
          label={t('translations.descriptionIn', { language: languageNames[active] })}
          maxLength={4000}
          rows={5}
          value={current.description}
          disabled={disabled}
          errors={errors[`translations.${active}.description`]}
          testId={`${testId}-description-${active}`}
          onChange={(event) => onChange(active, { ...current, description: event.target.value })}
        />
      </div>
    </fieldset>
  );
}
