import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobStore, S3Error, type BlobStore, type StorageSettings } from '../src/index.ts';

// @20minutes/s3rver: an S3 server in-process that, unlike the original s3rver 3.x, verifies
// SigV4 signatures against its own canonical request, so a signing mistake fails here as it
// would against MinIO or AWS. It ships no types; this is the part of its API the test uses.
interface FakeS3 {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type FakeS3Class = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}) => FakeS3;
const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as FakeS3Class;

// s3rver's single built-in account.
const ACCESS_KEY_ID = 'S3RVER';
const SECRET = 'S3RVER';
const BUCKET = 'partner-documents';

let dataDir: string;
let server: FakeS3;
let endpoint: string;
let store: BlobStore;

const settings = (overrides: Partial<StorageSettings> = {}): StorageSettings => ({
  UPLOADS_DIR: join(dataDir, 'unused-local-root'),
  S3_ENDPOINT: endpoint,
  S3_BUCKET: BUCKET,
  S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
  S3_SECRET_ACCESS_KEY: SECRET,
  ...overrides,
});
const newKey = (): string => `partners/${randomUUID()}/${randomUUID()}`;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'partners-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dataDir,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  store = createBlobStore(settings());
});
afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('S3 blob store against a signature-checking S3 server', () => {
  it('is chosen when S3_ENDPOINT is set, and ping reaches the bucket', async () => {
    expect(store.kind).toBe('s3');
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('round-trips binary content with its content type, overwrites, and deletes', async () => {
    const key = newKey();
    const first = randomBytes(256 * 1024);
    await store.put(key, first, 'application/pdf');
    expect((await store.get(key))?.equals(first)).toBe(true);
    // What a browser would be served from the bucket (s3rver answers unsigned reads).
    const raw = await fetch(`${endpoint}/${BUCKET}/${key}`);
    expect(raw.headers.get('content-type')).toBe('application/pdf');
    await raw.arrayBuffer();

    const second = Buffer.from('second version');
    await store.put(key, second, 'text/plain');
    expect((await store.get(key))?.equals(second)).toBe(true);

    await store.delete(key);
    expect(await store.get(key)).toBeUndefined();
  });

  it('answers undefined for a missing object and deletes a missing key without complaint', async () => {
    const key = newKey();
    expect(await store.get(key)).toBeUndefined();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('refuses bad keys before any request is made', async () => {
    await expect(store.put('../escape', Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid blob key/);
    await expect(store.get('/partners/abs')).rejects.toThrow(/invalid blob key/);
    await expect(store.delete('partners\\x')).rejects.toThrow(/invalid blob key/);
    // '' would otherwise address the bucket itself (a listing on GET).
    await expect(store.get('')).rejects.toThrow(/invalid blob key/);
  });

  it('rejects a put signed with the wrong secret, saying why and without leaking the secret', async () => {
    const wrongSecret = 'wrong-secret-Zq8vXk2pLm4N';
    const impostor = createBlobStore(settings({ S3_SECRET_ACCESS_KEY: wrongSecret }));
    const key = newKey();
    const error = await impostor.put(key, Buffer.from('forged'), 'text/plain').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(S3Error);
    const { message, status, code } = error as S3Error;
    expect(message).toBe(`S3 PUT ${key} failed: 403 SignatureDoesNotMatch`);
    expect({ status, code }).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(message).not.toContain(wrongSecret);
    expect(message).not.toMatch(/[0-9a-f]{64}/); // no signature or hash
    expect(await store.get(key)).toBeUndefined();
  });

  it('treats a missing bucket as an error, not as a missing object', async () => {
    const lost = createBlobStore(settings({ S3_BUCKET: 'no-such-bucket' }));
    await expect(lost.ping()).rejects.toThrow('S3 HEAD bucket "no-such-bucket" failed: 404 (bucket not found)');
    await expect(lost.get(newKey())).rejects.toThrow(/failed: 404 NoSuchBucket/);
    await expect(lost.put(newKey(), Buffer.from('x'), 'text/plain')).rejects.toThrow(/failed: 404 NoSuchBucket/);
  });

  it('ping names the endpoint when nothing listens there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = createBlobStore(settings({ S3_ENDPOINT: `http://127.0.0.1:${port}` }));
    await expect(down.ping()).rejects.toThrow(`http://127.0.0.1:${port} unreachable (ECONNREFUSED)`);
  });
});

describe('createBlobStore settings', () => {
  it('names every setting S3 still needs', () => {
    expect(() => createBlobStore(settings({ S3_BUCKET: undefined }))).toThrow(
      'S3_ENDPOINT is set, so S3_BUCKET is required',
    );
    expect(() => createBlobStore(settings({ S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: undefined }))).toThrow(
      'S3_ENDPOINT is set, so S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are required',
    );
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => createBlobStore(settings({ S3_ENDPOINT: 'minio:9000' }))).toThrow(/S3_ENDPOINT must be an http/);
  });
});
