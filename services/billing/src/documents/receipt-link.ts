import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a receipt link sent by e-mail works. */
export const RECEIPT_LINK_DAYS = 30;

/** When a link signed now stops working. */
export const receiptLinkExpiry = (now: Date = new Date()): Date =>
  new Date(now.getTime() + RECEIPT_LINK_DAYS * 24 * 60 * 60 * 1000);

/**
 * The HMAC covers the booking and the expiry only, not the language: the PDF's language is
 * presentation, so notifications appends `&lang=<recipient's language>` to the path billing
 * publishes, and a reader may switch it, without breaking the signature.
 */
function signature(key: string, bookingId: string, exp: number): string {
  return createHmac('sha256', key).update(`${bookingId}.${exp}`).digest('base64url');
}

/**
 * A path (relative to the public portal URL) that downloads the booking's receipt without a
 * token until `expiresAt`: /api/billing/receipts/<id>/download?exp=<unix s>&sig=<base64url>,
 * with `&lang=` first when a language is given.
 */
export function signReceiptLink(key: string, bookingId: string, expiresAt: Date, lang?: string): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams();
  if (lang) query.set('lang', lang);
  query.set('exp', String(exp));
  query.set('sig', signature(key, bookingId, exp));
  return `/api/billing/receipts/${encodeURIComponent(bookingId)}/download?${query.toString()}`;
}

export type ReceiptLinkCheck = 'valid' | 'invalid' | 'expired';

/** A forged, altered or malformed link is 'invalid'; a genuine one past its expiry 'expired'. */
export function verifyReceiptLink(
  key: string,
  bookingId: string,
  exp: string | undefined,
  sig: string | undefined,
  now: Date = new Date(),
): ReceiptLinkCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'invalid';
  const expected = Buffer.from(signature(key, bookingId, Number(exp)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'valid';
}
