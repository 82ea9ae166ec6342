import type { GivenPartner } from './builders.ts';
import { as, type ApiResponse, type BundlingHarness, type TestUser } from './harness.ts';

// Catalogue fixtures through the API, as a partner builds them. Each fails the test's setup
// loudly when the service refuses, so a broken fixture is never mistaken for a result.

/** Fields of the create body to replace (loosely typed: tests also send what the API must refuse). */
type ItemBody = Record<string, unknown>;

function orFail(res: ApiResponse, status: number, what: string): ApiResponse {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** A guided tour at 09:00 and 14:00 (adult 4500, child 2500 EUR minor units), overridable. */
export function tourBody(overrides: ItemBody = {}): Record<string, unknown> {
  return {
    kind: 'tour',
    translations: {
      en: { title: 'Guided walk above Riva', description: 'Three hours on the old Ponale road' },
      it: { title: 'Passeggiata guidata sopra Riva', description: 'Tre ore sulla vecchia strada del Ponale' },
    },
    destination: { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.885, longitude: 10.841 },
    durationMinutes: 180,
    tags: ['nature', 'lake'],
    currency: 'EUR',
    units: [
      { code: 'adult', priceMinor: 4500 },
      { code: 'child', priceMinor: 2500 },
    ],
    capacityModel: 'slots',
    cutoffHours: 12,
    startTimes: ['09:00', '14:00'],
    ...overrides,
  };
}

/** A hotel room per night (daily allotment), 12900 EUR minor units, overridable. */
export function roomBody(overrides: ItemBody = {}): Record<string, unknown> {
  return {
    kind: 'service',
    translations: { it: { title: 'Camera doppia vista lago', description: 'Colazione inclusa' } },
    destination: { place: 'Malcesine', regionCode: 'IT-34', latitude: 45.763, longitude: 10.809 },
    durationMinutes: 1440,
    tags: ['couple'],
    currency: 'EUR',
    units: [{ code: 'room', priceMinor: 12900 }],
    capacityModel: 'daily',
    cutoffHours: 0,
    ...overrides,
  };
}

type Actor = TestUser | Pick<GivenPartner, 'owner'>;
const userOf = (actor: Actor): TestUser => ('owner' in actor ? actor.owner : actor);

/** Creates an item (draft) as `actor` (a member, or a given partner's owner); its view. */
export async function createItem(h: BundlingHarness, actor: Actor, body: Record<string, unknown> = tourBody()) {
  const res = await h.call('POST', '/api/catalogue/items', { ...as(userOf(actor)), body });
  return orFail(res, 201, 'create item').body;
}

/** Creates and publishes an item (the partner must be verified); its view. */
export async function publishedItem(h: BundlingHarness, actor: Actor, body: Record<string, unknown> = tourBody()) {
  const item = await createItem(h, actor, body);
  const res = await h.call('POST', `/api/catalogue/items/${item.id}/publish`, as(userOf(actor)));
  return orFail(res, 200, 'publish item').body;
}

/** Opens `capacity` units on every date from..to (all slots of the item); the edit's answer. */
export async function openAvailability(
  h: BundlingHarness,
  actor: Actor,
  itemId: string,
  range: { from: string; to: string; capacity: number } & Record<string, unknown>,
) {
  const res = await h.call('PUT', `/api/catalogue/items/${itemId}/availability`, { ...as(userOf(actor)), body: range });
  return orFail(res, 200, 'availability').body;
}
