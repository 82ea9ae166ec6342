import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, type BundlingHarness, startBundlingHarness, type TestUser } from '../support/harness.ts';
import { createPackage, insertItem, openDates, packageBody, publishedPackage, romeDay } from './packages-builders.ts';

// Who may read and write partner A's packages: its members by role; another partner, a
// traveller and an anonymous visitor see only what is published, and another partner's
// unpublished package answers exactly like one that does not exist.
describe('IDOR: packages', () => {
  let h: BundlingHarness;
  let a: GivenPartner;
  let b: GivenPartner;
  let manager: TestUser;
  let viewer: TestUser;
  let traveller: TestUser;
  let draft: { id: string };
  let published: { id: string };
  let paused: { id: string };
  let draftItemId: string;
  const SECRET_TITLE = 'Secret draft escape';

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_idor_packages');
    [a, b] = await Promise.all([givenPartner(h, { name: 'Partner A' }), givenPartner(h, { name: 'Partner B' })]);
    [manager, viewer, traveller] = await Promise.all([
      givenMember(h, a, 'manager'),
      givenMember(h, a, 'viewer'),
      h.user('traveller'),
    ]);
    const tour = await insertItem(h, a.partnerId);
    draftItemId = (await insertItem(h, a.partnerId, { status: 'draft' })).id;
    await openDates(h, tour, romeDay(10), romeDay(12), { capacity: 10 });
    const body = packageBody([{ itemId: tour.id }], {
      translations: { en: { title: SECRET_TITLE, description: 'Not for other partners' } },
    });
    draft = await createPackage(h, a, body);
    published = await publishedPackage(h, a, packageBody([{ itemId: tour.id }]));
    paused = await publishedPackage(h, a, body);
    expect((await h.call('POST', `/api/packages/${paused.id}/pause`, as(a.owner))).status).toBe(200);
  });

  afterAll(async () => {
    await h?.close();
  });

  type Actor = 'owner' | 'manager' | 'viewer' | 'otherPartner' | 'traveller' | 'anonymous';
  const actors: Actor[] = ['owner', 'manager', 'viewer', 'otherPartner', 'traveller', 'anonymous'];
  const tokenOf = (actor: Actor) =>
    ({
      owner: as(a.owner),
      manager: as(manager),
      viewer: as(viewer),
      otherPartner: as(b.owner),
      traveller: as(traveller),
      anonymous: {},
    })[actor];

  it('reads: published for everyone; draft and paused only for the partner’s members, 404 for the rest', async () => {
    const expected: Record<Actor, { draft: number; published: number; paused: number }> = {
      owner: { draft: 200, published: 200, paused: 200 },
      manager: { draft: 200, published: 200, paused: 200 },
      viewer: { draft: 200, published: 200, paused: 200 },
      otherPartner: { draft: 404, published: 200, paused: 404 },
      traveller: { draft: 404, published: 200, paused: 404 },
      anonymous: { draft: 404, published: 200, paused: 404 },
    };
    const unknown = await h.call('GET', `/api/packages/${randomUUID()}`);
    for (const actor of actors) {
      for (const [which, pkg] of Object.entries({ draft, published, paused }) as [
        keyof typeof expected.owner,
        { id: string },
      ][]) {
        const read = await h.call('GET', `/api/packages/${pkg.id}`, tokenOf(actor));
        expect(read.status, `${actor} GET ${which}`).toBe(expected[actor][which]);
        const calendar = await h.call(
          'GET',
          `/api/packages/${pkg.id}/availability?from=${romeDay(10)}&to=${romeDay(11)}`,
          tokenOf(actor),
        );
        expect(calendar.status, `${actor} availability ${which}`).toBe(expected[actor][which]);
        const quote = await h.call('POST', `/api/packages/${pkg.id}/quote`, {
          ...tokenOf(actor),
          body: { date: romeDay(10), party: { adult: 2 } },
        });
        expect(quote.status, `${actor} quote ${which}`).toBe(expected[actor][which]);
        if (expected[actor][which] === 404) {
          // Indistinguishable from a package that does not exist, and nothing of it leaks.
          expect(read.body).toMatchObject({ code: 'package_not_found', detail: unknown.body.detail });
          expect(JSON.stringify([read.body, calendar.body, quote.body])).not.toContain(SECRET_TITLE);
        }
      }
    }
  });

  it('writes: owner and manager; a viewer is refused; another partner gets 404; others are refused before any lookup', async () => {
    const expected: Record<Actor, { status: number; code?: string }> = {
      owner: { status: 200 },
      manager: { status: 200 },
      viewer: { status: 403, code: 'partner_role_forbidden' },
      otherPartner: { status: 404, code: 'package_not_found' },
      traveller: { status: 403, code: 'partner_membership_required' },
      anonymous: { status: 401, code: 'unauthorized' },
    };
    for (const actor of actors) {
      const edit = await h.call('PATCH', `/api/packages/${draft.id}`, { ...tokenOf(actor), body: { tags: ['lake'] } });
      expect([edit.status, edit.body.code], `${actor} PATCH`).toEqual(
        expected[actor].code ? [expected[actor].status, expected[actor].code] : [expected[actor].status, undefined],
      );
      if (actor === 'owner' || actor === 'manager') continue;
      for (const action of ['publish', 'pause', 'archive']) {
        const res = await h.call('POST', `/api/packages/${published.id}/${action}`, tokenOf(actor));
        expect([res.status, res.body.code], `${actor} ${action}`).toEqual([
          expected[actor].status,
          expected[actor].code,
        ]);
      }
    }
    // The refused writes changed nothing: still published, and only the owner's and manager's edits counted.
    const [row] = await h.rows<{ status: string }>('SELECT status FROM bundling.packages WHERE id = $1', [
      published.id,
    ]);
    expect(row!.status).toBe('published');
    const [edited] = await h.rows<{ version: number }>('SELECT version FROM bundling.packages WHERE id = $1', [
      draft.id,
    ]);
    expect(edited!.version).toBe(3);
  });

  it("lists: another partner's own list and the public lists never show A's unpublished packages", async () => {
    const mineB = await h.call('GET', '/api/packages/mine', as(b.owner));
    expect(mineB.body).toMatchObject({ items: [], total: 0 });
    const mineTraveller = await h.call('GET', '/api/packages/mine', as(traveller));
    expect([mineTraveller.status, mineTraveller.body.code]).toEqual([403, 'partner_membership_required']);
    const publicA = await h.call('GET', `/api/partners/${a.partnerId}/packages`);
    expect(publicA.body.items.map((p: { id: string }) => p.id)).toEqual([published.id]);
    const all = await h.call('GET', '/api/packages');
    expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([published.id]);
  });

  it("another partner cannot bundle A's unpublished item, nor learn it exists", async () => {
    const res = await h.call('POST', '/api/packages', { ...as(b.owner), body: packageBody([{ itemId: draftItemId }]) });
    expect([res.status, res.body.code]).toEqual([422, 'item_not_found']);
    const unknown = await h.call('POST', '/api/packages', {
      ...as(b.owner),
      body: packageBody([{ itemId: randomUUID() }]),
    });
    expect(unknown.body.detail).toBe(res.body.detail);
  });

  it('answers a malformed id with 400, not 500', async () => {
    const res = await h.call('GET', '/api/packages/not-a-uuid');
    expect([res.status, res.body.code]).toEqual([400, 'validation_failed']);
  });
});
