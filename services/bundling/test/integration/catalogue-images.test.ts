import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenMember, givenPartner, type GivenPartner } from '../support/builders.ts';
import { as, startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { gif, imageForm, jpeg, pdf, png, webp } from '../support/images.ts';
import { createItem } from '../support/items.ts';

describe('catalogue images', () => {
  let h: BundlingHarness;
  let a: GivenPartner;

  beforeAll(async () => {
    h = await startBundlingHarness('bundling_images');
    a = await givenPartner(h);
  });
  afterAll(() => h?.close());

  const upload = (itemId: string, form: FormData, user = a.owner) =>
    h.call('POST', `/api/catalogue/items/${itemId}/images`, { ...as(user), form });

  it('uploads JPEG, PNG and WebP (sniffed by content), serves them publicly with ETag, cache headers and 304', async () => {
    const item = await createItem(h, a);
    const bytes = png();
    // The name and declared type lie; the bytes decide.
    const first = await upload(item.id, imageForm(bytes, { name: 'holiday.gif', type: 'image/gif' }));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.images).toEqual([{ id: expect.any(String), url: expect.any(String), position: 0 }]);
    await upload(item.id, imageForm(jpeg()));
    const third = await upload(item.id, imageForm(webp()));
    expect(third.body.images.map((i: { position: number }) => i.position)).toEqual([0, 1, 2]);

    const url = first.body.images[0].url as string;
    expect(url).toBe(`/api/catalogue/images/${first.body.images[0].id}`);
    const image = await h.call('GET', url); // no token: an <img> sends none
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(image.bytes, bytes)).toBe(0);
    const etag = image.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await h.call('GET', url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    const other = await h.call('GET', url, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
    const webpImage = await h.call('GET', third.body.images[2].url);
    expect(webpImage.headers.get('content-type')).toBe('image/webp');
    // The item's view lists them.
    const view = await h.call('GET', `/api/catalogue/items/${item.id}`, as(a.owner));
    expect(view.body.images).toHaveLength(3);
    expect(await h.files()).toHaveLength(3);
  });

  it.each([
    ['a GIF', gif(), 415, 'unsupported_file_type'],
    ['a PDF called photo.png', pdf(), 415, 'unsupported_file_type'],
    ['an executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 415, 'unsupported_file_type'],
    ['an empty file', Buffer.alloc(0), 415, 'unsupported_file_type'],
    ['a PNG over 5 MB', png(5 * 1024 * 1024), 413, 'file_too_large'],
  ])('refuses %s (%i %s), storing nothing', async (_label, data, status, code) => {
    const item = await createItem(h, a);
    const before = await h.files();
    const res = await upload(item.id, imageForm(data));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
    expect(await h.files()).toEqual(before);
    expect(await h.rows('SELECT id FROM bundling.images WHERE item_id = $1', [item.id])).toEqual([]);
  });

  it('refuses a request without the file field (400) or not multipart at all (415)', async () => {
    const item = await createItem(h, a);
    const wrongField = await upload(item.id, imageForm(png(), { field: 'image' }));
    expect(wrongField.body).toMatchObject({ status: 400, code: 'file_missing' });
    const json = await h.call('POST', `/api/catalogue/items/${item.id}/images`, { ...as(a.owner), body: {} });
    expect(json.body).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('takes at most 8 images per item (409 too_many_images), and a ninth leaves no file behind', async () => {
    const item = await createItem(h, a);
    for (let i = 0; i < 8; i += 1) expect((await upload(item.id, imageForm(png()))).status).toBe(200);
    const before = await h.files();
    const ninth = await upload(item.id, imageForm(png()));
    expect(ninth.body).toMatchObject({ status: 409, code: 'too_many_images' });
    expect(await h.files()).toEqual(before);
  });

  it('deletes an image: gone from the item, the store and the public URL', async () => {
    const item = await createItem(h, a);
    const up = await upload(item.id, imageForm(png()));
    const [image] = up.body.images;
    const before = (await h.files()).length;
    const res = await h.call('DELETE', `/api/catalogue/items/${item.id}/images/${image.id}`, as(a.owner));
    expect(res.status).toBe(200);
    expect(res.body.images).toEqual([]);
    expect((await h.files()).length).toBe(before - 1);
    expect((await h.call('GET', image.url)).body).toMatchObject({ status: 404, code: 'image_not_found' });
    const twice = await h.call('DELETE', `/api/catalogue/items/${item.id}/images/${image.id}`, as(a.owner));
    expect(twice.body).toMatchObject({ status: 404, code: 'image_not_found' });
  });

  it('an image of another item is not found through this one; unknown and malformed ids answer 404 / 400', async () => {
    const one = await createItem(h, a);
    const two = await createItem(h, a);
    const up = await upload(one.id, imageForm(png()));
    const res = await h.call('DELETE', `/api/catalogue/items/${two.id}/images/${up.body.images[0].id}`, as(a.owner));
    expect(res.body.code).toBe('image_not_found');
    expect((await h.call('GET', `/api/catalogue/images/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await h.call('GET', '/api/catalogue/images/../../etc/passwd')).status).toBeGreaterThanOrEqual(400);
    expect((await h.call('GET', '/api/catalogue/images/not-a-uuid')).status).toBe(400);
  });

  it('a viewer may not upload; an archived item takes no new image', async () => {
    const viewer = await givenMember(h, a, 'viewer');
    const item = await createItem(h, a);
    expect((await upload(item.id, imageForm(png()), viewer)).body.code).toBe('partner_role_forbidden');
    await h.call('POST', `/api/catalogue/items/${item.id}/archive`, as(a.owner));
    expect((await upload(item.id, imageForm(png()))).body.code).toBe('item_archived');
  });
});
