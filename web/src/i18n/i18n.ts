import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@contracts/http';
import {
  LANGUAGE_STORAGE_KEY,
  detectLanguage,
  isSupportedLanguage,
  namespaces,
  supportedLanguages,
} from './languages.ts';

type Catalogue = Record<string, unknown>;
const modules = import.meta.glob<Catalogue>('../locales/*/*.json', { eager: true, import: 'default' });

function buildResources(): Record<string, Record<string, Catalogue>> {
  const resources: Record<string, Record<string, Catalogue>> = {};
  for (const [path, catalogue] of Object.entries(modules)) {
    const match = /locales\/([a-z]{2})\/([a-z-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language = '', namespace = ''] = match;
    (resources[language] ??= {})[namespace] = catalogue;
  }
  return resources;
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources: buildResources(),
  lng: detectLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]),
  fallbackLng: 'en',
  supportedLngs: [...supportedLanguages],
  ns: [...namespaces],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

/** An explicit choice from the language switcher: applied and remembered on this device. */
export function chooseLanguage(language: Locale): Promise<unknown> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode may refuse storage; the choice still applies for this visit.
  }
  return i18next.changeLanguage(language);
}

/** After sign-in, follow the account's language unless the visitor already chose one here. */
export function adoptAccountLanguage(language: string): void {
  if (!readStoredLanguage() && isSupportedLanguage(language) && i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
}

export default i18next;
