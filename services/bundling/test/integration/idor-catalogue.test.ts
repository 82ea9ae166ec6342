import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';
import { imageForm, png } from '../support/images.ts';
import { createItem, openAvailability, tourBody } from '../support/items.ts';
import { partnerEvents } from '../support/partner-events.ts';
import { addDays, zonedDate } from '../../src/domain/local-time.ts';

const tomorrow = addDays(zonedDate(new Date(), 'Europe/Rome'), 1);

/**
 * The catalogue's IDOR matrix: partner B never reaches partner A's items (404, as for an id that
 * does not exist), a viewer reads but never writes (403), an anonymous caller gets 401 and a
 * traveller without a partner 403 — and nothing they try changes A's item.
 */
describe('IDOR: the catalogue', () => {
  let h: BundlingHarness;
  let a: GivenPartner;
  let b: GivenPartner;
  let viewer: TestUser;
  let traveller: TestUser;
  let itemId: string;
  let imageId: string;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_idor_catalogue');
    a = await givenPartner(h, { name: 'Owner A' });
    b = await givenPartner(h, { name: 'Intruder B' });
    viewer = await givenMember(h, a, 'viewer');
    traveller = await h.user('traveller');
    const item = await createItem(h, a, tourBody());
    itemId = item.id;
    await openAvailability(h, a, itemId, { from: tomorrow, to: tomorrow, capacity: 8 });
    const up = await h.call('POST', `/api/catalogue/items/${itemId}/images`, {
      ...as(a.owner),
      form: imageForm(png()),
    });
    imageId = up.body.images[0].id;
  });
  afterAll(() => h?.close());

  type Call = {
    label: string;
    method: string;
    url: () => string;
    body?: () => Record<string, unknown>;
    form?: boolean;
  };
  const reads: Call[] = [
    { label: 'read the item', method: 'GET', url: () => `/api/catalogue/items/${itemId}` },
    {
      label: 'read its availability',
      method: 'GET',
      url: () => `/api/catalogue/items/${itemId}/availability?from=${tomorrow}&to=${tomorrow}`,
    },
  ];
  const writes: Call[] = [
    {
      label: 'edit it',
      method: 'PATCH',
      url: () => `/api/catalogue/items/${itemId}`,
      body: () => ({ durationMinutes: 1 }),
    },
    { label: 'publish it', method: 'POST', url: () => `/api/catalogue/items/${itemId}/publish` },
    { label: 'pause it', method: 'POST', url: () => `/api/catalogue/items/${itemId}/pause` },
    { label: 'archive it', method: 'POST', url: () => `/api/catalogue/items/${itemId}/archive` },
    { label: 'upload an image', method: 'POST', url: () => `/api/catalogue/items/${itemId}/images`, form: true },
    { label: 'delete its image', method: 'DELETE', url: () => `/api/catalogue/items/${itemId}/images/${imageId}` },
    {
      label: 'edit its availability',
      method: 'PUT',
      url: () => `/api/catalogue/items/${itemId}/availability`,
      body: () => ({ from: tomorrow, to: tomorrow, capacity: 0 }),
    },
  ];
  const send = (call: Call, user?: TestUser) =>
    h.call(call.method, call.url(), {
      ...(user ? as(user) : {}),
      ...(call.body ? { body: call.body() } : {}),
      ...(call.form ? { form: imageForm(png()) } : {}),
    });

  /** A's item exactly as before: same fields, calendar, image and files. */
  let snapshot: unknown;
  const state = async () => ({
    item: await h.rows('SELECT status, duration_minutes, updated_at FROM bundling.items WHERE id = $1', [itemId]),
    slots: await h.rows('SELECT capacity, closed FROM bundling.availability WHERE item_id = $1', [itemId]),
    images: await h.rows('SELECT id FROM bundling.images WHERE item_id = $1', [itemId]),
    files: await h.files(),
  });
  beforeAll(async () => {
    snapshot = await state();
  });

  it.each([...reads, ...writes].map((c) => [c.label, c] as const))(
    'partner B cannot %s of partner A (404 item_not_found, nothing of it in the answer)',
    async (_label, call) => {
      const res = await send(call, b.owner);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'item_not_found' });
      expect(JSON.stringify(res.body)).not.toContain('Guided walk');
      expect(await state()).toEqual(snapshot);
    },
  );

  it.each(writes.map((c) => [c.label, c] as const))(
    'a viewer of A cannot %s (403 partner_role_forbidden)',
    async (_l, call) => {
      const res = await send(call, viewer);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('partner_role_forbidden');
      expect(await state()).toEqual(snapshot);
    },
  );

  it.each(reads.map((c) => [c.label, c] as const))('a viewer of A may %s', async (_l, call) => {
    expect((await send(call, viewer)).status).toBe(200);
  });

  const everything: Call[] = [
    ...reads,
    ...writes,
    { label: 'list items', method: 'GET', url: () => '/api/catalogue/items' },
    { label: 'create an item', method: 'POST', url: () => '/api/catalogue/items', body: () => tourBody() },
    { label: 'list bundleable items', method: 'GET', url: () => '/api/catalogue/bundleable' },
  ];

  it.each(everything.map((c) => [c.label, c] as const))('an anonymous caller cannot %s (401)', async (_l, call) => {
    const res = await send(call);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await state()).toEqual(snapshot);
  });

  it.each(everything.map((c) => [c.label, c] as const))(
    'a traveller without a partner cannot %s (403 partner_membership_required)',
    async (_l, call) => {
      const res = await send(call, traveller);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('partner_membership_required');
      expect(await state()).toEqual(snapshot);
    },
  );

  it("B's own list never shows A's items; A's does", async () => {
    const mine = await h.call('GET', '/api/catalogue/items', as(b.owner));
    expect(mine.body.items.map((i: { id: string }) => i.id)).not.toContain(itemId);
    const theirs = await h.call('GET', '/api/catalogue/items', as(a.owner));
    expect(theirs.body.items.map((i: { id: string }) => i.id)).toContain(itemId);
  });

  it('a member removed from A loses access at once (403)', async () => {
    const manager = await givenMember(h, a, 'manager');
    expect((await h.call('GET', `/api/catalogue/items/${itemId}`, as(manager))).status).toBe(200);
    await h.deliver(partnerEvents.memberRemoved(a.partnerId, manager.id));
    const res = await h.call('GET', `/api/catalogue/items/${itemId}`, as(manager));
    expect(res.body).toMatchObject({ status: 403, code: 'partner_membership_required' });
  });
});
