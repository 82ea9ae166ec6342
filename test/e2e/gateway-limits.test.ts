import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, upload } from '@tourconnect/partners/demo-files';
import { as, call, signUp, type TestUser } from './support/api-client.ts';
import { startPlatform, type Platform } from './support/platform.ts';

// What the gateway refuses before a service sees it; the services' own limits are tested in
// their folders (partners: a document of 10 MB + 1 byte is the service's file_too_large).
describe('the gateway in front of partners', () => {
  let p: Platform;
  let owner: TestUser;

  const stored = async () => {
    const { rows } = await p.database.pool.query(
      `SELECT (SELECT count(*)::int FROM partners.partners) AS partners,
              (SELECT count(*)::int FROM partners.members) AS members,
              (SELECT count(*)::int FROM partners.documents) AS documents`,
    );
    const entries = await readdir(p.uploadsDir, { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => `${entry.parentPath}/${entry.name}`);
    return { ...rows[0], files: files.sort() };
  };

  beforeAll(async () => {
    p = await startPlatform('e2e_gateway_limits', { inProcess: true });
    owner = await signUp(p.base, 'uploader');
    const res = await call(p.base, 'POST', '/api/partners/register', {
      ...as(owner),
      body: { type: 'agency', name: 'Big Files Travel', country: 'IT' },
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  });
  afterAll(() => p?.close());

  it('a multipart body over 11 MB → 413 payload_too_large (the gateway), nothing stored', async () => {
    const before = await stored();
    const huge = Buffer.alloc(11 * 1024 * 1024 + 64 * 1024, 0x20);
    huge.write('%PDF-1.4\n', 0, 'latin1');
    const res = await call(p.base, 'POST', '/api/partners/me/documents', {
      ...as(owner),
      form: upload({ kind: 'licence' }, huge),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(await stored()).toEqual(before);
    // The same owner's ordinary upload still goes through.
    const small = await call(p.base, 'POST', '/api/partners/me/documents', {
      ...as(owner),
      form: upload({ kind: 'licence' }, pdf('a small licence')),
    });
    expect(small.status, JSON.stringify(small.body)).toBe(201);
  });
});
