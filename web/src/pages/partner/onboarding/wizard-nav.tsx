import { useTranslation } from 'react-i18next';

interface WizardNavProps {
  onBack?: () => void;
  nextLabel?: string;
  pending?: boolean;
  nextDisabled?: boolean;
}

/** Back and Next for a step; Next submits the step's form so Enter works too. */
export function WizardNav({ onBack, nextLabel, pending, nextDisabled }: WizardNavProps) {
  const { t } = useTranslation('onboarding');
  return (
    <div className="wizard-nav">
      {onBack ? (
        <button type="button" className="btn btn-secondary" data-testid="wizard-back" onClick={onBack}>
          {t('wizard.back')}
        </button>
      ) : (
        <span />
      )}
      <button
        type="submit"
        className="btn btn-primary"
        data-testid="wizard-next"
        disabled={pending || nextDisabled}
        aria-busy={pending || undefined}
      >
        {pending && <span className="spinner spinner-sm" aria-hidden="true" />}
        {pending ? t('wizard.saving') : (nextLabel ?? t('wizard.next'))}
      </button>
    </div>
  );
}
