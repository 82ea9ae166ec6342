import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png, upload } from '../support/files.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

// A directory page shows many logos: a browser keeps them and asks again with If-None-Match,
// and gets an empty 304 while the logo is the same.
describe('public logo caching', () => {
  let p: PartnersHarness;
  let owner: TestUser;
  let logoPath: string;

  beforeAll(async () => {
    p = await startPartnersHarness('partners_logo_cache');
    owner = await p.user('logo-owner');
    const registered = await p.call('POST', '/api/partners/register', {
      ...as(owner),
      body: {
        type: 'agency',
        name: 'Cache Travel',
        country: 'IT',
        legalName: 'Cache Travel S.r.l.',
        vatId: 'IT 0074311 0157',
        contactEmail: 'desk@cache.example',
      },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  });
  afterAll(() => p?.close());

  async function uploadLogo(image: Buffer): Promise<string> {
    const res = await p.call('POST', '/api/partners/me/logo', {
      ...as(owner),
      form: upload({}, image, 'logo.png', 'image/png'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.partner.logoUrl;
  }

  it('answers the logo with an ETag (the SHA-256 of its bytes) and lets caches keep it', async () => {
    logoPath = await uploadLogo(png([255, 102, 0]));
    const res = await p.call('GET', logoPath);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(png([255, 102, 0]))).toBe(true);
    const [row] = await p.rows<{ logo_sha256: string }>('SELECT logo_sha256 FROM partners.partners WHERE name = $1', [
      'Cache Travel',
    ]);
    expect(res.headers.get('etag')).toBe(`"${row!.logo_sha256}"`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('answers 304 with no body when If-None-Match names the current ETag (strong, weak or in a list)', async () => {
    const etag = (await p.call('GET', logoPath)).headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const res = await p.call('GET', logoPath, { headers: { 'if-none-match': ifNoneMatch } });
      expect(res.status, ifNoneMatch).toBe(304);
      expect(res.bytes.length).toBe(0);
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    }
    const stale = await p.call('GET', logoPath, { headers: { 'if-none-match': '"an-older-logo"' } });
    expect(stale.status).toBe(200);
    expect(stale.bytes.equals(png([255, 102, 0]))).toBe(true);
  });

  it('sends the new logo, with a new ETag, to a browser holding the old one', async () => {
    const oldEtag = (await p.call('GET', logoPath)).headers.get('etag')!;
    const newPath = await uploadLogo(png([0, 90, 200]));
    expect(newPath).not.toBe(logoPath);
    for (const path of [newPath, logoPath]) {
      const res = await p.call('GET', path, { headers: { 'if-none-match': oldEtag } });
      expect(res.status).toBe(200);
      expect(res.bytes.equals(png([0, 90, 200]))).toBe(true);
      expect(res.headers.get('etag')).not.toBe(oldEtag);
    }
  });

  it('is still not found once the logo is removed, whatever If-None-Match says', async () => {
    expect((await p.call('DELETE', '/api/partners/me/logo', as(owner))).status).toBe(200);
    const res = await p.call('GET', logoPath, { headers: { 'if-none-match': '*' } });
    expect(res.status).toBe(404);
  });
});
