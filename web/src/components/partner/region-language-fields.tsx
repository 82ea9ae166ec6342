import { regionCodeSchema } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { CodeChipsInput } from '../ui/code-chips-input.tsx';
import { useDisplayNames } from '../../lib/display-names.ts';

/** A typed ISO 3166-2 subdivision ("it-21") is offered as it stands, since Intl cannot list them. */
function subdivision(query: string): string | null {
  if (!/^[a-z]{2}-[a-z0-9]{1,3}$/i.test(query.trim())) return null;
  const parsed = regionCodeSchema.safeParse(query);
  return parsed.success ? parsed.data : null;
}

interface RegionLanguageFieldsProps {
  regions: string[];
  languages: string[];
  onRegions: (next: string[]) => void;
  onLanguages: (next: string[]) => void;
  errors: Partial<Record<string, string[]>>;
  disabled?: boolean;
}

/** Regions served and languages spoken, as ISO codes shown by name in the portal's language. */
export function RegionLanguageFields({
  regions,
  languages,
  onRegions,
  onLanguages,
  errors,
  disabled,
}: RegionLanguageFieldsProps) {
  const { t } = useTranslation('onboarding');
  const names = useDisplayNames();
  return (
    <>
      <CodeChipsInput
        label={t('regions.regions')}
        hint={t('regions.regionsHint')}
        options={names.countryOptions}
        value={regions}
        onChange={onRegions}
        chipLabel={names.region}
        customCode={subdivision}
        testId="region-input"
        errors={errors.regions}
        disabled={disabled}
        max={50}
      />
      <CodeChipsInput
        label={t('regions.languages')}
        hint={t('regions.languagesHint')}
        options={names.languageOptions}
        value={languages}
        onChange={onLanguages}
        chipLabel={names.language}
        testId="language-input"
        errors={errors.languages}
        disabled={disabled}
        max={30}
      />
    </>
  );
}
