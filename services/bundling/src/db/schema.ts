import { pgSchema } from 'drizzle-orm/pg-core';
import { auditTable } from '@tourconnect/audit';
import { eventTables } from '@tourconnect/events';

/** bundling's own PostgreSQL schema; no other service reads it. */
export const SCHEMA_NAME = 'bundling';
export const bundlingSchema = pgSchema(SCHEMA_NAME);

// The service's tables go here (`bundlingSchema.table(…)`); then `npm run db:generate -w
// @tourconnect/bundling` writes the migration. Repositories next to this file read and write them.

export const { outbox, inbox, deadLetters } = eventTables(bundlingSchema);
export const auditLog = auditTable(bundlingSchema);
