import type { ServiceApp } from '../service.ts';

/** An answer as a test reads it: status, headers, parsed JSON body (when JSON) and raw bytes. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  bytes: Buffer;
}

export interface CallOptions {
  token?: string | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data, as the portal uploads. */
  form?: FormData;
  /** A body sent verbatim with this content type (malformed JSON and the like). */
  raw?: { payload: string | Buffer; contentType: string };
  /** Extra request headers (Idempotency-Key, If-None-Match…). */
  headers?: Record<string, string>;
  /** The client address (X-Forwarded-For); a fresh one per call when left out. */
  ip?: string;
}

let ipCounter = 0;
/** A client address of its own (TEST-NET-3), so one test's rate-limit bucket never fills another's. */
export function nextIp(): string {
  ipCounter += 1;
  return `203.0.113.${(ipCounter % 250) + 1}`;
}

/** A request through `app.inject`, shaped as the portal sends it (JSON, multipart or raw). */
export async function injectCall(
  app: ServiceApp,
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { 'x-forwarded-for': options.ip ?? nextIp(), ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | Buffer | undefined;
  if (options.form) {
    // The multipart encoding fetch would send, boundary included.
    const encoded = new Response(options.form);
    headers['content-type'] = encoded.headers.get('content-type')!;
    payload = Buffer.from(await encoded.arrayBuffer());
  } else if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    payload = options.raw.payload;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(options.body);
  }
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined) responseHeaders.append(name, String(one));
    }
  }
  const bytes = res.rawPayload;
  const type = responseHeaders.get('content-type') ?? '';
  const body = type.includes('json') && bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
  return { status: res.statusCode, headers: responseHeaders, body, bytes };
}
