/** The languages every e-mail is written in; the portal offers the same five. */
export const languages = ['en', 'it', 'de', 'fr', 'es'] as const;
export type Language = (typeof languages)[number];

/**
 * The recipient's language from whatever an event carries ("de", "de-CH", "DE", ""), falling
 * back to English, so an unknown or empty locale still yields an e-mail.
 */
export function resolveLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    const primary = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    const match = languages.find((language) => language === primary);
    if (match) return match;
  }
  return 'en';
}
