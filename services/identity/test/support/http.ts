import type { LightMyRequestResponse } from 'fastify';
import { REFRESH_COOKIE } from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';

let counter = 0;

/** A unique, valid registration body. */
export function newUser(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    email: `traveller${counter}.${Date.now()}@example.com`,
    password: 'sunny-beaches-42',
    displayName: `Traveller ${counter}`,
    ...overrides,
  };
}

/** Each test uses its own client address, so per-IP limits of one test never leak into another. */
export function clientIp(): string {
  counter += 1;
  return `198.51.100.${counter % 250}`;
}

export function post(app: ServiceApp, url: string, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: { 'x-forwarded-for': clientIp(), ...headers },
  });
}

export function refreshCookieOf(res: LightMyRequestResponse) {
  return (res.cookies as Array<{ name: string; value: string; [k: string]: unknown }>).find(
    (c) => c.name === REFRESH_COOKIE,
  );
}

/**
 * Signs a new traveller up through the API as the portal does: sign-up (202, no session), then
 * sign-in. The body sent, the Session of the sign-in and its refresh cookie. The address is not
 * verified yet (see `verifyEmail` in links.ts).
 */
export async function register(app: ServiceApp, body = newUser()) {
  const signUp = await post(app, '/api/auth/register', body);
  if (signUp.statusCode !== 202) throw new Error(`register failed: ${signUp.statusCode} ${signUp.body}`);
  const res = await post(app, '/api/auth/login', { email: body.email, password: body.password });
  if (res.statusCode !== 200) throw new Error(`sign-in after sign-up failed: ${res.statusCode} ${res.body}`);
  return { body, session: res.json(), cookie: refreshCookieOf(res)!.value, res };
}

export function withCookie(value: string) {
  return { cookie: `${REFRESH_COOKIE}=${value}` };
}
