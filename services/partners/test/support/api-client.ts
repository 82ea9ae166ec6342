import { CSRF_HEADER } from '@tourconnect/contracts/http';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  bytes: Buffer;
}

let ipCounter = 0;
/** Each user gets its own client address, so per-IP limits of one test never leak into another. */
export function nextIp(): string {
  ipCounter += 1;
  return `203.0.113.${(ipCounter % 250) + 1}`;
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  form?: FormData;
  ip?: string;
}

/** A call through the gateway, with the portal's CSRF header. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { [CSRF_HEADER]: '1', 'x-forwarded-for': options.ip ?? nextIp() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(base + path, { method, headers, ...(body === undefined ? {} : { body }) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const parsed = type.includes('json') && bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
  return { status: res.status, headers: res.headers, body: parsed, bytes };
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  ip: string;
  password: string;
  roles: string[];
}

let userCounter = 0;
export async function signUp(base: string, name = 'user'): Promise<TestUser> {
  userCounter += 1;
  const ip = nextIp();
  const email = `${name}${userCounter}.${Date.now()}@example.com`;
  const password = 'sunny-beaches-42';
  const res = await call(base, 'POST', '/api/auth/register', {
    ip,
    body: { email, password, displayName: `${name} ${userCounter}` },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, token: res.body.accessToken, ip, password, roles: res.body.user.roles };
}

export async function signIn(base: string, email: string, password: string): Promise<TestUser> {
  const ip = nextIp();
  const res = await call(base, 'POST', '/api/auth/login', { ip, body: { email, password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, token: res.body.accessToken, ip, password, roles: res.body.user.roles };
}

/** A fresh sign-in: the new access token carries the roles granted since. */
export const reSignIn = (base: string, user: TestUser) => signIn(base, user.email, user.password);

export async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
