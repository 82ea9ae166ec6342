import { apiRequest } from './http-client.ts';

export interface DeadLetter {
  id: string;
  service: string;
  durable: string;
  subject: string;
  eventId: string;
  error: string;
  attempts: number;
  deadAt: string;
  replayedAt: string | null;
}

export interface AuditEntry {
  service: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  /** How the actor acted: 'admin', 'owner', 'manager', 'viewer', 'self', 'system'… */
  actorRole?: string | null;
  action: string;
  entityType: string;
  entityId: string;
}

export interface AuditVerification {
  ok: boolean;
  services: {
    service: string;
    ok: boolean;
    checked: number;
    /** The first entry whose hash or link does not match (libs/audit verifyAuditChain). */
    firstBroken?: { seq: number; id: number; reason: string } | null;
  }[];
}

/** The gateway gathers every service's dead letters: `{ items, unavailable }`. */
export async function listDeadLetters(): Promise<DeadLetter[]> {
  const data = await apiRequest<{ items: DeadLetter[]; unavailable?: string[] }>('/api/admin/dead-letters');
  return data.items;
}

export function replayDeadLetter(id: string): Promise<unknown> {
  return apiRequest(`/api/admin/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST' });
}

/** The audit endpoint may answer a bare array or `{ items }`; both are accepted. */
export async function listAudit(limit = 20): Promise<AuditEntry[]> {
  const data = await apiRequest<AuditEntry[] | { items: AuditEntry[] }>(`/api/admin/audit?limit=${limit}`);
  return Array.isArray(data) ? data : data.items;
}

export function verifyAudit(): Promise<AuditVerification> {
  return apiRequest<AuditVerification>('/api/admin/audit/verify');
}
