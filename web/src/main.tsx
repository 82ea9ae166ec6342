import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/i18n.ts';
import './styles/global.css';
import { App } from './app.tsx';
import { restoreSession } from './auth/session-store.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

// The access token is never persisted; the httpOnly refresh cookie restores the session. The
// probe starts now, in parallel with the visitor's language (its own chunk), and index.html's
// loading shell stays until both the code and the strings are there.
void restoreSession();
void i18nReady
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
