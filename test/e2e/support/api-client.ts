import { platformApi } from '../../../scripts/all-in-one/platform-api.ts';
import { readLink } from './mailbox.ts';

// The platform's public API as the e2e tests use it: through the gateway, with the portal's
// CSRF header (platformApi, shared with the seeds and benchmarks) and a client address per
// user, read back as status, headers, parsed body and raw bytes.

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

/** A call through the gateway, as the portal makes it. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const api = platformApi(base, options.ip ?? nextIp());
  const res = await api(method, path, options.token, options.form ?? options.body);
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

/** `{ token, ip }` of a user, for `call`. */
export const as = (user: TestUser) => ({ token: user.token, ip: user.ip });

let userCounter = 0;
/**
 * Registers with identity as the portal does (sign-up answers 202 without a session), follows
 * the verification link identity sent (unless `verified: false`), and signs in: the token
 * carries `email_verified`, which partner registration and invitations require. `email` as
 * typed (identity keeps it in lower case).
 */
export async function signUp(
  base: string,
  name = 'user',
  email?: string,
  options: { verified?: boolean } = {},
): Promise<TestUser> {
  userCounter += 1;
  const ip = nextIp();
  const address = email ?? `${name}${userCounter}.${Date.now()}@example.com`;
  const password = 'sunny-beaches-42';
  const res = await call(base, 'POST', '/api/auth/register', {
    ip,
    body: { email: address, password, displayName: `${name} ${userCounter}` },
  });
  if (res.status !== 202) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (options.verified !== false) await verifyEmail(base, address, ip);
  return { ...(await signIn(base, address, password)), ip };
}

/** Follows the verification link identity sent to `email` (POST /api/auth/verify-email). */
export async function verifyEmail(base: string, email: string, ip = nextIp()): Promise<void> {
  const token = await readLink(base, 'identity.email_verification.requested.v1', { email });
  const res = await call(base, 'POST', '/api/auth/verify-email', { ip, body: { token } });
  if (res.status !== 200) throw new Error(`verify-email failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function signIn(base: string, email: string, password: string): Promise<TestUser> {
  const ip = nextIp();
  const res = await call(base, 'POST', '/api/auth/login', { ip, body: { email, password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, token: res.body.accessToken, ip, password, roles: res.body.user.roles };
}

/** A fresh sign-in: the new access token carries the roles granted since. */
export const reSignIn = (base: string, user: TestUser) => signIn(base, user.email, user.password);
