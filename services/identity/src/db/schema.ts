import { sql } from 'drizzle-orm';
import {
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
import { eventTables } from '@tourconnect/events';

/** Identity's own PostgreSQL schema; no other service reads it (STYLE habit 4). */
export const SCHEMA_NAME = 'identity';
export const identity = pgSchema(SCHEMA_NAME);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = identity.table(
  'users',
  {
    id: uuid('id').primaryKey(),
    // Stored lower-cased (the shared email schema lower-cases), so equality is case-insensitive.
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    // Null once the account is deleted: nothing left to sign in with.
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    // Set when a link sent to `email` was followed (or the operator named it ADMIN_EMAIL).
    emailVerifiedAt: at('email_verified_at'),
    status: text('status', { enum: ['active', 'deleted'] })
      .notNull()
      .default('active'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    check('users_status_ck', sql`${t.status} IN ('active', 'deleted')`),
  ],
);

export const userRoles = identity.table(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['traveller', 'partner', 'affiliate', 'admin'] }).notNull(),
    // For 'partner': the partner whose registration granted it.
    partnerId: text('partner_id'),
    grantedBy: uuid('granted_by'),
    grantedAt: at('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'user_roles_pk', columns: [t.userId, t.role] })],
);

export const refreshTokens = identity.table(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey(),
    // Every rotation stays in the family of the sign-in that started it; reuse revokes it all.
    familyId: uuid('family_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // sha256 of the opaque token: a database leak yields no usable token.
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
  ],
);

export const loginThrottle = identity.table(
  'login_throttle',
  {
    // 'email': the account everywhere (a high bar); 'pair': the account from one address
    // (growing delays); 'ip': one address over every account (password spraying).
    scope: text('scope', { enum: ['email', 'pair', 'ip'] }).notNull(),
    // sha256 of the e-mail, the pair or the IP: the throttle must not keep personal data in the clear.
    keyHash: text('key_hash').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: at('window_started_at').notNull().defaultNow(),
    lockedUntil: at('locked_until'),
  },
  (t) => [primaryKey({ name: 'login_throttle_pk', columns: [t.scope, t.keyHash] })],
);

export const accountTokenPurposes = ['verify_email', 'change_email', 'reset_password'] as const;

/**
 * The secrets of e-mailed links (verify an address, confirm a new one, reset the password):
 * single use, expiring, stored only as a sha256 digest; the secret itself travels once, in
 * the event notifications turns into the e-mail.
 */
export const accountTokens = identity.table(
  'account_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: accountTokenPurposes }).notNull(),
    tokenHash: text('token_hash').notNull(),
    // The address the link proves (verify, change) or was sent to (reset): a link to an address
    // the account no longer has proves nothing.
    email: text('email').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [
    uniqueIndex('account_tokens_hash_uq').on(t.tokenHash),
    index('account_tokens_user_idx').on(t.userId, t.purpose),
    check('account_tokens_purpose_ck', sql`${t.purpose} IN ('verify_email', 'change_email', 'reset_password')`),
  ],
);

export const accountNoticeKinds = ['email_verification', 'password_reset', 'email_change', 'signup_attempted'] as const;

/** When each kind of e-mail last went to an account, so nobody can flood a mailbox through us. */
export const accountNotices = identity.table(
  'account_notices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: accountNoticeKinds }).notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'account_notices_pk', columns: [t.userId, t.kind] })],
);

export const signingKeys = identity.table('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  privateKeyPem: text('private_key_pem').notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * Partners whose data identity erased (GDPR): a membership event that arrives after the
 * erasure, on another consumer, must not grant the role again.
 */
export const erasedPartners = identity.table('erased_partners', {
  partnerId: text('partner_id').primaryKey(),
  requestId: text('request_id').notNull(),
  erasedAt: at('erased_at').notNull().defaultNow(),
});

/**
 * Who owns which partner, as partners announced it (partners.partner.registered.v1, then
 * partners.partner.owner_changed.v1): identity refuses to delete the account of a live
 * partner's owner (issue 11). `changed_at` is the announcing event's time, so an older event
 * arriving late on its own consumer never overwrites a newer owner.
 */
export const partnerOwners = identity.table(
  'partner_owners',
  {
    partnerId: text('partner_id').primaryKey(),
    ownerUserId: uuid('owner_user_id').notNull(),
    changedAt: at('changed_at').notNull(),
  },
  (t) => [index('partner_owners_owner_idx').on(t.ownerUserId)],
);

export const { outbox, inbox, deadLetters } = eventTables(identity);
export const auditLog = auditTable(identity);
