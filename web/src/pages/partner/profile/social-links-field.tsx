import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/form-fields.tsx';
import { useErrorText } from '../../../lib/use-error-text.ts';
import './social-links-field.css';

const MAX_LINKS = 6;

interface SocialLinksFieldProps {
  value: string[];
  onChange: (next: string[]) => void;
  errors?: string[] | undefined;
  disabled: boolean;
}

/** Up to six profile links (Instagram, Facebook, TripAdvisor…), one input each. */
export function SocialLinksField({ value, onChange, errors, disabled }: SocialLinksFieldProps) {
  const { t } = useTranslation('onboarding');
  const errorText = useErrorText();
  const update = (index: number, text: string) => onChange(value.map((link, i) => (i === index ? text : link)));
  return (
    <fieldset className="links-field">
      <legend className="chips-label">{t('profile.socialLinks')}</legend>
      <p className="field-hint">{t('profile.socialLinksHint')}</p>
      {value.map((link, index) => (
        <TextField
          key={index}
          label={t('profile.socialLink', { n: index + 1 })}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={link}
          disabled={disabled}
          testId={`field-socialLinks-${index}`}
          aria-invalid={errors?.length && link.trim() ? true : undefined}
          onChange={(event) => update(index, event.target.value)}
          trailing={
            disabled ? undefined : (
              <button
                type="button"
                className="btn btn-ghost"
                aria-label={t('profile.removeLink', { n: index + 1 })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )
          }
        />
      ))}
      {!disabled && value.length < MAX_LINKS && (
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid="add-social-link"
          onClick={() => onChange([...value, ''])}
        >
          {t('profile.addLink')}
        </button>
      )}
      {errors?.length ? (
        <ul className="field-error" aria-live="polite">
          {errors.map((code) => (
            <li key={code}>{errorText(code)}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
