import { useState } from 'react';

/**
 * The secret of an e-mailed link travels in the URL fragment (`#token=…`), which browsers never
 * send to a server. The page reads it once and takes it out of the address bar, so it is not
 * left in the history or in a screenshot of the page.
 */
export function readLinkToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() ? token.trim() : null;
}

export function useLinkToken(): string | null {
  const [token] = useState(() => {
    const found = readLinkToken(window.location.hash);
    if (found) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return found;
  });
  return token;
}
