import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignOut } from '../../auth/auth-mutations.ts';
import { useAuth } from '../../auth/use-auth.ts';
import { Popover } from './popover.tsx';
import { useDismiss } from './use-dismiss.ts';
import './user-menu.css';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation('common');
  const { user, status } = useAuth();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const signOut = useSignOut();
  useDismiss(ref, open, close);

  // Keyboard users land on the first item when the menu opens.
  useEffect(() => {
    if (open) ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  if (status === 'loading') return <span className="spinner" role="status" aria-label={t('loading')} />;
  if (!user) {
    return (
      <div className="header-auth">
        <Link to="/signin" className="btn btn-ghost" data-testid="nav-signin">
          {t('nav.signIn')}
        </Link>
        {/* On a phone "Sign up" moves into the menu (MainNav), so the header keeps one line. */}
        <Link to="/signup" className="btn btn-primary header-signup" data-testid="nav-signup">
          {t('nav.signUp')}
        </Link>
      </div>
    );
  }

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="btn btn-ghost user-menu-button"
        data-testid="user-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('userMenu.label', { name: user.displayName })}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-name">{user.displayName}</span>
      </button>
      <Popover open={open} role="menu">
        <div className="menu-caption">
          <strong className="menu-caption-name">{user.displayName}</strong>
          {t('userMenu.signedInAs', { email: user.email })}
        </div>
        <Link to="/account" role="menuitem" className="menu-item" data-testid="user-menu-account" onClick={close}>
          {t('userMenu.account')}
        </Link>
        <Link to="/bookings" role="menuitem" className="menu-item" data-testid="user-menu-bookings" onClick={close}>
          {t('booking:menu.myBookings')}
        </Link>
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          data-testid="user-menu-signout"
          disabled={signOut.isPending}
          onClick={() => {
            close();
            signOut.mutate();
          }}
        >
          {t('userMenu.signOut')}
        </button>
      </Popover>
    </div>
  );
}
