import type { MyPartner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDisplayNames } from '../../lib/display-names.ts';
import { initials } from '../../components/partner/partner-mark.ts';
import { formatDateTime } from '../../lib/format.ts';
import './partner-summary.css';

/** The overview's at-a-glance card: who the partner is and the user's place in it. */
export function PartnerSummary({ my }: { my: MyPartner }) {
  const { t, i18n } = useTranslation('onboarding');
  const names = useDisplayNames();
  const { partner } = my;
  return (
    <section className="card card-wide" aria-labelledby="summary-title" data-testid="partner-summary">
      <div className="summary-head">
        {partner.logoUrl ? (
          <img className="pp-logo pp-logo-sm" src={partner.logoUrl} alt="" />
        ) : (
          <span className="pp-logo pp-logo-sm pp-initials" aria-hidden="true">
            {initials(partner.name)}
          </span>
        )}
        <div>
          <h2 id="summary-title">{partner.name}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t(`common:partnerTypes.${partner.type}`)} · {names.country(partner.country)}
          </p>
        </div>
      </div>
      <dl className="dl">
        <dt>{t('summary.role')}</dt>
        <dd>{t(`roles.${my.role}.name`)}</dd>
        <dt>{t('summary.regions')}</dt>
        <dd>{partner.regions.length ? partner.regions.map(names.region).join(', ') : '—'}</dd>
        <dt>{t('summary.languages')}</dt>
        <dd>{partner.languages.length ? partner.languages.map(names.language).join(', ') : '—'}</dd>
        <dt>{t('summary.created')}</dt>
        <dd>{formatDateTime(partner.createdAt, i18n.language)}</dd>
      </dl>
      <div className="row summary-links">
        <Link to="/partner/profile">{t('summary.profileLink')}</Link>
        <Link to="/partner/members">{t('summary.membersLink')}</Link>
        <Link to="/partner/privacy">{t('summary.privacyLink')}</Link>
      </div>
    </section>
  );
}
