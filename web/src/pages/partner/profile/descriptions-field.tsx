import type { Locale } from '@contracts/http';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ui/form-fields.tsx';
import { isSupportedLanguage, languageNames } from '../../../i18n/languages.ts';
import { descriptionLocales, type DescriptionValues } from '../partner-values.ts';
import './descriptions-field.css';

interface DescriptionsFieldProps {
  value: DescriptionValues;
  onChange: (locale: Locale, text: string) => void;
  /** Error codes for the whole field (`descriptions`, e.g. `required`). */
  errors?: string[] | undefined;
  disabled?: boolean;
}

/** The portal's language first: that is the description a partner is most likely to write. */
function tabOrder(language: string): Locale[] {
  const first = isSupportedLanguage(language) ? language : 'en';
  return [first, ...descriptionLocales.filter((locale) => locale !== first)];
}

/** One description per portal language, as tabs (WAI-ARIA tabs pattern); at least one is needed. */
export function DescriptionsField({ value, onChange, errors, disabled }: DescriptionsFieldProps) {
  const { t, i18n } = useTranslation('onboarding');
  const id = useId();
  const order = tabOrder(i18n.language);
  const [active, setActive] = useState<Locale>(order[0]!);

  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = order[(order.indexOf(active) + step + order.length) % order.length]!;
    setActive(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  return (
    <fieldset className="descriptions-field" data-testid="descriptions-field">
      <legend className="chips-label">{t('profile.description')}</legend>
      <p className="field-hint">{t('profile.descriptionsHint')}</p>
      <div role="tablist" className="descriptions-tabs" aria-label={t('profile.descriptionLanguages')}>
        {order.map((locale) => {
          const filled = value[locale].trim() !== '';
          return (
            <button
              key={locale}
              id={`${id}-tab-${locale}`}
              type="button"
              role="tab"
              className="descriptions-tab"
              aria-selected={locale === active}
              aria-controls={`${id}-panel`}
              tabIndex={locale === active ? 0 : -1}
              data-testid={`description-tab-${locale}`}
              data-filled={filled || undefined}
              onKeyDown={onKey}
              onClick={() => setActive(locale)}
            >
              {languageNames[locale]}
              {filled && <span aria-label={t('profile.descriptionWritten')}> ✓</span>}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`}>
        <TextAreaField
          key={active}
          name={`descriptions.${active}`}
          label={t('profile.descriptionIn', { language: languageNames[active] })}
          hint={t('profile.descriptionHint')}
          maxLength={2000}
          rows={6}
          value={value[active]}
          disabled={disabled}
          errors={errors}
          testId={`field-description-${active}`}
          onChange={(event) => onChange(active, event.target.value)}
        />
      </div>
    </fieldset>
  );
}
