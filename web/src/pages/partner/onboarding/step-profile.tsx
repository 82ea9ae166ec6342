import type { MyPartner } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { isApiError } from '../../../api/api-error.ts';
import { formLevelError, problemToFieldErrors } from '../../../lib/form-errors.ts';
import { DescriptionsField } from '../profile/descriptions-field.tsx';
import { LogoField } from '../profile/logo-field.tsx';
import { changedDescriptions, descriptionValues, hasDescription } from '../partner-values.ts';
import { StepForm, useStepSave } from './step-form.tsx';
import { WizardNav } from './wizard-nav.tsx';

/**
 * What travellers read and recognise: a description in at least one language and a logo. The
 * service refuses to submit (and the admin to approve) a profile without both (`profile_complete`).
 */
export function StepProfile({ my, onBack, onDone }: { my: MyPartner; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation('onboarding');
  const { update, save } = useStepSave(onDone);
  const [values, setValues] = useState(() => descriptionValues(my.partner));
  const [errors, setErrors] = useState<string[] | undefined>();
  const [logoMissing, setLogoMissing] = useState(false);
  const hasLogo = !!my.partner.logoUrl;

  return (
    <StepForm
      onSubmit={() => {
        if (update.isPending) return;
        const described = hasDescription(values);
        setErrors(described ? undefined : ['description_required']);
        setLogoMissing(!hasLogo);
        if (!described || !hasLogo) return;
        const descriptions = changedDescriptions(values, my.partner.descriptions);
        save(descriptions ? { descriptions } : {}, (error) => {
          if (isApiError(error)) setErrors(problemToFieldErrors(error.fieldErrors).descriptions);
        });
      }}
    >
      <p className="muted">{t('profileStep.intro')}</p>
      <DescriptionsField
        value={values}
        errors={errors}
        onChange={(locale, text) => {
          const next = { ...values, [locale]: text };
          setValues(next);
          if (errors && hasDescription(next)) setErrors(undefined);
        }}
      />
      <LogoField partner={my.partner} disabled={false} />
      {logoMissing && !hasLogo && (
        <p className="field-error" role="alert" data-testid="logo-required">
          {t('profileStep.logoRequired')}
        </p>
      )}
      <ProblemAlert error={formLevelError(update.error)} />
      <WizardNav onBack={onBack} pending={update.isPending} />
    </StepForm>
  );
}
