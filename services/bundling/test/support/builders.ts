import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tourconnect/events';
import type { BundlingHarness, TestUser } from './harness.ts';
import { partnerEvents, type PartnerFixture } from './partner-events.ts';

// Fixtures built the way production builds them: partners' events delivered to bundling's
// consumers (the projections), then the public API.

export interface GivenPartner extends PartnerFixture {
  /** The owner, signed in (role 'owner' in the members projection). */
  owner: TestUser;
  /** Delivers one of partners' events about this partner (e.g. `partnerEvents.suspended`). */
  emit(event: (p: PartnerFixture) => EventEnvelope): Promise<void>;
}

export interface GivenPartnerOptions {
  /** Default true: registered, submitted and verified. False: registered only (draft). */
  verified?: boolean;
  name?: string;
  /** partners' type (agency, hotel, dmo, ota, transport). */
  type?: string;
}

/**
 * A partner as bundling learns of it from partners' events, with its owner signed in:
 * `const a = await givenPartner(h)` → a verified partner; `givenPartner(h, { verified: false })`
 * → a draft one. Then `a.owner` calls the API, `a.partnerId` is its id.
 */
export async function givenPartner(h: BundlingHarness, options: GivenPartnerOptions = {}): Promise<GivenPartner> {
  const owner = await h.user('owner');
  const fixture: PartnerFixture = {
    partnerId: randomUUID(),
    ownerUserId: owner.id,
    name: options.name ?? `Partner ${owner.id.slice(0, 8)}`,
    type: options.type ?? 'agency',
  };
  const emit: GivenPartner['emit'] = (event) => h.deliver(event(fixture));
  await emit(partnerEvents.registered);
  if (options.verified ?? true) {
    await emit(partnerEvents.submitted);
    await emit(partnerEvents.verified);
  }
  return { ...fixture, owner, emit };
}

/** A new user who joined `partner` with `role` (default manager), signed in. */
export async function givenMember(
  h: BundlingHarness,
  partner: Pick<PartnerFixture, 'partnerId'>,
  role: 'manager' | 'viewer' = 'manager',
): Promise<TestUser> {
  const user = await h.user(role);
  await h.deliver(partnerEvents.memberJoined(partner.partnerId, user.id, role));
  return user;
}
