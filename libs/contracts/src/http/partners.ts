import { z } from 'zod';
import { emailSchema, localeSchema, type Locale } from './auth.ts';
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

/**
 * The document slots a partner of each type is shown and may upload to: its required documents
 * plus the optional ones that make sense for it. Passenger liability insurance is asked of
 * transport operators only (issue 11: hotels were shown its wording); a DMO may add a VAT
 * certificate when it has one.
 */
export const documentSlots: Record<PartnerType, readonly DocumentKind[]> = {
  agency: requiredDocuments.agency,
  hotel: requiredDocuments.hotel,
  dmo: ['business_registration', 'vat_certificate', 'representative_id'],
  ota: requiredDocuments.ota,
  transport: requiredDocuments.transport,
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

/**
 * A website or social profile as the service stores and serves it: `new URL(x).href`, so it is
 * normalised and percent-encoded (typed markup such as `"><script>` comes back as
 * `%22%3E%3Cscript%3E`, never raw), http(s) only, a dotted host name, no credentials
 * (`https://bank.example@evil.example` would read as the bank). An address typed without a
 * scheme ("dolomiti-trails.example") gets `https://`. Undefined when the value is not acceptable.
 */
export function normaliseWebAddress(value: string): string | undefined {
  const typed = value.trim();
  if (!typed) return undefined;
  let url: URL;
  try {
    url = new URL(hasScheme(typed) ? typed : `https://${typed}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.hostname.includes('.') || url.username || url.password) return undefined;
  return url.href;
}

/**
 * "javascript:…", "mailto:…" and "ftp://…" name a scheme (then refused); "example.com:8080/x" is a
 * host and port typed without one. The input is at most 300 characters (the schema's limit).
 */
function hasScheme(value: string): boolean {
  if (value.includes('://')) return true;
  const colon = value.indexOf(':');
  return colon > 0 && /^[a-z][a-z0-9+-]*$/i.test(value.slice(0, colon));
}

const httpUrlSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value, ctx) => {
    const href = normaliseWebAddress(value);
    if (href === undefined) {
      ctx.addIssue({ code: 'custom', message: 'invalid_url' });
      return z.NEVER;
    }
    return href;
  });

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

const descriptionSchema = z.string().trim().max(2000, { message: 'too_long' });

/**
 * Descriptions per portal language, merged into what the partner has: a language given with
 * text sets it, with null or an empty text removes it, a language left out stays as it is.
 */
export const descriptionsInputSchema = z.strictObject({
  en: descriptionSchema.nullable().optional(),
  it: descriptionSchema.nullable().optional(),
  de: descriptionSchema.nullable().optional(),
  fr: descriptionSchema.nullable().optional(),
  es: descriptionSchema.nullable().optional(),
} satisfies Record<Locale, z.ZodType>);
export type DescriptionsInput = z.output<typeof descriptionsInputSchema>;

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
  /** The single description of older clients (language unknown); kept and served as it was. */
  description: descriptionSchema.nullable(),
  descriptions: descriptionsInputSchema,
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
  /** The language of the invitation e-mail, when the inviter knows the invitee's. */
  locale: localeSchema.optional(),
});
export type InviteMemberBody = z.input<typeof inviteMemberBodySchema>;

/**
 * Accepting an invitation: the secret of the link e-mailed to the invited address (the portal's
 * `/invitations/accept#token=…` page posts it). Its shape is checked by the service, which
 * answers 403 `invitation_token_invalid` for anything it did not issue.
 */
export const acceptInvitationBodySchema = z.strictObject({
  token: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
});
export type AcceptInvitationBody = z.input<typeof acceptInvitationBodySchema>;

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

/** Bodies as the service receives them, after validation (trimmed, upper-cased, de-duplicated). */
export type RegisterPartnerInput = z.output<typeof registerPartnerBodySchema>;
export type UpdatePartnerInput = z.output<typeof updatePartnerBodySchema>;
export type VerifyPartnerInput = z.output<typeof verifyPartnerBodySchema>;
export type InviteMemberInput = z.output<typeof inviteMemberBodySchema>;

// ---- Responses ----
// What the service answers. The service declares these as its routes' response schemas, so an
// outgoing body is checked and filtered by them and /openapi.json shows them; the portal can
// parse what it reads with the same schemas. Plain shapes only (no transforms): responses are
// encoded, and a transform cannot run backwards.

/** Descriptions per portal language, as served. */
export const descriptionsSchema = z.object({
  en: z.string().optional(),
  it: z.string().optional(),
  de: z.string().optional(),
  fr: z.string().optional(),
  es: z.string().optional(),
} satisfies Record<Locale, z.ZodType>);
export type Descriptions = z.infer<typeof descriptionsSchema>;

/** An ISO 8601 instant as `Date.toISOString()` writes it. */
const instantSchema = z.string().meta({ format: 'date-time' });
const documentContentTypeSchema = z.enum(documentContentTypes);
const memberRoleSchema = z.enum(memberRoles);
const partnerStatusSchema = z.enum(partnerStatuses);

export const publicPartnerSchema = z.object({
  id: z.string(),
  type: partnerTypeSchema,
  name: z.string(),
  country: z.string(),
  /**
   * The description to show when no language is chosen: the single description older clients
   * wrote, else the first of `descriptions` in the order en, it, de, fr, es.
   */
  description: z.string().nullable(),
  /** Descriptions per portal language; only the languages the partner wrote. */
  descriptions: descriptionsSchema,
  logoUrl: z.string().nullable(),
  website: z.string().nullable(),
  socialLinks: z.array(z.string()),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  /** The "Partner Verified" badge. */
  verified: z.boolean(),
  verifiedAt: instantSchema.nullable(),
  createdAt: instantSchema,
});
export type PublicPartner = z.infer<typeof publicPartnerSchema>;

export const partnerSchema = publicPartnerSchema.extend({
  status: partnerStatusSchema,
  legalName: z.string().nullable(),
  /** Normalised: upper case, no separators, EU ids with their country prefix ("IT01234567897"). */
  vatId: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  ownerUserId: z.string(),
  verifiedBy: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  suspensionReason: z.string().nullable(),
  submittedAt: instantSchema.nullable(),
  updatedAt: instantSchema,
});
export type Partner = z.infer<typeof partnerSchema>;

export const checkCodes = [
  'required_documents',
  'profile_complete',
  'vat_format',
  'vat_duplicate',
  'duplicate_files',
] as const;
export type CheckCode = (typeof checkCodes)[number];
/** fail blocks submission; warn is shown to the admin; pass is fine. */
export const checkStatuses = ['pass', 'warn', 'fail'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** What the profile needs before it can be submitted and approved (besides the documents). */
export const requiredProfileFields = ['description', 'logo'] as const;
export type RequiredProfileField = (typeof requiredProfileFields)[number];

/** One of the partner's documents whose bytes also appear in another slot, or at another partner. */
export const duplicateDocumentSchema = z.object({
  documentId: z.string(),
  /** The slot of the partner's own document. */
  kind: documentKindSchema,
  /** Where else the same bytes are: the slot, and whether it is this partner's (ids for admins only). */
  duplicateOf: z.array(
    z.object({
      kind: documentKindSchema,
      samePartner: z.boolean(),
      /** Admins only: the other document, and the other partner when it is not this one. */
      documentId: z.string().optional(),
      partnerId: z.string().optional(),
    }),
  ),
});
export type DuplicateDocument = z.infer<typeof duplicateDocumentSchema>;

export const automatedCheckSchema = z.object({
  code: z.enum(checkCodes),
  status: z.enum(checkStatuses),
  /** required_documents: the kinds still missing. */
  missing: z.array(documentKindSchema).optional(),
  /** profile_complete: what the profile still lacks (a description in at least one language, a logo). */
  missingFields: z.array(z.enum(requiredProfileFields)).optional(),
  /** vat_duplicate, admins only: other partners already registered with the same VAT id. */
  partnerIds: z.array(z.string()).optional(),
  /** vat_duplicate, admins only: those partners' names and statuses, to judge at a glance. */
  partners: z.array(z.object({ id: z.string(), name: z.string(), status: partnerStatusSchema })).optional(),
  /** duplicate_files: document ids whose bytes (SHA-256) appear twice or on another partner. */
  documentIds: z.array(z.string()).optional(),
  /** duplicate_files: the same documents with the slot each one duplicates. */
  duplicates: z.array(duplicateDocumentSchema).optional(),
});
export type AutomatedCheck = z.infer<typeof automatedCheckSchema>;

export const partnerDocumentSchema = z.object({
  id: z.string(),
  kind: documentKindSchema,
  filename: z.string(),
  contentType: documentContentTypeSchema,
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: instantSchema,
  uploadedBy: z.string(),
});
export type PartnerDocument = z.infer<typeof partnerDocumentSchema>;

/** GET /api/partners/me, and every change the partner makes to itself. */
export const myPartnerSchema = z.object({
  partner: partnerSchema,
  role: memberRoleSchema,
  /**
   * The caller is the partner's only owner (a partner has exactly one) and the partner is not
   * being erased: their account cannot be deleted until they hand ownership to another member
   * (`POST /api/partners/me/members/:userId/make-owner`) or delete the partner.
   */
  soleOwner: z.boolean(),
  requiredDocuments: z.array(documentKindSchema),
  /** The document slots to show this partner (`documentSlots` of its type): required ones first. */
  documentSlots: z.array(documentKindSchema),
  checks: z.array(automatedCheckSchema),
});
export type MyPartner = z.infer<typeof myPartnerSchema>;

export const partnerMemberSchema = z.object({
  userId: z.string(),
  /** `erased-user` for an owner who erased their account (the membership stays). */
  email: z.string(),
  role: memberRoleSchema,
  joinedAt: instantSchema,
});
export type PartnerMember = z.infer<typeof partnerMemberSchema>;

export const partnerInvitationSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  invitedAt: instantSchema,
  invitedBy: z.string(),
  /** The e-mailed link stops working then; the owner may invite the address again. */
  expiresAt: instantSchema,
});
export type PartnerInvitation = z.infer<typeof partnerInvitationSchema>;

export const membersViewSchema = z.object({
  members: z.array(partnerMemberSchema),
  invitations: z.array(partnerInvitationSchema),
});
export type MembersView = z.infer<typeof membersViewSchema>;

/** `{ items }`: a list answered whole (documents, invitations). */
export const itemsSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
/** One page of a paged list (directory, review queue). */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const partnerHistoryEntrySchema = z.object({
  action: z.string(),
  actorId: z.string().nullable(),
  occurredAt: instantSchema,
  data: z.record(z.string(), z.unknown()),
});
export type PartnerHistoryEntry = z.infer<typeof partnerHistoryEntrySchema>;

/** GET /api/admin/partners/:id */
export const adminPartnerDetailSchema = z.object({
  partner: partnerSchema,
  requiredDocuments: z.array(documentKindSchema),
  documentSlots: z.array(documentKindSchema),
  documents: z.array(partnerDocumentSchema),
  checks: z.array(automatedCheckSchema),
  history: z.array(partnerHistoryEntrySchema),
});
export type AdminPartnerDetail = z.infer<typeof adminPartnerDetailSchema>;

export const adminPartnerSummarySchema = z.object({
  partner: partnerSchema,
  documentCount: z.number().int(),
  checks: z.array(automatedCheckSchema),
});
export type AdminPartnerSummary = z.infer<typeof adminPartnerSummarySchema>;

export const deletionServiceStatuses = ['pending', 'confirmed'] as const;
export type DeletionServiceStatus = (typeof deletionServiceStatuses)[number];
export const deletionRequestStatuses = ['in_progress', 'completed'] as const;

export const deletionRequestSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  /** Cleared once the erasure completes. */
  partnerName: z.string(),
  status: z.enum(deletionRequestStatuses),
  requestedAt: instantSchema,
  completedAt: instantSchema.nullable(),
  services: z.array(
    z.object({ service: z.string(), status: z.enum(deletionServiceStatuses), confirmedAt: instantSchema.nullable() }),
  ),
});
export type DeletionRequest = z.infer<typeof deletionRequestSchema>;

/** GET /api/partners/me/export: everything the partners service holds about the partner (GDPR art. 15/20). */
export const partnerExportSchema = z.object({
  format: z.literal('tourconnect.partner-export.v1'),
  exportedAt: instantSchema,
  service: z.string(),
  partner: partnerSchema,
  members: z.array(partnerMemberSchema),
  invitations: z.array(z.object({ email: z.string(), role: memberRoleSchema, invitedAt: instantSchema })),
  documents: z.array(partnerDocumentSchema),
  history: z.array(partnerHistoryEntrySchema),
  deletionRequests: z.array(
    z.object({
      id: z.string(),
      partnerId: z.string(),
      partnerName: z.string(),
      requestedBy: z.string(),
      status: z.enum(deletionRequestStatuses),
      requestedAt: instantSchema,
      completedAt: instantSchema.nullable(),
    }),
  ),
});
export type PartnerExport = z.infer<typeof partnerExportSchema>;

/** A stored file (document or logo) answered as its own bytes, never as JSON. */
export const fileResponseSchema = z.file();
