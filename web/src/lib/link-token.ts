import { useEffect, useState } from 'react';

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
  // Reading is pure; the fragment leaves the address bar after the page has committed. (Taking
  // it out while rendering lost the token when React rendered the lazily loaded page again
  // before committing, e.g. because the session probe answered meanwhile.)
  const [token] = useState(() => readLinkToken(window.location.hash));
  useEffect(() => {
    if (token && readLinkToken(window.location.hash)) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
  }, [token]);
  return token;
}
