import type { Partner, PublicPartner, UpdatePartnerBody } from '@contracts/http';

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

export const profileFields = [...businessFields, 'description', 'socialLinks', ...regionFields] as const;
export type ProfileValues = BusinessValues & RegionValues & { description: string; socialLinks: string[] };

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
    description: partner.description ?? '',
    socialLinks: partner.socialLinks,
    ...regionValues(partner),
  };
}

/** The PATCH body for every field; blank links are dropped, blank text becomes null. */
export function profileBody(v: ProfileValues) {
  return {
    ...businessBody(v),
    description: blankToNull(v.description),
    socialLinks: v.socialLinks.map((link) => link.trim()).filter(Boolean),
    regions: v.regions,
    languages: v.languages,
  };
}

/** What travellers would see if the form were saved now: the live preview. */
export function previewPartner(partner: Partner, v: ProfileValues): PublicPartner {
  const body = profileBody(v);
  return {
    id: partner.id,
    type: partner.type,
    name: body.name.trim() || partner.name,
    country: body.country || partner.country,
    description: body.description,
    // Not edited here (yet): the saved per-language descriptions, as they are.
    descriptions: partner.descriptions,
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
