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
// One chunk per language (vite.config.ts groups locales/<lang>/*.json), fetched when that
// language is first used: a visitor downloads their own language's strings, not all five.
const catalogues = import.meta.glob<Catalogue>('../locales/*/*.json', { import: 'default' });
const loaded = new Map<string, Promise<void>>();

/** Adds every namespace of `language` to i18next; resolves at once when already there. */
function loadLanguage(language: string): Promise<void> {
  let done = loaded.get(language);
  if (!done) {
    const files = Object.entries(catalogues).filter(([path]) => path.startsWith(`../locales/${language}/`));
    done = Promise.all(
      files.map(async ([path, load]) => {
        const namespace = /\/([a-z-]+)\.json$/.exec(path)?.[1] ?? '';
        i18next.addResourceBundle(language, namespace, await load(), true, true);
      }),
    ).then(() => undefined);
    done.catch(() => loaded.delete(language)); // a failed fetch is tried again next time
    loaded.set(language, done);
  }
  return done;
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

const initialLanguage = detectLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);

void i18next.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initialLanguage,
  fallbackLng: 'en',
  supportedLngs: [...supportedLanguages],
  ns: [...namespaces],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

/** Resolves once the visitor's language is loaded: main.tsx renders the app after it. */
export const i18nReady: Promise<void> = loadLanguage(initialLanguage);

/** An explicit choice from the language switcher: applied and remembered on this device. */
export function chooseLanguage(language: Locale): Promise<unknown> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode may refuse storage; the choice still applies for this visit.
  }
  return loadLanguage(language).then(() => i18next.changeLanguage(language));
}

/** After sign-in, follow the account's language unless the visitor already chose one here. */
export function adoptAccountLanguage(language: string): void {
  if (!readStoredLanguage() && isSupportedLanguage(language) && i18next.language !== language) {
    void loadLanguage(language).then(() => i18next.changeLanguage(language));
  }
}

export default i18next;
