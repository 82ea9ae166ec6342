import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';
import { imageForm, png } from '../support/images.ts';
import { createItem, openAvailability, publishedItem, tourBody } from '../support/items.ts';
import { createPackage, insertItem, openDates, packageBody, romeDay, type TestItem } from './packages-builders.ts';

// Every catalogue edit leaves an entry in bundling's audit log, in the edit's transaction: who
// (user and role), for which partner, on which item or package, and which fields changed —
// names only, never the texts.

interface AuditRow {
  action: string;
  actor_id: string;
  actor_role: string;
  data: Record<string, unknown>;
}

describe('catalogue audit log', () => {
  let h: BundlingHarness;
  let a: GivenPartner;
  let manager: TestUser;
  let tour: TestItem;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_catalogue_audit');
    a = await givenPartner(h, { name: 'Garda Walks' });
    manager = await givenMember(h, a, 'manager');
    tour = await insertItem(h, a.partnerId);
    await openDates(h, tour, romeDay(3), romeDay(20), { capacity: 10 });
  });
  afterAll(() => h?.close());

  const entries = (entityId: string) =>
    h.rows<AuditRow>(
      'SELECT action, actor_id, actor_role, data FROM bundling.audit_log WHERE entity_id = $1 ORDER BY seq',
      [entityId],
    );
  const last = async (entityId: string) => (await entries(entityId)).at(-1);

  it('records an item created by the owner, with the fields it was given and no texts', async () => {
    const item = await createItem(h, a, tourBody());
    const [entry, ...more] = await entries(item.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: 'item.created',
      actor_id: a.owner.id,
      actor_role: 'owner',
      data: { partnerId: a.partnerId, kind: 'tour', currency: 'EUR' },
    });
    expect(entry!.data.fields).toEqual(expect.arrayContaining(['translations', 'units', 'startTimes']));
    expect(JSON.stringify(entry!.data)).not.toContain('Riva');
  });

  it("records an item edited by a manager with the names of what changed, each language's text by its code", async () => {
    const item = await createItem(h, a, tourBody());
    const res = await h.call('PATCH', `/api/catalogue/items/${item.id}`, {
      ...as(manager),
      body: {
        durationMinutes: 240,
        tags: ['nature', 'lake'],
        translations: {
          en: { title: 'Guided walk above Riva', description: 'Three hours on the old Ponale road' },
          it: { title: 'Passeggiata guidata sopra Riva', description: 'Tre ore sulla vecchia strada del Ponale' },
          de: { title: 'Geführte Wanderung über Riva', description: '' },
        },
      },
    });
    expect(res.status).toBe(200);
    expect(await last(item.id)).toEqual({
      action: 'item.updated',
      actor_id: manager.id,
      actor_role: 'manager',
      // The tags and the English and Italian texts were sent unchanged.
      data: { partnerId: a.partnerId, fields: ['translations.de', 'durationMinutes'] },
    });
  });

  it('records publishing, pausing and archiving an item, each with the status it left', async () => {
    const item = await publishedItem(h, a);
    await h.call('POST', `/api/catalogue/items/${item.id}/pause`, as(manager));
    await h.call('POST', `/api/catalogue/items/${item.id}/archive`, as(a.owner));
    const log = await entries(item.id);
    expect(log.map((e) => [e.action, e.actor_id, e.data.from, e.data.to])).toEqual([
      ['item.created', a.owner.id, undefined, undefined],
      ['item.published', a.owner.id, 'draft', 'published'],
      ['item.paused', manager.id, 'published', 'paused'],
      ['item.archived', a.owner.id, 'paused', 'archived'],
    ]);
    expect(log.every((e) => e.data.partnerId === a.partnerId)).toBe(true);
  });

  it('records a calendar bulk edit with its range, weekdays and the fields it set', async () => {
    const item = await createItem(h, a, tourBody());
    await openAvailability(h, manager, item.id, { from: romeDay(2), to: romeDay(8), capacity: 6, weekdays: [6, 0] });
    expect(await last(item.id)).toMatchObject({
      action: 'item.availability_edited',
      actor_id: manager.id,
      data: {
        partnerId: a.partnerId,
        from: romeDay(2),
        to: romeDay(8),
        weekdays: [6, 0],
        fields: ['capacity'],
        created: 4, // two weekends × two start times
      },
    });
  });

  it("records an item's photo added and removed, by its id and hash, with the actor", async () => {
    const item = await createItem(h, a, tourBody());
    const up = await h.call('POST', `/api/catalogue/items/${item.id}/images`, {
      ...as(manager),
      form: imageForm(png()),
    });
    expect(up.status).toBe(200);
    const imageId = up.body.images[0].id as string;
    await h.call('DELETE', `/api/catalogue/items/${item.id}/images/${imageId}`, as(a.owner));
    const log = (await entries(item.id)).slice(1);
    expect(log.map((e) => [e.action, e.actor_id, e.data.imageId, e.data.partnerId])).toEqual([
      ['item.image_added', manager.id, imageId, a.partnerId],
      ['item.image_removed', a.owner.id, imageId, a.partnerId],
    ]);
    expect(log[0]!.data.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records nothing for an edit it refuses', async () => {
    const item = await createItem(h, a, tourBody());
    const before = await entries(item.id);
    const refused = await h.call('PUT', `/api/catalogue/items/${item.id}/availability`, {
      ...as(manager),
      body: { from: romeDay(2), to: romeDay(3), startTimes: ['23:00'], capacity: 4 },
    });
    expect([refused.status, refused.body.code]).toEqual([400, 'validation_failed']);
    const viewer = await givenMember(h, a, 'viewer');
    const forbidden = await h.call('PATCH', `/api/catalogue/items/${item.id}`, {
      ...as(viewer),
      body: { durationMinutes: 60 },
    });
    expect(forbidden.status).toBe(403);
    expect(await entries(item.id)).toEqual(before);
  });

  it("records a package's creation, edit and each status change with the actor and the partner", async () => {
    const created = await createPackage(h, a, packageBody([{ itemId: tour.id }]));
    const url = (action: string) => `/api/packages/${created.id}${action}`;
    const edit = await h.call('PATCH', url(''), {
      ...as(manager),
      body: { tags: ['family'], policy: { tiers: [{ hoursBefore: 24, refundPercent: 100 }] } },
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    for (const step of ['/publish', '/pause', '/archive']) {
      expect((await h.call('POST', url(step), as(a.owner))).status).toBe(200);
    }
    const log = await entries(created.id);
    expect(log.map((e) => [e.action, e.actor_id, e.data.partnerId])).toEqual([
      ['package.created', a.owner.id, a.partnerId],
      ['package.updated', manager.id, a.partnerId],
      ['package.published', a.owner.id, a.partnerId],
      ['package.paused', a.owner.id, a.partnerId],
      ['package.archived', a.owner.id, a.partnerId],
    ]);
    expect(log[1]!.data.fields).toEqual(['policy', 'tags']);
    expect(log.slice(2).map((e) => [e.data.from, e.data.to])).toEqual([
      ['draft', 'published'],
      ['published', 'paused'],
      ['paused', 'archived'],
    ]);
  });
});
