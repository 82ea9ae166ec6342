import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlobStore, type BlobStore } from '../src/index.ts';

let root: string;
let store: BlobStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'storage-blobs-'));
  store = createBlobStore({ UPLOADS_DIR: join(root, 'uploads') });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const newKey = (): string => `partners/${randomUUID()}/${randomUUID()}`;

/** Every file below dir, relative to it, including dot files. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('local blob store', () => {
  it('is chosen when S3_ENDPOINT is not set', () => {
    expect(store.kind).toBe('local');
    expect(createBlobStore({ UPLOADS_DIR: root, S3_ENDPOINT: '' }).kind).toBe('local');
  });

  it('round-trips binary content, overwrites, and deletes', async () => {
    const key = newKey();
    const first = randomBytes(64 * 1024);
    await store.put(key, first, 'application/pdf');
    expect((await store.get(key))?.equals(first)).toBe(true);

    const second = Buffer.from('%PDF-1.7 replaced');
    await store.put(key, second, 'application/pdf');
    expect((await store.get(key))?.equals(second)).toBe(true);

    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
  });

  it('stores the object at UPLOADS_DIR/<key>, readable only by its owner', async () => {
    const key = newKey();
    await store.put(key, Buffer.from('id card'), 'image/png');
    const file = await stat(join(root, 'uploads', key));
    expect(file.mode & 0o777).toBe(0o600);
    const partnerDir = await stat(join(root, 'uploads', key.split('/').slice(0, 2).join('/')));
    expect(partnerDir.mode & 0o777).toBe(0o700);
  });

  it('answers undefined for a key that was never written', async () => {
    expect(await store.get(newKey())).toBeUndefined();
    // A key one level below an existing object is just as absent.
    const key = newKey();
    await store.put(key, Buffer.from('x'), 'text/plain');
    expect(await store.get(`${key}/below`)).toBeUndefined();
  });

  it('deletes a missing key without complaint', async () => {
    await expect(store.delete(newKey())).resolves.toBeUndefined();
    const key = newKey();
    await store.put(key, Buffer.from('x'), 'text/plain');
    await store.delete(key);
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it.each([
    '../etc/passwd',
    'partners/../../outside',
    'partners/a..b',
    '/partners/abs',
    'partners\\win',
    'partners//double',
    'partners/trailing/',
    'partners/./dot',
    'partners/space here',
    'partners/ümlaut',
    '',
    'x'.repeat(1025),
  ])('refuses the key %j on put, get and delete', async (key) => {
    await expect(store.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid blob key/);
    await expect(store.get(key)).rejects.toThrow(/invalid blob key/);
    await expect(store.delete(key)).rejects.toThrow(/invalid blob key/);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('leaves no temporary files behind, after success or after a failed write', async () => {
    const keys = [newKey(), newKey(), newKey()];
    await Promise.all(keys.map((key, i) => store.put(key, Buffer.from(`doc ${i}`), 'text/plain')));
    // A directory already sits where this object should go, so the final rename fails.
    const blocked = keys[0]!.split('/').slice(0, 2).join('/');
    await expect(store.put(blocked, Buffer.from('x'), 'text/plain')).rejects.toThrow();
    expect((await filesUnder(join(root, 'uploads'))).sort()).toEqual([...keys].sort());
  });

  it('ping succeeds on a writable directory (creating it) and fails when it cannot write', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    expect(await filesUnder(join(root, 'uploads'))).toEqual([]);

    // A regular file where the directory should be: unlike a chmod, this stops root as well.
    const notADir = join(root, 'not-a-dir');
    await createBlobStore({ UPLOADS_DIR: root }).put('not-a-dir', Buffer.from('x'), 'text/plain');
    await expect(createBlobStore({ UPLOADS_DIR: notADir }).ping()).rejects.toThrow();
  });
});
