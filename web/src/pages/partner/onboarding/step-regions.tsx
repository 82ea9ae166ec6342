import { updatePartnerBodySchema, type MyPartner } from '@contracts/http';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { updatePartner } from '../../../api/partners-api.ts';
import { RegionLanguageFields } from '../../../components/partner/region-language-fields.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { usePartnerMutation } from '../partner-queries.ts';
import { formLevelError } from '../../../lib/form-errors.ts';
import { useSchemaForm } from '../../../lib/use-schema-form.ts';
import { changedFields, regionFields, regionValues, type RegionValues } from '../partner-values.ts';
import { WizardNav } from './wizard-nav.tsx';

export function StepRegions({ my, onBack, onDone }: { my: MyPartner; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation('onboarding');
  const update = usePartnerMutation(updatePartner);
  const toBody = useCallback((v: RegionValues) => ({ regions: v.regions, languages: v.languages }), []);
  // A directory entry nobody can find by region or language is of no use: ask for one of each.
  const form = useSchemaForm(regionValues(my.partner), updatePartnerBodySchema, {
    toBody,
    required: regionFields,
    focusServerErrors: true,
  });

  return (
    <form
      ref={form.formRef}
      className="form wizard-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const body = form.validate();
        if (!body || update.isPending) return;
        const patch = changedFields(body, my.partner, regionFields);
        if (Object.keys(patch).length === 0) return onDone();
        update.mutate(patch, { onSuccess: onDone, onError: (error) => form.applyServerError(error) });
      }}
    >
      <p className="muted">{t('regions.intro')}</p>
      <RegionLanguageFields
        regions={form.values.regions}
        languages={form.values.languages}
        onRegions={(next) => form.set('regions', next)}
        onLanguages={(next) => form.set('languages', next)}
        errors={form.errors}
      />
      <ProblemAlert error={formLevelError(update.error)} />
      <WizardNav onBack={onBack} pending={update.isPending} />
    </form>
  );
}
