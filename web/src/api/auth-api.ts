import {
  linkSentSchema,
  meSchema,
  sessionSchema,
  verifyEmailResultSchema,
  type ChangeEmailBody,
  type ChangePasswordBody,
  type ForgotPasswordBody,
  type LinkSent,
  type LoginBody,
  type RegisterBody,
  type ResetPasswordBody,
  type Session,
  type UpdateProfileBody,
  type User,
  type VerifyEmailResult,
} from '@contracts/http';
import { apiRequest } from './http-client.ts';

/** 202 `{email}` for a new and a taken address alike: no session, a link goes out instead. */
export function registerAccount(body: RegisterBody): Promise<LinkSent> {
  return apiRequest('/api/auth/register', { method: 'POST', body, schema: linkSentSchema, auth: false });
}

export function login(body: LoginBody): Promise<Session> {
  return apiRequest('/api/auth/login', { method: 'POST', body, schema: sessionSchema, auth: false });
}

/**
 * Uses the httpOnly refresh cookie; the server rotates it on every call. No cookie (a visitor
 * who is not signed in) is a 204, not an error: null.
 */
export async function refresh(): Promise<Session | null> {
  const session = await apiRequest<Session | undefined>('/api/auth/refresh', {
    method: 'POST',
    schema: sessionSchema,
    auth: false,
  });
  return session ?? null;
}

export function logout(): Promise<void> {
  return apiRequest('/api/auth/logout', { method: 'POST' });
}

export async function fetchMe(): Promise<User> {
  const { user } = await apiRequest('/api/auth/me', { schema: meSchema });
  return user;
}

export function deleteMe(password: string): Promise<void> {
  return apiRequest('/api/auth/me', { method: 'DELETE', body: { password } });
}

/** The token of a verification or e-mail change link; works without a session. */
export function verifyEmail(token: string): Promise<VerifyEmailResult> {
  return apiRequest('/api/auth/verify-email', {
    method: 'POST',
    body: { token },
    schema: verifyEmailResultSchema,
    auth: false,
  });
}

export function resendVerification(): Promise<LinkSent> {
  return apiRequest('/api/auth/verify-email/resend', { method: 'POST', schema: linkSentSchema });
}

/** Same answer whether or not the address has an account. */
export function forgotPassword(body: ForgotPasswordBody): Promise<LinkSent> {
  return apiRequest('/api/auth/password/forgot', { method: 'POST', body, schema: linkSentSchema, auth: false });
}

/** Ends every session, this browser's too. */
export function resetPassword(body: ResetPasswordBody): Promise<void> {
  return apiRequest('/api/auth/password/reset', { method: 'POST', body, auth: false });
}

export async function updateProfile(body: UpdateProfileBody): Promise<User> {
  const { user } = await apiRequest('/api/auth/me', { method: 'PATCH', body, schema: meSchema });
  return user;
}

/** The account moves only once the link sent to the new address is followed. */
export function changeEmail(body: ChangeEmailBody): Promise<LinkSent> {
  return apiRequest('/api/auth/me/email', { method: 'POST', body, schema: linkSentSchema });
}

/** Every other session ends; this one goes on. */
export function changePassword(body: ChangePasswordBody): Promise<void> {
  return apiRequest('/api/auth/me/password', { method: 'POST', body });
}
