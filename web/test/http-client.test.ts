import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The portal resolves '@contracts/http' through a Vite alias the repository-wide vitest
// config does not know; point it at the same source file here.
vi.mock('@contracts/http', () => import('../../libs/contracts/src/http/index.ts'));

const { apiRequest } = await import('../src/api/http-client.ts');
const { isApiError } = await import('../src/api/api-error.ts');
const tokens = await import('../src/api/token-store.ts');

type Call = { url: string; init: RequestInit };
let calls: Call[];

function respond(...responses: (Response | Error)[]) {
  const queue = [...responses];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = queue.shift();
    if (!next) throw new Error('unexpected fetch');
    if (next instanceof Error) throw next;
    return next;
  });
}

const problem = (status: number, code: string, extra: object = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
const ok = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const headers = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('apiRequest', () => {
  beforeEach(() => {
    calls = [];
    tokens.setAccessToken(null);
    tokens.registerRefresher(async () => null);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the CSRF header, cookies and the bearer token kept in memory', async () => {
    tokens.setAccessToken('access-1', 900);
    respond(ok({ hello: 'world' }));
    await expect(apiRequest('/api/x', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ hello: 'world' });
    expect(calls[0]!.init.credentials).toBe('include');
    expect(headers(calls[0])).toMatchObject({
      'x-tourconnect-csrf': '1',
      authorization: 'Bearer access-1',
      'content-type': 'application/json',
    });
    expect(calls[0]!.init.body).toBe('{"a":1}');
  });

  it('refreshes once on token_expired and retries with the new token', async () => {
    tokens.setAccessToken('old', 900);
    const refresher = vi.fn(async () => {
      tokens.setAccessToken('new', 900);
      return 'new';
    });
    tokens.registerRefresher(refresher);
    respond(problem(401, 'token_expired'), ok([1, 2]));
    await expect(apiRequest('/api/y')).resolves.toEqual([1, 2]);
    expect(refresher).toHaveBeenCalledTimes(1);
    expect(headers(calls[1]).authorization).toBe('Bearer new');
  });

  it('does not retry other 401s, and gives up when the refresh fails', async () => {
    tokens.setAccessToken('old', 900);
    respond(problem(401, 'token_invalid'));
    expect(await failure(apiRequest('/api/y'))).toMatchObject({ status: 401, code: 'token_invalid' });
    respond(problem(401, 'token_expired'));
    expect(await failure(apiRequest('/api/y'))).toMatchObject({ code: 'token_expired' });
    expect(calls).toHaveLength(2);
  });

  it('keeps problem codes and field errors for the forms', async () => {
    respond(
      problem(400, 'validation_failed', {
        errors: [{ path: 'email', code: 'invalid_format', message: 'invalid_email' }],
      }),
    );
    const error = await failure(apiRequest('/api/auth/register', { method: 'POST', body: {}, auth: false }));
    expect(isApiError(error) && error.fieldErrors).toEqual([
      { path: 'email', code: 'invalid_format', message: 'invalid_email' },
    ]);
  });

  it('turns non-problem failures and network errors into translatable codes', async () => {
    respond(new Response('<html>Bad gateway</html>', { status: 502 }), new TypeError('Failed to fetch'));
    expect(await failure(apiRequest('/api/z'))).toMatchObject({ status: 502, code: 'bad_gateway' });
    expect(await failure(apiRequest('/api/z'))).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('answers undefined for 204 No Content', async () => {
    respond(new Response(null, { status: 204 }));
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});
