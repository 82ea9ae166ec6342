import { assertValidBlobKey, type BlobStore } from './blob-store.ts';
import { EMPTY_SHA256, sha256Hex, signRequest, type SigV4Credentials } from './sigv4.ts';

export interface S3BlobStoreOptions {
  /** e.g. http://127.0.0.1:9000 (MinIO) or https://s3.eu-central-1.amazonaws.com */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style (`endpoint/bucket/key`, MinIO) rather than virtual-hosted (`bucket.endpoint/key`). */
  forcePathStyle: boolean;
}

/** A failed S3 call. The message carries the status and S3's error code, never credentials. */
export class S3Error extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

// A hung object store must not hold an upload request (and its buffered body) forever.
const REQUEST_TIMEOUT_MS = 30_000;
const HEAD_HINTS: Record<number, string> = { 403: 'access denied', 404: 'bucket not found' };

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly #base: URL;
  readonly #bucket: string;
  readonly #region: string;
  readonly #pathStyle: boolean;
  // Private fields: util.inspect and JSON.stringify of the store never show the secret.
  readonly #credentials: SigV4Credentials;

  constructor(options: S3BlobStoreOptions) {
    this.#base = new URL(options.endpoint);
    this.#bucket = options.bucket;
    this.#region = options.region;
    this.#pathStyle = options.forcePathStyle;
    this.#credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    const url = this.#objectUrl(key);
    const res = await this.#send('PUT', url, key, data, { 'content-type': contentType });
    if (!res.ok) throw await failure('PUT', key, res);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<Buffer | undefined> {
    const res = await this.#send('GET', this.#objectUrl(key), key);
    if (res.status === 200) return Buffer.from(await res.arrayBuffer());
    const error = await failure('GET', key, res);
    // A missing bucket is a misconfiguration, not a missing document: say so instead of 404ing.
    if (res.status === 404 && error.code !== 'NoSuchBucket') return undefined;
    throw error;
  }

  async delete(key: string): Promise<void> {
    const res = await this.#send('DELETE', this.#objectUrl(key), key);
    if (res.status === 200 || res.status === 204) {
      await res.arrayBuffer();
      return;
    }
    const error = await failure('DELETE', key, res);
    if (res.status === 404 && error.code !== 'NoSuchBucket') return;
    throw error;
  }

  async ping(): Promise<void> {
    const label = `bucket ${JSON.stringify(this.#bucket)}`;
    const res = await this.#send('HEAD', this.#bucketUrl(), label);
    // HEAD answers carry no body, so there is no S3 error code to report, only the status.
    if (res.status !== 200) {
      const hint = HEAD_HINTS[res.status];
      throw new S3Error(`S3 HEAD ${label} failed: ${res.status}${hint ? ` (${hint})` : ''}`, res.status, undefined);
    }
  }

  async #send(
    method: string,
    url: URL,
    target: string,
    body?: Buffer,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const payloadHash = body ? sha256Hex(body) : EMPTY_SHA256;
    const signed = signRequest(
      { method, url, headers: { ...headers, 'x-amz-content-sha256': payloadHash }, payloadHash },
      this.#credentials,
      { region: this.#region, service: 's3' },
    );
    try {
      return await fetch(url, {
        method,
        headers: signed.headers,
        body,
        // A redirect (wrong region, wrong endpoint) would be re-sent with a signature for another
        // host and fail obscurely; surfacing the 301/307 itself is clearer.
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      // fetch's own errors never include request headers; name only the endpoint and the cause.
      throw new S3Error(
        `S3 ${method} ${target} failed: ${this.#base.origin} unreachable (${reason(err)})`,
        undefined,
        undefined,
      );
    }
  }

  #objectUrl(key: string): URL {
    assertValidBlobKey(key); // validated keys need no percent-encoding
    return this.#bucketUrl(key);
  }

  /** Path-style `endpoint/bucket/key` or virtual-hosted `bucket.endpoint/key`; the bucket itself for ''. */
  #bucketUrl(key = ''): URL {
    const prefix = this.#base.pathname.replace(/\/+$/, '');
    if (this.#pathStyle) {
      return new URL(`${prefix}/${this.#bucket}${key ? `/${key}` : ''}`, this.#base.origin);
    }
    return new URL(`${prefix}/${key}`, `${this.#base.protocol}//${this.#bucket}.${this.#base.host}`);
  }
}

async function failure(method: string, key: string, res: Response): Promise<S3Error> {
  const body = await res.text().catch(() => '');
  // S3 error bodies are XML (`<Error><Code>NoSuchKey</Code>…`); only the code is kept because other
  // elements (StringToSign, CanonicalRequest, SignatureProvided) are not for logs.
  const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(body)?.[1];
  return new S3Error(`S3 ${method} ${key} failed: ${res.status}${code ? ` ${code}` : ''}`, res.status, code);
}

function reason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  if (err.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS} ms`;
  return typeof cause?.code === 'string' ? cause.code : err.message;
}
