import { appendAudit, type AuditEntry } from '@tourconnect/audit';
import { encodeEventPayload, type EventPayloadInit, type EventSubject } from '@tourconnect/contracts';
import type { Tx } from '@tourconnect/db';
import type { EventBus } from '@tourconnect/events';
import { auditLog } from '../db/schema.ts';

type PartnersSubject = Extract<EventSubject, `partners.${string}`>;

/**
 * Writes one of the partners service's events to the outbox in the caller's transaction,
 * through the contract encoder. `audience` are the user ids (and `role:<role>`) whose open
 * portal tabs the gateway pushes it to.
 */
export async function publishPartnerEvent<S extends PartnersSubject>(
  bus: EventBus,
  tx: Tx,
  subject: S,
  payload: EventPayloadInit<S>,
  meta: { audience: string[]; correlationId?: string | undefined },
): Promise<void> {
  await bus.enqueue(tx, {
    subject,
    payload: encodeEventPayload(subject, payload),
    audience: [...new Set(meta.audience)],
    ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
  });
}

/**
 * Appends to the hash-chained audit log in the caller's transaction; call it last (it holds
 * the chain's lock until commit). Ids and business facts only: never e-mails or file names.
 */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAudit(tx, auditLog, entry);
}
