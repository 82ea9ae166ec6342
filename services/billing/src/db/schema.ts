import { pgSchema } from 'drizzle-orm/pg-core';
import { auditTable } from '@tourconnect/audit';
import { eventTables } from '@tourconnect/events';

/** billing's own PostgreSQL schema; no other service reads it. */
export const SCHEMA_NAME = 'billing';
export const billingSchema = pgSchema(SCHEMA_NAME);

// The service's tables go here (`billingSchema.table(…)`); then `npm run db:generate -w
// @tourconnect/billing` writes the migration. Repositories next to this file read and write them.

export const { outbox, inbox, deadLetters } = eventTables(billingSchema);
export const auditLog = auditTable(billingSchema);
