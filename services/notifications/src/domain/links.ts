// The portal pages e-mails link to. Secret tokens travel in the URL fragment (#token=…): a
// browser never sends the fragment to a server, so the token stays out of the gateway's access
// logs and Referer headers; the portal page reads it and posts it to the API.

export const portalPaths = {
  verifyEmail: '/verify-email',
  resetPassword: '/reset-password',
  forgotPassword: '/forgot-password',
  acceptInvitation: '/invitations/accept',
  signIn: '/signin',
  account: '/account',
  partner: '/partner',
  partnerBookings: '/partner/bookings',
  partnerPayouts: '/partner/payouts',
} as const;

export type PortalPage = keyof typeof portalPaths;

/** A link that carries a secret: the live URL goes out in the e-mail, the redacted one is stored. */
export interface SecretLink {
  live: string;
  redacted: string;
}

/** What the stored copy shows in place of a token; no HTML-special characters on purpose. */
export const REDACTED_TOKEN = '[redacted]';

export function portalLink(portalUrl: string, page: PortalPage): string {
  return `${portalUrl}${portalPaths[page]}`;
}

/** A traveller's booking page (/bookings/:id) or a package page (/packages/:id); ids are not secret. */
export function portalItemLink(portalUrl: string, kind: 'bookings' | 'packages', id: string): string {
  return `${portalUrl}/${kind}/${encodeURIComponent(id)}`;
}

export function secretLink(portalUrl: string, page: PortalPage, token: string): SecretLink {
  const base = portalLink(portalUrl, page);
  return { live: `${base}#token=${encodeURIComponent(token)}`, redacted: `${base}#token=${REDACTED_TOKEN}` };
}

/**
 * billing's signed receipt download (valid 30 days without signing in): whoever holds it reads
 * the receipt, so it is a secret like a token. The live link carries the recipient's language
 * (billing signs the booking and expiry, not the language); the stored copy shows the path only.
 */
export function receiptDownloadLink(portalUrl: string, receiptPath: string, language: string): SecretLink {
  const path = receiptPath.split('?')[0] ?? receiptPath;
  return {
    live: `${portalUrl}${receiptPath}&lang=${encodeURIComponent(language)}`,
    redacted: `${portalUrl}${path}?${REDACTED_TOKEN}`,
  };
}
