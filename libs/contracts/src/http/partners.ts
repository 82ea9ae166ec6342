import { z } from 'zod';
import { emailSchema } from './auth.ts';
import { isoCountryCodes, isoLanguageCodes } from './iso-codes.ts';

/**
 * The partners API as the service validates it and the portal reads it. Validation messages
 * are stable codes (`invalid_region`, `invalid_vat`…) that the portal translates per field.
 */

export const partnerTypes = ['agency', 'hotel', 'dmo', 'ota', 'transport'] as const;
export const partnerTypeSchema = z.enum(partnerTypes, { message: 'invalid_partner_type' });
export type PartnerType = z.infer<typeof partnerTypeSchema>;

/**
 * draft → pending_review → verified | rejected; rejected → pending_review (resubmit);
 * verified → pending_review (legal name or VAT id changed); admin: → suspended → verified;
 * any live status → deletion_requested → deleted (GDPR erasure).
 */
export const partnerStatuses = [
  'draft',
  'pending_review',
  'verified',
  'rejected',
  'suspended',
  'deletion_requested',
  'deleted',
] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

export const memberRoles = ['owner', 'manager', 'viewer'] as const;
export type MemberRole = (typeof memberRoles)[number];
/** Roles an owner can invite; there is exactly one owner. */
export const invitableRoleSchema = z.enum(['manager', 'viewer'], { message: 'invalid_member_role' });

export const documentKinds = [
  'business_registration',
  'vat_certificate',
  'representative_id',
  'licence',
  'insurance',
] as const;
export const documentKindSchema = z.enum(documentKinds, { message: 'invalid_document_kind' });
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** KYC light: which documents each partner type must upload before it can submit. */
export const requiredDocuments: Record<PartnerType, readonly DocumentKind[]> = {
  agency: ['business_registration', 'vat_certificate', 'representative_id', 'licence'],
  hotel: ['business_registration', 'vat_certificate', 'representative_id', 'licence'],
  dmo: ['business_registration', 'representative_id'],
  ota: ['business_registration', 'vat_certificate', 'representative_id'],
  transport: ['business_registration', 'vat_certificate', 'representative_id', 'licence', 'insurance'],
};

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const documentContentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];

const countrySet = new Set<string>(isoCountryCodes);
const languageSet = new Set<string>(isoLanguageCodes);

/** ISO 3166-1 alpha-2, upper-cased. */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => countrySet.has(value), { message: 'invalid_country' });

/** A region served: an ISO 3166-1 country ("IT") or an ISO 3166-2 subdivision ("IT-21"). */
export const regionCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (value) => {
      const match = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/.exec(value);
      return !!match && countrySet.has(match[1] ?? '');
    },
    { message: 'invalid_region' },
  );

/** ISO 639-1, lower-cased. */
export const languageCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => languageSet.has(value), { message: 'invalid_language' });

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max, { message: 'too_many_items' })
    .transform((values) => [...new Set(values)]);

const httpUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
      } catch {
        return false;
      }
    },
    { message: 'invalid_url' },
  );

/** International format, as typed: "+39 011 123 4567". */
const phoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+[1-9][0-9 ().-]{5,30}$/, { message: 'invalid_phone' });

/**
 * A VAT or tax id as typed; the service normalises it (upper case, no spaces or dots) and, for
 * EU countries, checks the format and checksum (`invalid_vat`).
 */
const taxIdSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^[A-Za-z0-9 .\-/]{2,32}$/, { message: 'invalid_vat' });

const nameSchema = z.string().trim().min(2, { message: 'too_short' }).max(120, { message: 'too_long' });

/** Fields a partner edits; all optional on PATCH, `type`/`name`/`country` required to register. */
const profileShape = {
  name: nameSchema,
  legalName: nameSchema.nullable(),
  vatId: taxIdSchema.nullable(),
  country: countryCodeSchema,
  website: httpUrlSchema.nullable(),
  socialLinks: uniqueList(httpUrlSchema, 6),
  contactEmail: emailSchema.nullable(),
  contactPhone: phoneSchema.nullable(),
  description: z.string().trim().max(2000, { message: 'too_long' }).nullable(),
  regions: uniqueList(regionCodeSchema, 50),
  languages: uniqueList(languageCodeSchema, 30),
};

/** Every profile field, each optional: what PATCH accepts, and what registration adds to its required three. */
const optionalProfile = z.strictObject(profileShape).partial();

export const registerPartnerBodySchema = optionalProfile.extend({
  type: partnerTypeSchema,
  name: profileShape.name,
  country: profileShape.country,
});
export type RegisterPartnerBody = z.input<typeof registerPartnerBodySchema>;

