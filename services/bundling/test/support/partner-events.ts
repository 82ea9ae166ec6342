import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tourconnect/events';
import { testEnvelope } from '@tourconnect/service-kit/testing';

// partners' events as the partners service's outbox publishes them, for the projections.

export interface PartnerFixture {
  partnerId: string;
  ownerUserId: string;
  name: string;
  type: string;
}

export const partnerEvents = {
  registered: (p: PartnerFixture): EventEnvelope =>
    testEnvelope('partners.partner.registered.v1', {
      partnerId: p.partnerId,
      ownerUserId: p.ownerUserId,
      type: p.type,
      name: p.name,
    }),
  submitted: (p: PartnerFixture, reason: 'submitted' | 'legal_details_changed' = 'submitted'): EventEnvelope =>
    testEnvelope('partners.partner.submitted.v1', {
      partnerId: p.partnerId,
      ownerUserId: p.ownerUserId,
      type: p.type,
      name: p.name,
      reason,
    }),
  verified: (p: PartnerFixture): EventEnvelope =>
    testEnvelope('partners.partner.verified.v1', {
      partnerId: p.partnerId,
      ownerUserId: p.ownerUserId,
      type: p.type,
      name: p.name,
      verifiedByUserId: randomUUID(),
    }),
  rejected: (p: PartnerFixture): EventEnvelope =>
    testEnvelope('partners.partner.rejected.v1', {
      partnerId: p.partnerId,
      ownerUserId: p.ownerUserId,
      rejectedByUserId: randomUUID(),
      reason: 'The registration document is unreadable',
    }),
  suspended: (p: PartnerFixture): EventEnvelope =>
    testEnvelope('partners.partner.suspended.v1', {
      partnerId: p.partnerId,
      ownerUserId: p.ownerUserId,
      suspendedByUserId: randomUUID(),
      reason: 'Complaints under review',
    }),
  deletionRequested: (p: PartnerFixture, requestId: string = randomUUID()): EventEnvelope =>
    testEnvelope('partners.partner.deletion_requested.v1', {
      partnerId: p.partnerId,
      requestId,
      requestedByUserId: p.ownerUserId,
    }),
  deleted: (p: PartnerFixture, requestId: string = randomUUID()): EventEnvelope =>
    testEnvelope('partners.partner.deleted.v1', { partnerId: p.partnerId, requestId }),
  memberJoined: (partnerId: string, userId: string, role: 'manager' | 'viewer'): EventEnvelope =>
    testEnvelope('partners.member.joined.v1', { partnerId, userId, role }),
  memberRemoved: (partnerId: string, userId: string): EventEnvelope =>
    testEnvelope('partners.member.removed.v1', { partnerId, userId }),
};
