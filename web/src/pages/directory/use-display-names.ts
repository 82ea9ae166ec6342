import { isoCountryCodes, isoLanguageCodes } from '@contracts/http';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface DisplayNames {
  /** "IT" → "Italy" / "Italia"… in the portal's language. */
  country: (code: string) => string;
  /** A country, or a subdivision shown with its country: "IT-21" → "Italy (IT-21)". */
  region: (code: string) => string;
  language: (code: string) => string;
  /** Every ISO country, sorted by its name in the portal's language. */
  countryOptions: () => { code: string; name: string }[];
  languageOptions: () => { code: string; name: string }[];
}

function safeOf(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    // An unknown or malformed code: show it as stored rather than failing the page.
    return code;
  }
}

export function createDisplayNames(language: string): DisplayNames {
  const regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
  const collator = new Intl.Collator(language);
  const sorted = (codes: readonly string[], name: (code: string) => string) =>
    codes.map((code) => ({ code, name: name(code) })).sort((a, b) => collator.compare(a.name, b.name));
  const country = (code: string) => safeOf(regions, code.toUpperCase());
  const languageName = (code: string) => safeOf(languages, code.toLowerCase());
  return {
    country,
    region: (code) => {
      const [countryCode = code, subdivision] = code.split('-');
      return subdivision ? `${country(countryCode)} (${code})` : country(countryCode);
    },
    language: languageName,
    countryOptions: () => sorted(isoCountryCodes, country),
    languageOptions: () => sorted(isoLanguageCodes, languageName),
  };
}

/** Country and language names via Intl.DisplayNames, following the portal's language. */
export function useDisplayNames(): DisplayNames {
  const { i18n } = useTranslation();
  return useMemo(() => createDisplayNames(i18n.language), [i18n.language]);
}
