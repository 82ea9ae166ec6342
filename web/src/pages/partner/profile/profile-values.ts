import type { Partner, PublicPartner } from '@contracts/http';
import { blankToNull } from '../use-partner-form.ts';

/** The logo URL stays the same across uploads; the update time makes the browser fetch the new one. */
export function versionedLogoUrl(partner: Partner): string | null {
  if (!partner.logoUrl) return null;
  const separator = partner.logoUrl.includes('?') ? '&' : '?';
  return `${partner.logoUrl}${separator}v=${encodeURIComponent(partner.updatedAt)}`;
}

export const profileFields = [
  'name',
  'legalName',
  'vatId',
  'country',
  'website',
  'contactEmail',
  'contactPhone',
  'description',
  'socialLinks',
  'regions',
  'languages',
] as const;

export interface ProfileValues {
  name: string;
  legalName: string;
  vatId: string;
  country: string;
  website: string;
  contactEmail: string;
  contactPhone: string;
  description: string;
  socialLinks: string[];
  regions: string[];
  languages: string[];
  [key: string]: unknown;
}

export function profileValues(partner: Partner): ProfileValues {
  return {
    name: partner.name,
    legalName: partner.legalName ?? '',
    vatId: partner.vatId ?? '',
    country: partner.country,
    website: partner.website ?? '',
    contactEmail: partner.contactEmail ?? '',
    contactPhone: partner.contactPhone ?? '',
    description: partner.description ?? '',
    socialLinks: partner.socialLinks,
    regions: partner.regions,
    languages: partner.languages,
  };
}

/** The PATCH body for every field; blank links are dropped, blank text becomes null. */
export function profileBody(v: ProfileValues) {
  return {
    name: v.name,
    legalName: blankToNull(v.legalName),
    vatId: blankToNull(v.vatId),
    country: v.country,
    website: blankToNull(v.website),
    contactEmail: blankToNull(v.contactEmail),
    contactPhone: blankToNull(v.contactPhone),
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
