import { regionCodeSchema } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { CodeChipsInput } from '../ui/code-chips-input.tsx';
import { useDisplayNames } from '../../lib/display-names.ts';
import type { FieldErrors } from '../../lib/form-errors.ts';

/** A typed ISO 3166-2 code not in the named list ("hr-19") is offered as it stands. */
function subdivision(query: string): string | null {
  if (!/^[a-z]{2}-[a-z0-9]{1,3}$/i.test(query.trim())) return null;
  const parsed = regionCodeSchema.safeParse(query);
  return parsed.success ? parsed.data : null;
}

/** The part of a partner form (useSchemaForm) these two lists read and write. */
interface RegionLanguageForm {
  values: { regions: string[]; languages: string[] };
  errors: FieldErrors;
  set: (name: 'regions' | 'languages', value: string[]) => void;
}

/**
 * Regions served and languages spoken, as ISO codes found and shown by name in the portal's
 * language ("Bayern", "Bavaria" or "Baviera" finds DE-BY).
 */
export function RegionLanguageFields({ form, disabled }: { form: RegionLanguageForm; disabled?: boolean }) {
  const { t } = useTranslation('onboarding');
  const names = useDisplayNames();
  return (
    <>
      <CodeChipsInput
        label={t('regions.regions')}
        hint={t('regions.regionsHint')}
        options={names.regionOptions}
        value={form.values.regions}
        onChange={(next) => form.set('regions', next)}
        chipLabel={names.region}
        customCode={subdivision}
        testId="region-input"
        errors={form.errors.regions}
        disabled={disabled}
        max={50}
      />
      <CodeChipsInput
        label={t('regions.languages')}
        hint={t('regions.languagesHint')}
        options={names.languageOptions}
        value={form.values.languages}
        onChange={(next) => form.set('languages', next)}
        chipLabel={names.language}
        testId="language-input"
        errors={form.errors.languages}
        disabled={disabled}
        max={30}
      />
    </>
  );
}
