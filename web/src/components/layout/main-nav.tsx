import { NavLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth.ts';
import './main-nav.css';

interface NavItem {
  to: string;
  label: string;
  testId: string;
}

/**
 * Discover and the partner directory for everyone; the Partner Portal for every signed-in
 * user (a traveller registers a business there); Admin only for admins.
 */
export function MainNav({ open, onNavigate }: { open: boolean; onNavigate: () => void }) {
  const { t } = useTranslation('common');
  const { hasRole, isAuthenticated } = useAuth();
  const { pathname } = useLocation();
  const items: NavItem[] = [
    { to: '/', label: t('nav.discover'), testId: 'nav-discover' },
    { to: '/partners', label: t('nav.partners'), testId: 'nav-partners' },
  ];
  if (isAuthenticated) items.push({ to: '/partner', label: t('nav.partner'), testId: 'nav-partner' });
  if (hasRole('admin')) items.push({ to: '/admin', label: t('nav.admin'), testId: 'nav-admin' });

  return (
    <nav id="main-nav" className="nav" aria-label={t('nav.label')} data-open={open}>
      {items.map((item) => {
        const active = item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
        return (
          <NavLink
            key={item.to}
            to={item.to}
            end={item.to === '/'}
            className="nav-link"
            data-testid={item.testId}
            onClick={onNavigate}
          >
            {item.label}
            {active && <span className="nav-underline" aria-hidden="true" />}
          </NavLink>
        );
      })}
      {!isAuthenticated && (
        <NavLink to="/signup" className="nav-link nav-link-signup" data-testid="nav-signup-menu" onClick={onNavigate}>
          {t('nav.signUp')}
        </NavLink>
      )}
    </nav>
  );
}
