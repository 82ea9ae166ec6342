/**
 * The access token lives in memory only: never in localStorage, where any injected script
 * could read it. The refresh token is an httpOnly cookie the browser sends by itself.
 */
let accessToken: string | null = null;
let expiresAt = 0;
let refresher: (() => Promise<string | null>) | null = null;

export function getAccessToken(): string | null {
  return accessToken;
}

export function getAccessTokenExpiry(): number {
  return expiresAt;
}

export function setAccessToken(token: string | null, expiresInSeconds = 0): void {
  accessToken = token;
  expiresAt = token ? Date.now() + expiresInSeconds * 1000 : 0;
}

/** The session store registers how to obtain a fresh token; the HTTP client calls it on 401. */
export function registerRefresher(fn: () => Promise<string | null>): void {
  refresher = fn;
}

export function refreshAccessToken(): Promise<string | null> {
  return refresher ? refresher() : Promise.resolve(null);
}
