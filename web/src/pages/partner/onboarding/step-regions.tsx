import { updatePartnerBodySchema, type MyPartner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { RegionLanguageFields } from '../../../components/partner/region-language-fields.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { formLevelError } from '../../../lib/form-errors.ts';
import { useSchemaForm } from '../../../lib/use-schema-form.ts';
import { changedFields, regionFields, regionValues } from '../partner-values.ts';
import { StepForm, useStepSave } from './step-form.tsx';
import { WizardNav } from './wizard-nav.tsx';

export function StepRegions({ my, onBack, onDone }: { my: MyPartner; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation('onboarding');
  const { update, save } = useStepSave(onDone);
  // A directory entry nobody can find by region or language is of no use: ask for one of each.
  const form = useSchemaForm(regionValues(my.partner), updatePartnerBodySchema, {
    required: regionFields,
    focusServerErrors: true,
  });

  return (
    <StepForm
      formRef={form.formRef}
      onSubmit={() => {
        const body = form.validate();
        if (!body || update.isPending) return;
        save(changedFields(body, my.partner, regionFields), (error) => form.applyServerError(error));
      }}
    >
      <p className="muted">{t('regions.intro')}</p>
      <RegionLanguageFields form={form} />
      <ProblemAlert error={formLevelError(update.error)} />
      <WizardNav onBack={onBack} pending={update.isPending} />
    </StepForm>
  );
}
