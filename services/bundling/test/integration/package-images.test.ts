import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness, type TestUser } from '../support/harness.ts';
import { gif, imageForm, jpeg, pdf, png } from '../support/images.ts';
import { createPackage, insertItem, packageBody, publishedPackage, openDates, romeDay } from './packages-builders.ts';

// A package's own photos: POST /api/packages/:id/images and DELETE …/images/:imageId, by the
// package's partner's owners and managers, with the item images' rules (bytes decide the
// type, 5 MB, 8 at most); the traveller's package view lists them.

describe('package images', () => {
  let h: BundlingHarness;
  let a: GivenPartner;
  let b: GivenPartner;
  let itemId: string;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_package_images');
    [a, b] = await Promise.all([givenPartner(h, { name: 'Lago Tours' }), givenPartner(h)]);
    const tour = await insertItem(h, a.partnerId);
    await openDates(h, tour, romeDay(3), romeDay(10), { capacity: 10 });
    itemId = tour.id;
  });
  afterAll(() => h?.close());

  const newPackage = () => createPackage(h, a, packageBody([{ itemId }]));
  const upload = (packageId: string, form: FormData, user: TestUser = a.owner) =>
    h.call('POST', `/api/packages/${packageId}/images`, { ...as(user), form });
  const packageFiles = async (packageId: string) =>
    (await h.files()).filter((key) => key.includes(`/packages/${packageId}/`));

  it('uploads a PNG (sniffed, whatever its name), lists it on the public package page and serves it', async () => {
    const created = await newPackage();
    const bytes = png();
    const res = await upload(created.id, imageForm(bytes, { name: 'beach.gif', type: 'image/gif' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.images).toEqual([
      { id: expect.any(String), url: `/api/catalogue/images/${res.body.images[0].id}`, position: 0 },
    ]);
    const second = await upload(created.id, imageForm(jpeg()));
    expect(second.body.images.map((i: { position: number }) => i.position)).toEqual([0, 1]);

    await h.call('POST', `/api/packages/${created.id}/publish`, as(a.owner));
    const publicView = await h.call('GET', `/api/packages/${created.id}`); // a visitor, no token
    expect(publicView.body.images.map((i: { id: string }) => i.id)).toEqual(
      second.body.images.map((i: { id: string }) => i.id),
    );
    const image = await h.call('GET', res.body.images[0].url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(image.bytes, bytes)).toBe(0);
    expect(await packageFiles(created.id)).toHaveLength(2);
  });

  it.each([
    ['a GIF', 415, 'unsupported_file_type', gif()],
    ['a PDF called photo.png', 415, 'unsupported_file_type', pdf()],
    ['an empty file', 415, 'unsupported_file_type', Buffer.alloc(0)],
    ['a PNG over 5 MB', 413, 'file_too_large', png(5 * 1024 * 1024)],
  ])('refuses %s (%i %s) as items do, storing nothing', async (_label, status, code, data) => {
    const created = await newPackage();
    const before = await h.files();
    const res = await upload(created.id, imageForm(data));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
    expect(await h.files()).toEqual(before);
    expect(await h.rows('SELECT id FROM bundling.images WHERE package_id = $1', [created.id])).toEqual([]);
  });

  it('refuses a request without the file field (400 file_missing) or not multipart (415)', async () => {
    const created = await newPackage();
    expect((await upload(created.id, imageForm(png(), { field: 'image' }))).body).toMatchObject({
      status: 400,
      code: 'file_missing',
    });
    const json = await h.call('POST', `/api/packages/${created.id}/images`, { ...as(a.owner), body: {} });
    expect(json.body).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it("answers 404 for another partner's package, on upload and delete, and stores nothing", async () => {
    const created = await newPackage();
    const mine = await upload(created.id, imageForm(png()));
    const before = await h.files();
    const theirs = await upload(created.id, imageForm(png()), b.owner);
    expect(theirs.body).toMatchObject({ status: 404, code: 'package_not_found' });
    const removal = await h.call('DELETE', `/api/packages/${created.id}/images/${mine.body.images[0].id}`, as(b.owner));
    expect(removal.body).toMatchObject({ status: 404, code: 'package_not_found' });
    expect(await h.files()).toEqual(before);
    // b's own package does not reach a's image either.
    const bTour = await insertItem(h, b.partnerId);
    await openDates(h, bTour, romeDay(3), romeDay(4), { capacity: 2 });
    const bPackage = await createPackage(h, b, packageBody([{ itemId: bTour.id }]));
    const cross = await h.call('DELETE', `/api/packages/${bPackage.id}/images/${mine.body.images[0].id}`, as(b.owner));
    expect(cross.body).toMatchObject({ status: 404, code: 'image_not_found' });
    expect((await h.call('GET', mine.body.images[0].url)).status).toBe(200);
  });

  it('deletes an image: gone from the package, the store and its URL; audited with the actor', async () => {
    const created = await newPackage();
    const manager = await givenMember(h, a, 'manager');
    const up = await upload(created.id, imageForm(png()), manager);
    const [image] = up.body.images;
    const res = await h.call('DELETE', `/api/packages/${created.id}/images/${image.id}`, as(manager));
    expect(res.status).toBe(200);
    expect(res.body.images).toEqual([]);
    expect(await packageFiles(created.id)).toEqual([]);
    expect((await h.call('GET', image.url)).body).toMatchObject({ status: 404, code: 'image_not_found' });
    const audit = await h.rows<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM bundling.audit_log WHERE entity_id = $1 AND action LIKE 'package.image%' ORDER BY seq`,
      [created.id],
    );
    expect(audit).toEqual([
      { action: 'package.image_added', actor_id: manager.id },
      { action: 'package.image_removed', actor_id: manager.id },
    ]);
  });

  it('takes at most 8 images; a viewer may not upload; an archived package takes none', async () => {
    const created = await publishedPackage(h, a, packageBody([{ itemId }]));
    for (let i = 0; i < 8; i += 1) expect((await upload(created.id, imageForm(png()))).status).toBe(200);
    expect((await upload(created.id, imageForm(png()))).body).toMatchObject({ status: 409, code: 'too_many_images' });
    const viewer = await givenMember(h, a, 'viewer');
    const other = await newPackage();
    expect((await upload(other.id, imageForm(png()), viewer)).body.code).toBe('partner_role_forbidden');
    await h.call('POST', `/api/packages/${other.id}/archive`, as(a.owner));
    expect((await upload(other.id, imageForm(png()))).body.code).toBe('package_archived');
  });
});
