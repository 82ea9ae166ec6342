import { escapeHtml } from '../templates/escape.ts';
import type { SecretLink } from './links.ts';

/**
 * Puts the live links back into a stored (redacted) rendering, just before it goes to the SMTP
 * server. The redacted form holds no HTML-special characters, so it reads the same in the HTML
 * and the text part; the live URL is escaped for the HTML part.
 */
export function revealLinks(stored: string, links: SecretLink[], format: 'html' | 'text'): string {
  return links.reduce(
    (body, link) => body.split(link.redacted).join(format === 'html' ? escapeHtml(link.live) : link.live),
    stored,
  );
}
