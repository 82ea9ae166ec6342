import { partnerTypes, requiredDocuments, type PartnerType } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WizardNav } from './wizard-nav.tsx';
import './step-type.css';

interface StepTypeProps {
  value: PartnerType | null;
  /** The type is chosen once, at registration. */
  locked: boolean;
  onChange: (type: PartnerType) => void;
  onNext: () => void;
}

export function StepType({ value, locked, onChange, onNext }: StepTypeProps) {
  const { t } = useTranslation('onboarding');
  const [missing, setMissing] = useState(false);
  return (
    <form
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!value) setMissing(true);
        else onNext();
      }}
    >
      <fieldset className="type-grid" aria-describedby={missing ? 'type-error' : locked ? 'type-locked' : undefined}>
        <legend className="visually-hidden">{t('type.legend')}</legend>
        {partnerTypes.map((type) => (
          <label
            key={type}
            className="type-card"
            data-testid={`partner-type-${type}`}
            data-selected={value === type || undefined}
            aria-disabled={locked || undefined}
          >
            <input
              type="radio"
              name="partner-type"
              value={type}
              className="visually-hidden"
              checked={value === type}
              disabled={locked}
              onChange={() => {
                setMissing(false);
                onChange(type);
              }}
            />
            <span className="type-card-title">{t(`common:partnerTypes.${type}`)}</span>
            <span className="muted type-card-body">{t(`type.descriptions.${type}`)}</span>
            <span className="field-hint">{t('type.documents', { count: requiredDocuments[type].length })}</span>
          </label>
        ))}
      </fieldset>
      {locked && (
        <p id="type-locked" className="field-hint">
          {t('type.locked')}
        </p>
      )}
      {missing && (
        <p id="type-error" className="field-error" role="alert">
          {t('type.required')}
        </p>
      )}
      <WizardNav />
    </form>
  );
}
