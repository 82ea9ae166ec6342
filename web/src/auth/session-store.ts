import type { LinkSent, LoginBody, RegisterBody, Role, Session, User } from '@contracts/http';
import type * as AuthApi from '../api/auth-api.ts';
import { isApiError } from '../api/api-error.ts';
import { registerRefresher, setAccessToken } from '../api/token-store.ts';

// The API client and its response schemas (zod) are a chunk of their own, fetched when the
// session is first probed: the first page renders without waiting for them.
const authApi = (): Promise<typeof AuthApi> => import('../api/auth-api.ts');

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';
/** Why the session ended in this tab, when the user ended it on purpose. */
export type EndReason = 'signed-out' | 'account-deleted';
export interface AuthSnapshot {
  status: AuthStatus;
  user: User | null;
  endReason: EndReason | null;
}

/** Refresh this long before the access token expires, so requests never race the expiry. */
const REFRESH_MARGIN_SECONDS = 60;
const RETRY_AFTER_NETWORK_FAILURE_MS = 15_000;

let snapshot: AuthSnapshot = { status: 'loading', user: null, endReason: null };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<Session | null> | null = null;
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('tourconnect-auth');

function emit(next: AuthSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): AuthSnapshot {
  return snapshot;
}

function schedule(delayMs: number): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshSession(), delayMs);
}

function applySession(session: Session): Session {
  setAccessToken(session.accessToken, session.expiresIn);
  const lead = Math.min(REFRESH_MARGIN_SECONDS, session.expiresIn / 5);
  schedule(Math.max(5, session.expiresIn - lead) * 1000);
  emit({ status: 'authenticated', user: session.user, endReason: null });
  return session;
}

function clearSession(endReason: EndReason | null = null): void {
  clearTimeout(refreshTimer);
  setAccessToken(null);
  if (snapshot.status !== 'anonymous' || snapshot.endReason !== endReason) {
    emit({ status: 'anonymous', user: null, endReason });
  }
}

/**
 * Refresh tokens rotate with reuse detection, so two tabs refreshing with the same cookie
 * would revoke the whole family; the Web Locks API serialises refreshes across tabs.
 */
async function withCrossTabLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return fn();
  return (await locks.request('tourconnect-refresh', fn)) as T;
}

async function doRefresh(): Promise<Session | null> {
  try {
    const session = await withCrossTabLock(async () => (await authApi()).refresh());
    if (session) return applySession(session);
    clearSession(); // no refresh cookie: a visitor who is not signed in
    return null;
  } catch (error) {
    if (isApiError(error) && error.code === 'network_error' && snapshot.status === 'authenticated') {
      schedule(RETRY_AFTER_NETWORK_FAILURE_MS);
      return null;
    }
    clearSession();
    return null;
  }
}

/** Single-flight: concurrent callers share one refresh request. */
export function refreshSession(): Promise<Session | null> {
  inflight ??= doRefresh().finally(() => {
    inflight = null;
  });
  return inflight;
}

registerRefresher(async () => (await refreshSession())?.accessToken ?? null);

/** Called once at start-up: the refresh cookie, if any, restores the session. */
export function restoreSession(): Promise<Session | null> {
  return refreshSession();
}

export async function signIn(body: LoginBody): Promise<User> {
  return applySession(await (await authApi()).login(body)).user;
}

/**
 * Sign-up answers the same for a new and a taken address and opens no session. Unverified
 * accounts may sign in, so the portal signs in with the same credentials at once: a new
 * account goes straight on (the verify-your-e-mail banner shows), while a taken address (whose
 * owner got an e-mail instead) refuses them and the user sees "check your e-mail".
 */
export async function signUp(body: RegisterBody): Promise<LinkSent & { signedIn: boolean }> {
  const sent = await (await authApi()).registerAccount(body);
  try {
    await signIn({ email: body.email, password: body.password });
    return { ...sent, signedIn: true };
  } catch {
    return { ...sent, signedIn: false };
  }
}

/** The account changed (name, language): show it at once; the next token carries it too. */
export function updateSessionUser(user: User): void {
  if (snapshot.status === 'authenticated') emit({ ...snapshot, user });
}

export async function signOut(): Promise<void> {
  try {
    await (await authApi()).logout();
  } finally {
    // Even if the server is unreachable, forget the token locally.
    endSession('signed-out');
  }
}

/** GDPR erasure: the server deletes or anonymises the account, then the session ends here too. */
export async function deleteAccount(password: string): Promise<void> {
  await (await authApi()).deleteMe(password);
  endSession('account-deleted');
}

/** Forgets the session in this tab and every other open tab (those simply see it end). */
function endSession(reason: EndReason): void {
  clearSession(reason);
  channel?.postMessage('signed-out');
}

/** The farewell notice has been read. */
export function acknowledgeEnd(): void {
  if (snapshot.endReason) emit({ ...snapshot, endReason: null });
}

export function hasRole(user: User | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

channel?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'signed-out') clearSession();
});
