import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { partnerSections } from './partner-sections.ts';

export function PartnerLayout() {
  const { t } = useTranslation('partner');
  return (
    <div>
      <header>
        <h1 className="page-title">{t('title')}</h1>
        <p className="lead">{t('subtitle')}</p>
      </header>
      <nav className="subnav" aria-label={t('subnavLabel')}>
        <NavLink to="/partner" end data-testid="partner-nav-overview">
          {t('overview.nav')}
        </NavLink>
        {partnerSections.map((section) => (
          <NavLink key={section} to={`/partner/${section}`} data-testid={`partner-nav-${section}`}>
            {t(`sections.${section}.title`)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
