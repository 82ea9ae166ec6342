import { meSchema, sessionSchema, type LoginBody, type RegisterBody, type Session, type User } from '@contracts/http';
import { apiRequest } from './http-client.ts';

export function registerAccount(body: RegisterBody): Promise<Session> {
  return apiRequest('/api/auth/register', { method: 'POST', body, schema: sessionSchema, auth: false });
}

export function login(body: LoginBody): Promise<Session> {
  return apiRequest('/api/auth/login', { method: 'POST', body, schema: sessionSchema, auth: false });
}

/** Uses the httpOnly refresh cookie; the server rotates it on every call. */
export function refresh(): Promise<Session> {
  return apiRequest('/api/auth/refresh', { method: 'POST', schema: sessionSchema, auth: false });
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
