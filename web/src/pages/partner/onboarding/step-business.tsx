import { registerPartnerBodySchema, type MyPartner, type PartnerType } from '@contracts/http';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../auth/use-auth.ts';
import { selectOptions, useDisplayNames } from '../../../lib/display-names.ts';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { SelectField, TextField } from '../../../components/ui/form-fields.tsx';
import { useRegisterPartner } from '../partner-queries.ts';
import { formLevelError } from '../../../lib/form-errors.ts';
import { useSchemaForm } from '../../../lib/use-schema-form.ts';
import { businessBody, businessFields, businessValues, changedFields, type BusinessValues } from '../partner-values.ts';
import { StepForm, useStepSave } from './step-form.tsx';
import { WizardNav } from './wizard-nav.tsx';
import './step-business.css';

interface StepBusinessProps {
  my: MyPartner | null;
  type: PartnerType;
  onBack: () => void;
  onDone: () => void;
}

/** Leaving this step the first time registers the partner (draft); later it patches it. */
export function StepBusiness({ my, type, onBack, onDone }: StepBusinessProps) {
  const { t } = useTranslation('onboarding');
  const { user } = useAuth();
  const names = useDisplayNames();
  const register = useRegisterPartner();
  const toBody = useCallback((v: BusinessValues) => ({ type, ...businessBody(v) }), [type]);
  const form = useSchemaForm(businessValues(my?.partner, user?.email), registerPartnerBodySchema, {
    toBody,
    required: ['name', 'country'],
    focusServerErrors: true,
  });
  const { update, save } = useStepSave(onDone);
  const pending = register.isPending || update.isPending;
  const onError = (error: unknown) => form.applyServerError(error, { invalid_vat: 'vatId' });

  return (
    <StepForm
      formRef={form.formRef}
      onSubmit={() => {
        const body = form.validate();
        if (!body || pending) return;
        if (!my) return register.mutate(body, { onSuccess: onDone, onError });
        const { type: _type, ...rest } = body;
        save(changedFields(rest, my.partner, businessFields), onError);
      }}
    >
      <div className="form-grid">
        <TextField
          label={t('business.name')}
          autoComplete="organization"
          hint={t('business.nameHint')}
          {...form.field('name')}
        />
        <TextField label={t('business.legalName')} hint={t('business.legalNameHint')} {...form.field('legalName')} />
        <TextField label={t('business.vatId')} hint={t('business.vatIdHint')} {...form.field('vatId')} />
        <SelectField
          label={t('business.country')}
          placeholder={t('business.countryPlaceholder')}
          options={selectOptions(names.countryOptions)}
          autoComplete="country"
          {...form.field('country')}
        />
        <TextField
          label={t('business.website')}
          type="url"
          inputMode="url"
          placeholder="https://"
          {...form.field('website')}
        />
        <TextField
          label={t('business.contactEmail')}
          type="email"
          autoComplete="email"
          {...form.field('contactEmail')}
        />
        <TextField
          label={t('business.contactPhone')}
          type="tel"
          autoComplete="tel"
          placeholder="+39 011 123 4567"
          hint={t('business.contactPhoneHint')}
          {...form.field('contactPhone')}
        />
      </div>
      <ProblemAlert error={formLevelError(register.error ?? update.error, ['invalid_vat'])} />
      <WizardNav onBack={onBack} pending={pending} nextLabel={my ? undefined : t('business.register')} />
    </StepForm>
  );
}
