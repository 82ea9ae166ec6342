import type {
  Descriptions,
  DescriptionsInput,
  Locale,
  Partner,
  PublicPartner,
  UpdatePartnerBody,
} from '@contracts/http';

/**
 * The partner forms' values and the request bodies built from them: the onboarding wizard's
 * business step and the profile editor edit the same fields, so they share one mapping.
 */

/** Trimmed text, or null when left blank: the contract's optional fields are `nullable`. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** Only what changed goes into the PATCH: an untouched VAT id must not look like an edit. */
export function changedFields(body: Record<string, unknown>, partner: Partner, fields: readonly string[]) {
  const changed: Record<string, unknown> = {};
  const current = partner as unknown as Record<string, unknown>;
  for (const field of fields) {
    if (JSON.stringify(body[field] ?? null) !== JSON.stringify(current[field] ?? null)) changed[field] = body[field];
  }
  return changed as UpdatePartnerBody;
}

/** The logo URL stays the same across uploads; the update time makes the browser fetch the new one. */
export function versionedLogoUrl(partner: Partner): string | null {
  if (!partner.logoUrl) return null;
  const separator = partner.logoUrl.includes('?') ? '&' : '?';
  return `${partner.logoUrl}${separator}v=${encodeURIComponent(partner.updatedAt)}`;
}

/** Who the business is: asked in the wizard's second step, editable later on the profile. */
export const businessFields = [
  'name',
  'legalName',
  'vatId',
  'country',
  'website',
  'contactEmail',
  'contactPhone',
] as const;
export type BusinessValues = Record<(typeof businessFields)[number], string>;

export const regionFields = ['regions', 'languages'] as const;
export type RegionValues = Record<(typeof regionFields)[number], string[]>;

/** The description is written per portal language; the form holds one text per language ('' = none). */
export const descriptionLocales = ['en', 'it', 'de', 'fr', 'es'] as const satisfies readonly Locale[];
export type DescriptionValues = Record<Locale, string>;

export function descriptionValues(partner: Partner | undefined): DescriptionValues {
  const saved = partner?.descriptions ?? {};
  return { en: saved.en ?? '', it: saved.it ?? '', de: saved.de ?? '', fr: saved.fr ?? '', es: saved.es ?? '' };
}

/**
 * The languages whose text differs from what is saved: PATCH merges them into the stored ones,
 * a blank text (null) removes a language, one left out stays. Undefined when nothing changed.
 */
export function changedDescriptions(values: DescriptionValues, saved: Descriptions): DescriptionsInput | undefined {
  const patch: DescriptionsInput = {};
  for (const locale of descriptionLocales) {
    const text = blankToNull(values[locale]);
    if (text !== (saved[locale]?.trim() || null)) patch[locale] = text;
  }
  return Object.keys(patch).length ? patch : undefined;
}

export function hasDescription(values: DescriptionValues): boolean {
  return descriptionLocales.some((locale) => values[locale].trim() !== '');
}

/** Edited field by field (changedFields); the descriptions are compared per language instead. */
export const profileFields = [...businessFields, 'socialLinks', ...regionFields] as const;
export type ProfileValues = BusinessValues & RegionValues & { descriptions: DescriptionValues; socialLinks: string[] };

/** In review the admin judges these as submitted: the service refuses changes (`locked_in_review`). */
export const reviewedFields = ['name', 'legalName', 'vatId', 'country'] as const;

/** A new partner's contact e-mail starts as the signed-in user's own. */
export function businessValues(partner: Partner | undefined, email = ''): BusinessValues {
  return {
    name: partner?.name ?? '',
    legalName: partner?.legalName ?? '',
    vatId: partner?.vatId ?? '',
    country: partner?.country ?? '',
    website: partner?.website ?? '',
    contactEmail: partner ? (partner.contactEmail ?? '') : email,
    contactPhone: partner?.contactPhone ?? '',
  };
}

export function businessBody(v: BusinessValues) {
  return {
    name: v.name,
    legalName: blankToNull(v.legalName),
    vatId: blankToNull(v.vatId),
    country: v.country,
    website: blankToNull(v.website),
    contactEmail: blankToNull(v.contactEmail),
    contactPhone: blankToNull(v.contactPhone),
  };
}

export function regionValues(partner: Partner): RegionValues {
  return { regions: partner.regions, languages: partner.languages };
}

export function profileValues(partner: Partner): ProfileValues {
  return {
    ...businessValues(partner),
    descriptions: descriptionValues(partner),
    socialLinks: partner.socialLinks,
    ...regionValues(partner),
  };
}

/** The PATCH body for every field but the descriptions; blank links are dropped, blank text becomes null. */
export function profileBody(v: ProfileValues) {
  return {
    ...businessBody(v),
    socialLinks: v.socialLinks.map((link) => link.trim()).filter(Boolean),
    regions: v.regions,
    languages: v.languages,
  };
}

/** The descriptions as they would be served: only the languages with text. */
function servedDescriptions(values: DescriptionValues): Descriptions {
  const served: Descriptions = {};
  for (const locale of descriptionLocales) {
    const text = values[locale].trim();
    if (text) served[locale] = text;
  }
  return served;
}

/** The single text of an older client: `description` when it is not one of the languages' texts. */
function legacyDescription(partner: Partner): string | null {
  const { description, descriptions } = partner;
  return description && !Object.values(descriptions).includes(description) ? description : null;
}

/** What travellers would see if the form were saved now: the live preview. */
export function previewPartner(partner: Partner, v: ProfileValues): PublicPartner {
  const body = profileBody(v);
  const descriptions = servedDescriptions(v.descriptions);
  return {
    id: partner.id,
    type: partner.type,
    name: body.name.trim() || partner.name,
    country: body.country || partner.country,
    // As the service answers it: an older client's single text when there is one, else the first language.
    description: legacyDescription(partner) ?? descriptionLocales.map((l) => descriptions[l]).find(Boolean) ?? null,
    descriptions,
    logoUrl: versionedLogoUrl(partner),
    website: body.website,
    socialLinks: body.socialLinks,
    regions: body.regions,
    languages: body.languages,
    verified: partner.verified,
    verifiedAt: partner.verifiedAt,
    createdAt: partner.createdAt,
  };
}
