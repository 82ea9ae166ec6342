import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditTable } from '@tourconnect/audit';
import { eventTables } from '@tourconnect/events';

/** The notifications service's own PostgreSQL schema; no other service reads it (STYLE habit 4). */
export const SCHEMA_NAME = 'notifications';
export const notifications = pgSchema(SCHEMA_NAME);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const deliveryStatuses = ['queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * A file an e-mail carries, fetched when the e-mail is sent (its bytes are never stored):
 * `source` is the redacted form of one of the e-mail's sealed links, the live one is fetched.
 * `pending` until a send; then `attached`, or `left_out` when it could not be fetched and the
 * e-mail went with its link only.
 */
export interface AttachmentRecord {
  source: string;
  /** A name to show before the fetch; the sender's own name (Content-Disposition) once fetched. */
  filename: string;
  contentType: string;
  state: 'pending' | 'attached' | 'left_out';
  bytes?: number;
}

/**
 * Whom to write to and in which language, learnt from identity's events, so an e-mail about a
 * partner reaches its owner without calling identity. Erased with the user.
 */
export const recipients = notifications.table('recipients', {
  userId: text('user_id').primaryKey(),
  email: text('email').notNull(),
  displayName: text('display_name').notNull().default(''),
  locale: text('locale').notNull().default('en'),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** Partner → owner, from partners' events: partners.partner.deleted.v1 names only the partner. */
export const partnerOwners = notifications.table('partner_owners', {
  partnerId: text('partner_id').primaryKey(),
  ownerUserId: text('owner_user_id').notNull(),
  name: text('name').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/**
 * Every e-mail, from the moment an event asks for it: the mail outbox the sender drains, and
 * the record of what was sent (who, which template, when, the server's id). Bodies are stored
 * with their secret links redacted; the live links wait sealed (AES-256-GCM, key outside the
 * database) in `sealed_links` and are wiped once the e-mail is sent.
 */
export const deliveries = notifications.table(
  'deliveries',
  {
    id: uuid('id').primaryKey(),
    /** The event that asked for the e-mail; with `template` the idempotency key. */
    causeEventId: text('cause_event_id').notNull(),
    causeSubject: text('cause_subject').notNull(),
    template: text('template').notNull(),
    /**
     * Tells apart the e-mails one event asks for with one template (a new booking tells each of
     * its partners: the partner id); '' when an event sends the template once.
     */
    recipientKey: text('recipient_key').notNull().default(''),
    locale: text('locale').notNull(),
    /** Null when the recipient has no account (an invitation to a new address). */
    recipientUserId: text('recipient_user_id'),
    /** Null once the recipient's data is erased. */
    recipientEmail: text('recipient_email'),
    subject: text('subject').notNull(),
    html: text('html'),
    text: text('text'),
    sealedLinks: text('sealed_links'),
    attachments: jsonb('attachments').$type<AttachmentRecord[]>().notNull().default([]),
    /** The same Message-ID on every attempt, so a receiver can drop a resent copy. */
    messageId: text('message_id').notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    /** Set while one sender holds the e-mail; another sender takes it over only once it lapses. */
    claimedUntil: at('claimed_until'),
    providerMessageId: text('provider_message_id'),
    smtpResponse: text('smtp_response'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
    failedAt: at('failed_at'),
    erasedAt: at('erased_at'),
  },
  (t) => [
    uniqueIndex('deliveries_cause_template_recipient_uq').on(t.causeEventId, t.template, t.recipientKey),
    index('deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'queued'`),
    index('deliveries_recipient_user_idx').on(t.recipientUserId),
    index('deliveries_recipient_email_idx').on(t.recipientEmail),
    index('deliveries_created_idx').on(t.createdAt, t.id),
    check('deliveries_status_ck', sql`${t.status} IN ('queued', 'sent', 'failed')`),
  ],
);

export const { outbox, inbox, deadLetters } = eventTables(notifications);
export const auditLog = auditTable(notifications);
