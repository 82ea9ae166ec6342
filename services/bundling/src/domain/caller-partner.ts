import type { Executor } from '@tourconnect/db';
import { findMembership } from '../db/members.repository.ts';
import { notAPartnerMember, partnerRoleForbidden } from './bundling-errors.ts';

export interface CallerPartner {
  partnerId: string;
  role: 'owner' | 'manager' | 'viewer';
  /** From the partners projection; a partner not yet projected counts as unverified. */
  verified: boolean;
  status: string;
  name: string;
}

/**
 * The partner the caller acts for, from bundling's projection of partners' membership events
 * by the token's user id, never from an id in the request (docs/conventions.md: partner-scoped
 * data). `write` refuses viewers. A user with no membership gets 403
 * `partner_membership_required`.
 */
export async function callerPartner(
  db: Executor,
  userId: string,
  options: { write?: boolean } = {},
): Promise<CallerPartner> {
  const row = await findMembership(db, userId);
  if (!row) throw notAPartnerMember();
  const role = row.role as CallerPartner['role'];
  if (options.write && role === 'viewer') throw partnerRoleForbidden();
  return {
    partnerId: row.partnerId,
    role,
    verified: row.verified ?? false,
    status: row.status ?? 'draft',
    name: row.name ?? '',
  };
}
