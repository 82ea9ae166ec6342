import type { BlobStore } from './blob-store.ts';
import { LocalBlobStore } from './local-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';

export { assertValidBlobKey, type BlobStore } from './blob-store.ts';
export { LocalBlobStore } from './local-blob-store.ts';
export { S3BlobStore, S3Error, type S3BlobStoreOptions } from './s3-blob-store.ts';
export { EMPTY_SHA256, sha256Hex, signRequest, uriEncode, type SigV4Credentials, type SigV4Scope } from './sigv4.ts';
export { extensionFor, FILENAME_INPUT_LIMIT, safeFilename, sniffFileType, type SniffedType } from './file-type.ts';

export interface StorageSettings {
  /** Local root, e.g. `<repo>/.data/uploads`. */
  UPLOADS_DIR: string;
  /** e.g. http://127.0.0.1:9000 (MinIO); when set, S3 is used. */
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  /** Default 'us-east-1'. */
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  /** Default true (MinIO). */
  S3_FORCE_PATH_STYLE?: boolean;
}

const REQUIRED_WITH_ENDPOINT = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** S3 when S3_ENDPOINT is set, otherwise files under UPLOADS_DIR. Throws naming any missing setting. */
export function createBlobStore(settings: StorageSettings): BlobStore {
  const endpoint = settings.S3_ENDPOINT?.trim();
  if (!endpoint) {
    if (!settings.UPLOADS_DIR?.trim()) throw new Error('UPLOADS_DIR is required when S3_ENDPOINT is not set');
    return new LocalBlobStore(settings.UPLOADS_DIR);
  }
  const missing = REQUIRED_WITH_ENDPOINT.filter((name) => !settings[name]?.trim());
  if (missing.length > 0) {
    throw new Error(`S3_ENDPOINT is set, so ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required`);
  }
  if (!isHttpUrl(endpoint)) throw new Error('S3_ENDPOINT must be an http:// or https:// URL');
  return new S3BlobStore({
    endpoint,
    bucket: settings.S3_BUCKET as string,
    region: settings.S3_REGION?.trim() || 'us-east-1',
    accessKeyId: settings.S3_ACCESS_KEY_ID as string,
    secretAccessKey: settings.S3_SECRET_ACCESS_KEY as string,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE ?? true,
  });
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
