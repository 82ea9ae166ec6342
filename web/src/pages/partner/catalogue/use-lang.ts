import type { Locale } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { isSupportedLanguage } from '../../../i18n/languages.ts';

/** The portal's language as an API `lang` (titles come back in it, else the item's first language). */
export function useLang(): Locale {
  const { i18n } = useTranslation();
  return isSupportedLanguage(i18n.language) ? i18n.language : 'en';
}
