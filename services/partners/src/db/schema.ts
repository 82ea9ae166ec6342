import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditTable } from '@tourconnect/audit';
import {
  documentKinds,
  memberRoles,
  partnerStatuses,
  partnerTypes,
  type Descriptions,
} from '@tourconnect/contracts/http';
import { eventTables } from '@tourconnect/events';

/** The partners service's own PostgreSQL schema; no other service reads it. */
export const SCHEMA_NAME = 'partners';
export const partnersSchema = pgSchema(SCHEMA_NAME);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const partners = partnersSchema.table(
  'partners',
  {
    id: uuid('id').primaryKey(),
    ownerUserId: uuid('owner_user_id').notNull(),
    type: text('type', { enum: partnerTypes }).notNull(),
    status: text('status', { enum: partnerStatuses }).notNull().default('draft'),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    // Normalised (upper case, no separators, EU ids with their VAT prefix).
    vatId: text('vat_id'),
    country: text('country').notNull(),
    website: text('website'),
    socialLinks: text('social_links')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    // The single description of older clients (language unknown); `descriptions` is per language.
    description: text('description'),
    descriptions: jsonb('descriptions')
      .$type<Descriptions>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    // The logo's object key in the blob store and its hash (cache-busting in logo_url).
    logoKey: text('logo_key'),
    logoSha256: text('logo_sha256'),
    logoContentType: text('logo_content_type'),
    regions: text('regions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // The badge; true exactly when status = 'verified' (checked below).
    verified: boolean('verified').notNull().default(false),
    verifiedAt: at('verified_at'),
    verifiedBy: uuid('verified_by'),
    rejectionReason: text('rejection_reason'),
    suspensionReason: text('suspension_reason'),
    submittedAt: at('submitted_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    index('partners_status_idx').on(t.status, t.submittedAt),
    index('partners_vat_idx').on(t.vatId),
    index('partners_directory_idx').on(t.verified, t.type),
    check('partners_type_ck', sql`${t.type} IN (${inList(partnerTypes)})`),
    check('partners_status_ck', sql`${t.status} IN (${inList(partnerStatuses)})`),
    check('partners_verified_ck', sql`${t.verified} = (${t.status} = 'verified')`),
  ],
);

export const members = partnersSchema.table(
  'members',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: memberRoles }).notNull(),
    joinedAt: at('joined_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'members_pk', columns: [t.partnerId, t.userId] }),
    // A user acts for at most one partner, so "the caller's partner" is never ambiguous.
    uniqueIndex('members_user_uq').on(t.userId),
    uniqueIndex('members_one_owner_uq')
      .on(t.partnerId)
      .where(sql`${t.role} = 'owner'`),
    check('members_role_ck', sql`${t.role} IN (${inList(memberRoles)})`),
  ],
);

export const invitations = partnersSchema.table(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: memberRoles }).notNull(),
    invitedBy: uuid('invited_by').notNull(),
    invitedAt: at('invited_at').notNull().defaultNow(),
    // SHA-256 (hex) of the secret in the e-mailed link; the secret itself is never stored.
    // Null only for invitations sent before links existed, which cannot be accepted.
    tokenSha256: text('token_sha256'),
    // The default expires invitations sent before links existed at the migration: the owner
    // invites again, and this time the invitee gets a link.
    expiresAt: at('expires_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_partner_email_uq').on(t.partnerId, t.email),
    index('invitations_email_idx').on(t.email),
    uniqueIndex('invitations_token_uq').on(t.tokenSha256),
  ],
);

export const documents = partnersSchema.table(
  'documents',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: documentKinds }).notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: at('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    index('documents_partner_idx').on(t.partnerId, t.uploadedAt),
    index('documents_sha_idx').on(t.sha256),
    check('documents_kind_ck', sql`${t.kind} IN (${inList(documentKinds)})`),
  ],
);

export const deletionRequests = partnersSchema.table(
  'deletion_requests',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    // Shown to the requester while the erasure runs; cleared when it completes.
    partnerName: text('partner_name').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    status: text('status', { enum: ['in_progress', 'completed'] })
      .notNull()
      .default('in_progress'),
    requestedAt: at('requested_at').notNull().defaultNow(),
    completedAt: at('completed_at'),
  },
  (t) => [
    index('deletion_requests_requester_idx').on(t.requestedBy, t.requestedAt),
    uniqueIndex('deletion_requests_open_uq')
      .on(t.partnerId)
      .where(sql`${t.status} = 'in_progress'`),
  ],
);

export const deletionConfirmations = partnersSchema.table(
  'deletion_confirmations',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => deletionRequests.id, { onDelete: 'cascade' }),
    service: text('service').notNull(),
    status: text('status', { enum: ['pending', 'confirmed'] })
      .notNull()
      .default('pending'),
    deletedRecords: integer('deleted_records'),
    anonymisedRecords: integer('anonymised_records'),
    confirmedAt: at('confirmed_at'),
  },
  (t) => [primaryKey({ name: 'deletion_confirmations_pk', columns: [t.requestId, t.service] })],
);

export const { outbox, inbox, deadLetters } = eventTables(partnersSchema);
export const auditLog = auditTable(partnersSchema);
