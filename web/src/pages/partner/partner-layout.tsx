import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { usePartnerLiveSync } from './partner-live-sync.ts';
import { useMyPartner } from './partner-queries.ts';
import { partnerPages, partnerSections } from './partner-sections.ts';
import { PageSuspense } from '../../components/layout/lazy-page.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import './partner-layout.css';

export function PartnerLayout() {
  const { t } = useTranslation('partner');
  usePartnerLiveSync();
  const me = useMyPartner();
  const status = me.data?.partner.status;
  const subnav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // Where the tabs scroll sideways (a phone), the current one is brought into view.
  useEffect(() => {
    const nav = subnav.current;
    const active = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav && active && nav.scrollWidth > nav.clientWidth) {
      nav.scrollLeft = active.offsetLeft - (nav.clientWidth - active.offsetWidth) / 2;
    }
  }, [pathname, status]);
  // Onboarding is offered while there is something to fill in or wait for: no partner, draft, rejected, in review.
  const pages = partnerPages.filter(
    (page) =>
      page !== 'onboarding' || !status || status === 'draft' || status === 'pending_review' || status === 'rejected',
  );
  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <nav className="subnav" ref={subnav} aria-label={t('subnavLabel')}>
        <NavLink to="/partner" end data-testid="partner-nav-overview">
          {t('overview.nav')}
        </NavLink>
        {pages.map((page) => (
          <NavLink key={page} to={`/partner/${page}`} data-testid={`partner-nav-${page}`}>
            {t(`pages.${page}`)}
          </NavLink>
        ))}
        {partnerSections.map((section) => (
          <NavLink key={section} to={`/partner/${section}`} data-testid={`partner-nav-${section}`}>
            {t(`sections.${section}.title`)}
          </NavLink>
        ))}
      </nav>
      <PageSuspense>
        <Outlet />
      </PageSuspense>
    </div>
  );
}
