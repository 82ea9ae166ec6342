import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** prev_hash of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an entry asserts; the hash covers all of it. */
export interface AuditHashFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  correlationId: string | null;
}

/**
 * sha256(prev_hash ‖ canonical JSON of the fields), hex. prev_hash has a fixed length, so the
 * concatenation is unambiguous. Changing this format invalidates every stored chain.
 */
export function computeAuditHash(prevHash: string, fields: AuditHashFields): string {
  const body = canonicalJson({
    action: fields.action,
    actorId: fields.actorId,
    actorRole: fields.actorRole,
    correlationId: fields.correlationId,
    data: fields.data,
    entityId: fields.entityId,
    entityType: fields.entityType,
    occurredAt: fields.occurredAt.toISOString(),
    seq: fields.seq,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
