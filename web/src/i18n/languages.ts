import type { Locale } from '@contracts/http';

/** Endonyms: each language is offered in its own name, as users look for it that way. */
export const languageNames: Record<Locale, string> = {
  en: 'English',
  it: 'Italiano',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
};

/** Same order as `locales` in the contracts (a test keeps the two in step). */
export const supportedLanguages: readonly Locale[] = ['en', 'it', 'de', 'fr', 'es'];

export const namespaces = [
  'common',
  'auth',
  'errors',
  'discover',
  'partner',
  'admin',
  'billing-admin',
  'account',
  'privacy',
  'onboarding',
  'directory',
  'verification',
  'catalogue',
  'packages',
  'booking',
  'search',
  'sponsored',
  'billing',
] as const;
export type Namespace = (typeof namespaces)[number];

export const LANGUAGE_STORAGE_KEY = 'tourconnect.language';

export function isSupportedLanguage(value: string | null | undefined): value is Locale {
  return !!value && (supportedLanguages as readonly string[]).includes(value);
}

/** Stored choice first, then the browser's preferences, then English. */
export function detectLanguage(stored: string | null, preferred: readonly string[]): Locale {
  if (isSupportedLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isSupportedLanguage(base)) return base;
  }
  return 'en';
}
