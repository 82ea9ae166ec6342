import { formatMoney, money } from '@tourconnect/money';
import type { Formatters, TemplateName, TemplateParams } from './catalog.ts';
import { de } from './dictionaries/de.ts';
import { en } from './dictionaries/en.ts';
import { es } from './dictionaries/es.ts';
import { fr } from './dictionaries/fr.ts';
import { it } from './dictionaries/it.ts';
import type { Language } from './languages.ts';
import { layoutHtml, layoutText } from './layout.ts';

/** Typed per language, so a template missing in one language does not compile. */
export const dictionaries = { en, it, de, fr, es } as const;

/** The catalogue's time zone (bundling's items are in Europe/Rome); travel days are its calendar days. */
export const TRAVEL_TIME_ZONE = 'Europe/Rome';

const dateLocales: Record<Language, string> = { en: 'en-GB', it: 'it-IT', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

// Intl formatters are costly to build and immutable: one set per language, built on first use
// (every booking event renders two e-mails).
const formattersByLanguage = new Map<Language, Formatters>();

function formatters(language: Language): Formatters {
  let built = formattersByLanguage.get(language);
  if (!built) {
    built = buildFormatters(language);
    formattersByLanguage.set(language, built);
  }
  return built;
}

function buildFormatters(language: Language): Formatters {
  // The recipient's time zone is unknown, so times say UTC rather than guess.
  const dates = new Intl.DateTimeFormat(dateLocales[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  // Travel days are the destination's calendar days; the demo catalogue is in Italy.
  const travelDates = new Intl.DateTimeFormat(dateLocales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TRAVEL_TIME_ZONE,
  });
  const roles = dictionaries[language].roles;
  return {
    dateTime: (value) => `${dates.format(value)} UTC`,
    travelDate: (value) => travelDates.format(value),
    money: (minor, currency) => formatMoney(money(minor, currency), dateLocales[language]),
    role: (role) => roles[role as keyof typeof roles] ?? role,
  };
}

/** One template in one language: subject, HTML and plain text from the same copy. */
export function renderEmail<T extends TemplateName>(
  template: T,
  language: Language,
  params: TemplateParams[T],
): RenderedEmail {
  const dictionary = dictionaries[language];
  const copy = dictionary.templates[template](params, formatters(language));
  const name = 'name' in params ? params.name : '';
  const frame = {
    language,
    greeting: dictionary.greeting(name),
    linkFallback: dictionary.linkFallback,
    footer: dictionary.footer,
    url: params.link,
  };
  return { subject: copy.subject, html: layoutHtml(copy, frame), text: layoutText(copy, frame) };
}
