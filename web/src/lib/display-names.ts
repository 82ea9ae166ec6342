import { isoCountryCodes, isoLanguageCodes } from '@contracts/http';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { subdivisionKeywords, subdivisionName, subdivisions } from './subdivisions.ts';

export interface CodeOption {
  code: string;
  name: string;
  /** Shown beside the name in suggestions, e.g. the country of a region. */
  detail?: string;
  /** Other names that find it: "Bayern" and "Baviera" find Bavaria in any UI language. */
  keywords?: string[];
}

function safeOf(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    // A malformed code (RangeError) is shown as typed rather than breaking the screen.
    return code;
  }
}

export interface DisplayNames {
  country: (code: string) => string;
  /**
   * "IT" → "Italy"; "DE-BY" → "Bavaria" (lib/subdivisions.ts, in the UI language); a
   * subdivision not listed there → "Italy · IT-99".
   */
  region: (code: string) => string;
  language: (code: string) => string;
  countryOptions: CodeOption[];
  /** Countries and the subdivisions named in lib/subdivisions.ts, searchable by any of their names. */
  regionOptions: CodeOption[];
  languageOptions: CodeOption[];
}

/** As <select> options (SelectField): the code is the value, the name the label. */
export function selectOptions(options: readonly CodeOption[]): { value: string; label: string }[] {
  return options.map((option) => ({ value: option.code, label: option.name }));
}

function sorted(codes: readonly string[], name: (code: string) => string, language: string): CodeOption[] {
  const collator = new Intl.Collator(language);
  return codes.map((code) => ({ code, name: name(code) })).sort((a, b) => collator.compare(a.name, b.name));
}

/** Country, region and language names in the portal's current language, via Intl.DisplayNames. */
export function useDisplayNames(): DisplayNames {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const regions = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' });
    const languages = new Intl.DisplayNames([language, 'en'], { type: 'language', fallback: 'code' });
    const country = (code: string) => safeOf(regions, code.toUpperCase());
    const languageName = (code: string) => safeOf(languages, code.toLowerCase());
    const region = (code: string) => {
      const [iso, subdivision] = code.toUpperCase().split('-');
      if (!subdivision) return country(code);
      return subdivisionName(code, language) ?? `${country(iso ?? '')} · ${code.toUpperCase()}`;
    };
    const countryOptions = sorted(isoCountryCodes, country, language);
    const collator = new Intl.Collator(language);
    const regionOptions = [
      ...countryOptions.map((option) => ({ ...option, keywords: [option.code] })),
      ...Object.keys(subdivisions).map((code) => ({
        code,
        name: region(code),
        detail: country(code.slice(0, 2)),
        keywords: subdivisionKeywords(code),
      })),
    ].sort((a, b) => collator.compare(a.name, b.name));
    return {
      country,
      region,
      language: languageName,
      countryOptions,
      regionOptions,
      languageOptions: sorted(isoLanguageCodes, languageName, language),
    };
  }, [language]);
}
