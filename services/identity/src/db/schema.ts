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
    scope: text('scope', { enum: ['email', 'ip'] }).notNull(),
    // sha256 of the e-mail or IP: the throttle must not keep personal data in the clear.
    keyHash: text('key_hash').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: at('window_started_at').notNull().defaultNow(),
    lockedUntil: at('locked_until'),
  },
  (t) => [primaryKey({ name: 'login_throttle_pk', columns: [t.scope, t.keyHash] })],
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

export const { outbox, inbox, deadLetters } = eventTables(identity);
export const auditLog = auditTable(identity);
