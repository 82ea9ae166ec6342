import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { MainNav } from './main-nav.tsx';
import { UserMenu } from './user-menu.tsx';
import './header.css';

// The live connection exists only for a signed-in user, so a visitor sees no "Offline" dot and
// does not download the indicator.
const LiveIndicator = lazy(() =>
  import('../../realtime/live-indicator.tsx').then((module) => ({ default: module.LiveIndicator })),
);

export function Header() {
  const { t } = useTranslation('common');
  const { isAuthenticated } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="header">
      <div className="container header-inner">
        <Link to="/" className="logo" aria-label={t('logoLabel')}>
          <svg className="logo-mark" width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
            <path d="M8 10h16v3h-6.5v11h-3V13H8z" fill="currentColor" />
            <circle cx="23" cy="22" r="3" fill="currentColor" />
          </svg>
          <span className="logo-text">TourConnect</span>
        </Link>
        <button
          type="button"
          className="btn btn-ghost menu-toggle"
          aria-controls="main-nav"
          aria-expanded={menuOpen}
          aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
          onClick={() => setMenuOpen((v) => !v)}
        >
          <svg
            width="22"
            height="22"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            {menuOpen ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
        </button>
        <MainNav open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <div className="header-tools">
          {isAuthenticated && (
            <Suspense fallback={null}>
              <LiveIndicator />
            </Suspense>
          )}
          <LanguageSwitcher compact />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
