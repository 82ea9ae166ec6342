import {
  normaliseWebAddress,
  type Partner,
  type PartnerDocument,
  type PublicPartner,
} from '@tourconnect/contracts/http';
import type { DocumentRow } from '../db/documents.repository.ts';
import type { PartnerRow } from '../db/partners.repository.ts';
import { defaultDescription } from './descriptions.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Where the portal loads a logo; the hash changes the URL when the logo changes (cacheable). */
export function logoUrl(row: PartnerRow): string | null {
  return row.logoKey && row.logoSha256 ? `/api/partners/${row.id}/logo?v=${row.logoSha256.slice(0, 12)}` : null;
}

/**
 * Addresses are validated and normalised on the way in; rows written before that (issue 10 #6:
 * `https://evil.example/"><script>` was stored as typed) are normalised again on the way out,
 * and dropped when they are not http(s) at all.
 */
const webAddress = (value: string | null) => (value === null ? null : (normaliseWebAddress(value) ?? null));

/** What anyone may see: no legal name, tax id, contacts or review details. */
export function toPublicPartner(row: PartnerRow): PublicPartner {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    country: row.country,
    description: defaultDescription(row),
    descriptions: row.descriptions,
    logoUrl: logoUrl(row),
    website: webAddress(row.website),
    socialLinks: row.socialLinks.map(webAddress).filter((link): link is string => link !== null),
    regions: row.regions,
    languages: row.languages,
    verified: row.verified,
    verifiedAt: iso(row.verifiedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the partner's members and admins see. */
export function toPartner(row: PartnerRow): Partner {
  return {
    ...toPublicPartner(row),
    status: row.status,
    legalName: row.legalName,
    vatId: row.vatId,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    ownerUserId: row.ownerUserId,
    verifiedBy: row.verifiedBy,
    rejectionReason: row.rejectionReason,
    suspensionReason: row.suspensionReason,
    submittedAt: iso(row.submittedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDocument(row: DocumentRow): PartnerDocument {
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    contentType: row.contentType as PartnerDocument['contentType'],
    size: row.size,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedBy,
  };
}
