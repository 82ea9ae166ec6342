import type { Locale, Translations } from '@tourconnect/contracts/http';

/** The order languages are tried in when an item's own first language is missing. */
const LANGUAGE_ORDER: readonly Locale[] = ['en', 'it', 'de', 'fr', 'es'];

/**
 * The language travellers fall back to: the current one while the partner still writes it,
 * otherwise the first written in the contract's order (EN, IT, DE, FR, ES).
 */
export function itemDefaultLanguage(translations: Translations, current?: string): Locale {
  if (current && translations[current as Locale]) return current as Locale;
  return LANGUAGE_ORDER.find((lang) => translations[lang]) ?? 'en';
}

/** Title and description in `lang` when written, else in the item's default language (else any). */
export function inLanguage(
  translations: Translations,
  defaultLanguage: string,
  lang?: Locale,
): { title: string; description: string; language: string } {
  for (const candidate of [lang, defaultLanguage as Locale, ...LANGUAGE_ORDER]) {
    const text = candidate ? translations[candidate] : undefined;
    if (text) return { title: text.title, description: text.description, language: candidate! };
  }
  return { title: '', description: '', language: defaultLanguage };
}
