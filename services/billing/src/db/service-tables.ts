import { auditLog, deadLetters, inbox, outbox } from './schema.ts';

/** The tables the service kit's boot wires up: the event bus's three and the audit log. */
export const serviceTables = { outbox, inbox, deadLetters, auditLog };