/** The type is chosen once at registration; everything else may change (status rules apply). */
export const updatePartnerBodySchema = optionalProfile.refine((body) => Object.keys(body).length > 0, {
  message: 'empty_update',
});
export type UpdatePartnerBody = z.input<typeof updatePartnerBodySchema>;

export const verifyPartnerBodySchema = z
  .strictObject({
    partnerId: z.uuid({ message: 'invalid_id' }),
    decision: z.enum(['approve', 'reject'], { message: 'invalid_decision' }),
    reason: z.string().trim().max(1000, { message: 'too_long' }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'reject' && (body.reason ?? '').length < 5) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason_required' });
    }
  });
export type VerifyPartnerBody = z.input<typeof verifyPartnerBodySchema>;

export const suspendPartnerBodySchema = z.strictObject({
  reason: z.string().trim().min(5, { message: 'reason_required' }).max(1000, { message: 'too_long' }),
});

export const inviteMemberBodySchema = z.strictObject({
  email: emailSchema,
  role: invitableRoleSchema,
});
export type InviteMemberBody = z.input<typeof inviteMemberBodySchema>;

/** Deleting a partner is confirmed by typing its name, as in the portal's danger zone. */
export const deletePartnerBodySchema = z.strictObject({
  confirmName: z.string().trim().min(1, { message: 'required' }).max(120),
});

export const directoryQuerySchema = z.strictObject({
  type: partnerTypeSchema.optional(),
  region: regionCodeSchema.optional(),
  language: languageCodeSchema.optional(),
  verified: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(80).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});
export type DirectoryQuery = z.input<typeof directoryQuerySchema>;

export const adminPartnersQuerySchema = z.strictObject({
  status: z.enum(partnerStatuses).default('pending_review'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- Responses (what the service answers; the portal types its reads with these) ----

export interface PublicPartner {
  id: string;
  type: PartnerType;
  name: string;
  country: string;
  description: string | null;
  logoUrl: string | null;
  website: string | null;
  socialLinks: string[];
  regions: string[];
  languages: string[];
  /** The "Partner Verified" badge. */
  verified: boolean;
  verifiedAt: string | null;
  createdAt: string;
}

export interface Partner extends PublicPartner {
  status: PartnerStatus;
  legalName: string | null;
  /** Normalised: upper case, no separators, EU ids with their country prefix ("IT01234567897"). */
  vatId: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  ownerUserId: string;
  verifiedBy: string | null;
  rejectionReason: string | null;
  suspensionReason: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export type CheckCode = 'required_documents' | 'vat_format' | 'vat_duplicate' | 'duplicate_files';
/** fail blocks submission; warn is shown to the admin; pass is fine. */
export type CheckStatus = 'pass' | 'warn' | 'fail';
export interface AutomatedCheck {
  code: CheckCode;
  status: CheckStatus;
  /** required_documents: the kinds still missing. */
  missing?: DocumentKind[];
  /** vat_duplicate, admins only: other partners already registered with the same VAT id. */
  partnerIds?: string[];
  /** vat_duplicate, admins only: those partners' names and statuses, to judge at a glance. */
  partners?: { id: string; name: string; status: PartnerStatus }[];
  /** duplicate_files: document ids whose bytes (SHA-256) appear twice or on another partner. */
  documentIds?: string[];
}

export interface PartnerDocument {
  id: string;
  kind: DocumentKind;
  filename: string;
  contentType: DocumentContentType;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

/** GET /api/partners/me */
export interface MyPartner {
  partner: Partner;
  role: MemberRole;
  requiredDocuments: DocumentKind[];
  checks: AutomatedCheck[];
}

export interface PartnerMember {
  userId: string;
  email: string;
  role: MemberRole;
  joinedAt: string;
}

export interface PartnerInvitation {
  id: string;
  partnerId: string;
  partnerName: string;
  email: string;
  role: MemberRole;
  invitedAt: string;
  invitedBy: string;
}

export interface MembersView {
  members: PartnerMember[];
  invitations: PartnerInvitation[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PartnerHistoryEntry {
  action: string;
  actorId: string | null;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** GET /api/admin/partners/:id */
export interface AdminPartnerDetail {
  partner: Partner;
  requiredDocuments: DocumentKind[];
  documents: PartnerDocument[];
  checks: AutomatedCheck[];
  history: PartnerHistoryEntry[];
}

export interface AdminPartnerSummary {
  partner: Partner;
  documentCount: number;
  checks: AutomatedCheck[];
}

export type DeletionServiceStatus = 'pending' | 'confirmed';
export interface DeletionRequest {
  id: string;
  partnerId: string;
  partnerName: string;
  status: 'in_progress' | 'completed';
  requestedAt: string;
  completedAt: string | null;
  services: { service: string; status: DeletionServiceStatus; confirmedAt: string | null }[];
}
