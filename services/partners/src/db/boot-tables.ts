import { auditLog, deadLetters, inbox, outbox } from './schema.ts';

/** The event bus's and the audit log's tables in schema `partners`, for the kit's boot sequence. */
export const bootTables = { outbox, inbox, deadLetters, auditLog };
