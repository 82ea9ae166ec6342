import { partnerTypes } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth.ts';
import { EmailUnverifiedNotice } from '../account/resend-verification.tsx';
import { InvitationsCard } from './invitations-card.tsx';
import './become-partner.css';

/** The overview for a signed-in user with no partner yet: register one, or join by invitation. */
export function BecomePartner() {
  const { t } = useTranslation('onboarding');
  const { user } = useAuth();
  return (
    <div className="stack">
      <section className="card become-hero" aria-labelledby="become-title">
        <div className="become-copy">
          <h2 id="become-title">{t('become.title')}</h2>
          <p className="lead">{t('become.body')}</p>
          <ul className="become-points">
            <li>{t('become.points.register')}</li>
            <li>{t('become.points.verify')}</li>
            <li>{t('become.points.sell')}</li>
          </ul>
          {user && !user.emailVerified ? (
            // Registering a business needs a proven address (the API answers 403 email_unverified).
            <EmailUnverifiedNotice email={user.email} reason="partner" />
          ) : (
            <Link to="/partner/onboarding" className="btn btn-primary" data-testid="become-partner">
              {t('become.cta')}
            </Link>
          )}
        </div>
        <ul className="become-types" aria-label={t('become.typesLabel')}>
          {partnerTypes.map((type) => (
            <li key={type} className="badge badge-neutral">
              {t(`common:partnerTypes.${type}`)}
            </li>
          ))}
        </ul>
      </section>
      <InvitationsCard />
    </div>
  );
}
