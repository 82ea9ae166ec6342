import { createHash, createHmac } from 'node:crypto';

// AWS Signature Version 4 (header form) on node:crypto alone, so that talking to S3/MinIO
// costs the runtime no SDK. Checked against AWS's published vectors in test/unit/sigv4.test.ts.

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SigV4Scope {
  region: string;
  service: string;
}

export interface SigV4Request {
  method: string;
  url: URL;
  /** Headers that will be sent; all of them are signed. `host` comes from the URL. */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body (or `UNSIGNED-PAYLOAD`). */
  payloadHash: string;
}

export interface SignedRequest {
  /** The caller's headers plus `x-amz-date` and `authorization`, ready for fetch. */
  headers: Record<string, string>;
  signature: string;
}

export const EMPTY_SHA256 = sha256Hex('');

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function signRequest(
  request: SigV4Request,
  credentials: SigV4Credentials,
  scope: SigV4Scope,
  now: Date = new Date(),
): SignedRequest {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const headers = { ...request.headers, 'x-amz-date': amzDate };
  const canonical = canonicalHeaders({ ...headers, host: request.url.host });
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(request.url.pathname),
    canonicalQuery(request.url.searchParams),
    canonical.block,
    canonical.signedHeaders,
    request.payloadHash,
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const key = signingKey(credentials.secretAccessKey, day, scope);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  const authorization =
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope}, ` +
    `SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`;
  return { headers: { ...headers, authorization }, signature };
}

/** RFC 3986 encoding as SigV4 defines it: everything but `A-Za-z0-9-_.~` is percent-encoded. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// S3 encodes each path segment exactly once (other services double-encode); WHATWG URL leaves
// characters such as `$` raw, so segments are decoded and re-encoded to one canonical form.
function canonicalUri(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join('/');
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function canonicalHeaders(headers: Record<string, string>): { block: string; signedHeaders: string } {
  const merged = new Map<string, string>();
  for (const [name, raw] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const value = raw.trim().replace(/\s+/g, ' ');
    const previous = merged.get(key);
    merged.set(key, previous === undefined ? value : `${previous},${value}`);
  }
  const names = [...merged.keys()].sort(compare);
  return {
    block: names.map((name) => `${name}:${merged.get(name)}\n`).join(''),
    signedHeaders: names.join(';'),
  };
}

function signingKey(secret: string, day: string, scope: SigV4Scope): Buffer {
  const dateKey = hmac(`AWS4${secret}`, day);
  const regionKey = hmac(dateKey, scope.region);
  const serviceKey = hmac(regionKey, scope.service);
  return hmac(serviceKey, 'aws4_request');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

// Code-unit order, not locale order: SigV4 sorts by byte value.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
