export interface BlobStore {
  readonly kind: 'local' | 's3';
  /** Writes the whole object; resolves only once it is durable (local: fsync'd + atomic rename from a temp file). */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** undefined when the object does not exist. */
  get(key: string): Promise<Buffer | undefined>;
  /** Idempotent: deleting a missing key is fine. */
  delete(key: string): Promise<void>;
  /** Readiness: local → directory writable; s3 → bucket reachable (HEAD bucket). */
  ping(): Promise<void>;
}

// Segments of `[A-Za-z0-9_.-]` joined by single slashes: no leading or trailing slash, no empty
// segment, no backslash. Keys become file paths locally, so anything that could climb out of
// UPLOADS_DIR or mean two different files on two backends is refused outright.
const KEY_PATTERN = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
const MAX_KEY_LENGTH = 1024; // S3's own limit

export function assertValidBlobKey(key: string): void {
  const valid =
    typeof key === 'string' &&
    key.length <= MAX_KEY_LENGTH &&
    KEY_PATTERN.test(key) &&
    !key.includes('..') &&
    !key.split('/').includes('.');
  if (!valid) {
    throw new Error(
      `invalid blob key ${JSON.stringify(String(key).slice(0, 80))}: expected e.g. <service>/<uuid>/<uuid>`,
    );
  }
}
