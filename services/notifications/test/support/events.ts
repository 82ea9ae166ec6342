// Builders for the events notifications consumes, as their producers would publish them.
import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@tourconnect/contracts';
import { testEnvelope } from '@tourconnect/service-kit/testing';

const inOneDay = () => timestampFromDate(new Date(Date.now() + 24 * 3_600_000));

/** A URL-safe token like identity's (32 random bytes, base64url). */
export const secretToken = () => `tok_${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '')}`;

export function userRegistered(over: { userId?: string; email?: string; displayName?: string; locale?: string } = {}) {
  const userId = over.userId ?? randomUUID();
  return testEnvelope('identity.user.registered.v1', {
    userId,
    email: over.email ?? `user-${userId.slice(0, 8)}@example.com`,
    displayName: over.displayName ?? 'Ada Lovelace',
    roles: ['traveller'],
    locale: over.locale ?? 'en',
  });
}

export function verificationRequested(over: { email?: string; locale?: string; token?: string; name?: string } = {}) {
  return testEnvelope('identity.email_verification.requested.v1', {
    userId: randomUUID(),
    email: over.email ?? `new-${randomUUID().slice(0, 8)}@example.com`,
    displayName: over.name ?? 'Grete Weber',
    locale: over.locale ?? 'de',
    token: over.token ?? secretToken(),
    expiresAt: inOneDay(),
  });
}

export function passwordResetRequested(over: { email?: string; locale?: string; token?: string } = {}) {
  return testEnvelope('identity.password_reset.requested.v1', {
    userId: randomUUID(),
    email: over.email ?? `reset-${randomUUID().slice(0, 8)}@example.com`,
    displayName: 'Giulia Rossi',
    locale: over.locale ?? 'it',
    token: over.token ?? secretToken(),
    expiresAt: timestampFromDate(new Date(Date.now() + 30 * 60_000)),
  });
}

export function emailChangeRequested(over: { token?: string; locale?: string } = {}) {
  const suffix = randomUUID().slice(0, 8);
  return testEnvelope('identity.email_change.requested.v1', {
    userId: randomUUID(),
    newEmail: `new-${suffix}@example.com`,
    currentEmail: `old-${suffix}@example.com`,
    displayName: 'Lucía García',
    locale: over.locale ?? 'es',
    token: over.token ?? secretToken(),
    expiresAt: inOneDay(),
  });
}

export function invitationSent(over: { email?: string; locale?: string; token?: string; invitedBy?: string } = {}) {
  return testEnvelope('partners.invitation.sent.v1', {
    invitationId: randomUUID(),
    partnerId: randomUUID(),
    partnerName: 'Dolomiti Trails',
    email: over.email ?? `invitee-${randomUUID().slice(0, 8)}@example.com`,
    role: 'manager',
    invitedByUserId: over.invitedBy ?? randomUUID(),
    token: over.token ?? secretToken(),
    expiresAt: inOneDay(),
    locale: over.locale ?? '',
  });
}

export function partnerEvent<S extends 'partners.partner.submitted.v1' | 'partners.partner.verified.v1'>(
  subject: S,
  partner: { partnerId: string; ownerUserId: string; name: string },
) {
  return subject === 'partners.partner.submitted.v1'
    ? testEnvelope('partners.partner.submitted.v1', { ...partner, type: 'hotel', reason: 'submitted' })
    : testEnvelope('partners.partner.verified.v1', { ...partner, type: 'hotel', verifiedByUserId: randomUUID() });
}
