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

/** One priced line of a booking event, as bundling publishes it. */
export interface BookingLine {
  partnerId: string;
  position: number;
  netMinor: number;
  supplierShareMinor: number;
  startsAt?: Date;
}

function bookingItems(lines: BookingLine[]) {
  return lines.map((line) => ({
    itemId: randomUUID(),
    itemType: 'tour',
    partnerId: line.partnerId,
    quantity: 2,
    availabilityId: randomUUID(),
    ...(line.startsAt ? { startsAt: timestampFromDate(line.startsAt) } : {}),
    unitPriceMinor: BigInt(line.netMinor / 2),
    grossMinor: BigInt(line.netMinor),
    discountMinor: 0n,
    netMinor: BigInt(line.netMinor),
    supplierShareMinor: BigInt(line.supplierShareMinor),
    position: line.position,
  }));
}

export interface BookingFacts {
  bookingId: string;
  packageId: string;
  userId: string;
  sellerPartnerId: string;
  packageTitle: string;
  lines: BookingLine[];
}

const total = (lines: BookingLine[]) => BigInt(lines.reduce((sum, line) => sum + line.netMinor, 0));

export function bookingHeld(facts: BookingFacts, holdExpiresAt: Date) {
  return testEnvelope('bundling.booking.held.v1', {
    bookingId: facts.bookingId,
    packageId: facts.packageId,
    userId: facts.userId,
    items: bookingItems(facts.lines),
    currency: 'EUR',
    subtotalMinor: total(facts.lines),
    totalMinor: total(facts.lines),
    holdExpiresAt: timestampFromDate(holdExpiresAt),
    sellerPartnerId: facts.sellerPartnerId,
    packageTitle: facts.packageTitle,
  });
}

export function bookingConfirmed(facts: BookingFacts) {
  return testEnvelope('bundling.booking.confirmed.v1', {
    bookingId: facts.bookingId,
    packageId: facts.packageId,
    userId: facts.userId,
    items: bookingItems(facts.lines),
    currency: 'EUR',
    totalMinor: total(facts.lines),
    paymentIntentId: `pi_${randomUUID().slice(0, 8)}`,
    sellerPartnerId: facts.sellerPartnerId,
    packageTitle: facts.packageTitle,
  });
}

export function bookingCancelled(facts: BookingFacts, over: { reason: string; refundMinor: number; paid: boolean }) {
  return testEnvelope('bundling.booking.cancelled.v1', {
    bookingId: facts.bookingId,
    packageId: facts.packageId,
    userId: facts.userId,
    items: bookingItems(facts.lines),
    currency: 'EUR',
    totalMinor: over.paid ? total(facts.lines) : 0n,
    refundMinor: BigInt(over.refundMinor),
    refundBps: 0,
    reason: over.reason,
    cancelledByUserId: over.reason === 'traveller_requested' ? facts.userId : '',
    sellerPartnerId: facts.sellerPartnerId,
    packageTitle: facts.packageTitle,
  });
}

export function bookingExpired(facts: BookingFacts, reason = 'hold_expired') {
  return testEnvelope('bundling.booking.expired.v1', {
    bookingId: facts.bookingId,
    packageId: facts.packageId,
    userId: facts.userId,
    sellerPartnerId: facts.sellerPartnerId,
    reason,
    packageTitle: facts.packageTitle,
  });
}
