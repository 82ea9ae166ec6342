import { locales, type Locale } from '@tourconnect/contracts/http';

/**
 * The document's language: the `lang` parameter, else the best Accept-Language match among
 * the five the platform writes, else English.
 */
export function pickLanguage(lang: Locale | undefined, acceptLanguage: string | undefined): Locale {
  if (lang) return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.q > 0 && (locales as readonly string[]).includes(entry.base))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.base as Locale | undefined) ?? 'en';
}
