import {
  CSRF_HEADER,
  requiredDocuments,
  type PartnerType,
  type RegisterPartnerBody,
} from '@tourconnect/contracts/http';
import { pdf, png, upload } from '@tourconnect/partners/demo-files';
import type { Mailbox } from './mailbox.ts';

/**
 * The public API as a script uses it (the demo seed, the benchmarks): the portal's CSRF header,
 * JSON or multipart bodies, and optionally a client address of its own (honoured by a gateway
 * that trusts one proxy hop).
 */
export type PlatformApi = (method: string, path: string, token?: string, body?: unknown) => Promise<Response>;

export function platformApi(base: string, clientIp?: string): PlatformApi {
  return (method, path, token, body) => {
    const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
    if (clientIp) headers['x-forwarded-for'] = clientIp;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    const payload = body === undefined || body instanceof FormData ? body : JSON.stringify(body);
    return fetch(base + path, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  };
}

/** The body of an answer with the expected status; anything else stops the script, saying what. */
export async function expectStatus(res: Response, status: number, what: string): Promise<unknown> {
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

export async function signIn(api: PlatformApi, user: { email: string; password: string }): Promise<string> {
  const credentials = { email: user.email, password: user.password };
  const body = await expectStatus(
    await api('POST', '/api/auth/login', undefined, credentials),
    200,
    `sign-in ${user.email}`,
  );
  return (body as { accessToken: string }).accessToken;
}

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  locale?: string;
}

/**
 * A new user as a person signs up: register (202, no session), follow the verification link
 * identity e-mailed, sign in. The access token carries `email_verified: true`, which
 * registering a partner and accepting an invitation need. Returns it.
 */
export async function signUpVerified(api: PlatformApi, mailbox: Mailbox, user: NewUser): Promise<string> {
  await expectStatus(await api('POST', '/api/auth/register', undefined, user), 202, `sign-up ${user.email}`);
  await verifyEmail(api, mailbox, user.email);
  return signIn(api, user);
}

/** Follows the newest verification link identity sent to `email`. */
export async function verifyEmail(api: PlatformApi, mailbox: Mailbox, email: string): Promise<void> {
  const token = await mailbox.link('identity.email_verification.requested.v1', { email });
  await expectStatus(await api('POST', '/api/auth/verify-email', undefined, { token }), 200, `verify ${email}`);
}

export interface Onboarding {
  body: RegisterPartnerBody & { type: PartnerType; name: string };
  /** A one-colour square logo, when given. */
  logoColour?: [number, number, number];
  /** Upload every required document and submit for review; otherwise the partner stays a draft. */
  submit: boolean;
}

/** What an owner does in the wizard: register, logo, every required document, submit. */
export async function onboardPartner(api: PlatformApi, token: string, onboarding: Onboarding): Promise<string> {
  const { body } = onboarding;
  const registered = await expectStatus(
    await api('POST', '/api/partners/register', token, body),
    201,
    `partner ${body.name}`,
  );
  if (onboarding.logoColour) {
    const logo = upload({}, png(onboarding.logoColour, 64), 'logo.png', 'image/png');
    await expectStatus(await api('POST', '/api/partners/me/logo', token, logo), 200, `logo of ${body.name}`);
  }
  if (onboarding.submit) {
    for (const kind of requiredDocuments[body.type]) {
      const file = upload({ kind }, pdf(`${body.name}: ${kind.replace(/_/g, ' ')}`), `${kind}.pdf`);
      await expectStatus(await api('POST', '/api/partners/me/documents', token, file), 201, `${kind} of ${body.name}`);
    }
    await expectStatus(await api('POST', '/api/partners/me/submit', token), 200, `submit ${body.name}`);
  }
  return (registered as { partner: { id: string } }).partner.id;
}

export async function approvePartner(api: PlatformApi, adminToken: string, partnerId: string): Promise<void> {
  const body = { partnerId, decision: 'approve' };
  await expectStatus(await api('POST', '/api/partners/verify', adminToken, body), 200, `approve ${partnerId}`);
}
