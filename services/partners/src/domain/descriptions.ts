import { locales, type Descriptions, type DescriptionsInput } from '@tourconnect/contracts/http';
import type { PartnerRow } from '../db/partners.repository.ts';

/**
 * A partner describes itself in one or more of the portal's languages (`descriptions`); older
 * clients wrote one `description` of unknown language, which is kept and still served.
 */

/** `current` with the input's languages applied: text sets a language, null or empty text removes it. */
export function mergeDescriptions(current: Descriptions, input: DescriptionsInput): Descriptions {
  const merged: Descriptions = {};
  for (const language of locales) {
    const value = language in input ? input[language] : current[language];
    if (value) merged[language] = value;
  }
  return merged;
}

/** At least one description with text, in any language (or the single one of older clients). */
export function hasDescription(partner: Pick<PartnerRow, 'description' | 'descriptions'>): boolean {
  return !!partner.description || locales.some((language) => !!partner.descriptions[language]);
}

/**
 * The description shown when no language is chosen: the single one older clients wrote (so
 * they read back what they wrote), else the first written in the portal's language order.
 */
export function defaultDescription(partner: Pick<PartnerRow, 'description' | 'descriptions'>): string | null {
  if (partner.description) return partner.description;
  for (const language of locales) {
    const text = partner.descriptions[language];
    if (text) return text;
  }
  return null;
}
