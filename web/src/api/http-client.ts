import { CSRF_HEADER, problemSchema } from '@contracts/http';
import { ApiError, codeForStatus } from './api-error.ts';
import { getAccessToken, refreshAccessToken } from './token-store.ts';

/** Structural view of a zod schema, so the portal needs no direct zod dependency. */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON-encoded, except FormData (multipart uploads), which the browser encodes itself. */
  body?: unknown;
  schema?: ResponseSchema<T>;
  /** Send the bearer token and retry once after a refresh on `token_expired`. */
  auth?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

async function send(path: string, options: RequestOptions<unknown>): Promise<Response> {
  const headers: Record<string, string> = {
    ...options.headers,
    [CSRF_HEADER]: '1',
    accept: 'application/json, */*',
  };
  const multipart = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  const token = options.auth === false ? null : getAccessToken();
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'include',
      body: options.body === undefined ? null : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error');
  }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = problemSchema.safeParse(JSON.parse(text));
    if (parsed.success) return new ApiError(response.status, parsed.data.code, parsed.data, retryAfter(response));
  } catch {
    // Not JSON: fall through to a code derived from the status.
  }
  return new ApiError(response.status, codeForStatus(response.status), undefined, retryAfter(response));
}

async function readBody<T>(response: Response, schema: ResponseSchema<T> | undefined): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!schema) return data as T;
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(response.status, 'invalid_response');
  return parsed.data;
}

/** Calls the TourConnect API through the gateway and throws an ApiError on failure. */
export async function apiRequest<T = unknown>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const response = await sendWithRefresh(path, options);
  return readBody(response, options.schema);
}

/**
 * A binary read (a document preview, an export download) with the bearer token, which an
 * `<img src>` or `<iframe src>` cannot send: show it through `URL.createObjectURL(blob)`.
 */
export async function apiBlob(path: string, options: Omit<RequestOptions<Blob>, 'schema'> = {}): Promise<Blob> {
  const response = await sendWithRefresh(path, options);
  return response.blob();
}

async function sendWithRefresh(path: string, options: RequestOptions<unknown>): Promise<Response> {
  let response = await send(path, options);
  if (response.status === 401 && options.auth !== false && getAccessToken()) {
    const error = await toApiError(response);
    if (error.code !== 'token_expired') throw error;
    const fresh = await refreshAccessToken();
    if (!fresh) throw error;
    response = await send(path, options);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}
