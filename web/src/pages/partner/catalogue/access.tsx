import type { MyPartner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export interface CatalogueAccess {
  /** Owners and managers create and edit; viewers read. */
  canWrite: boolean;
  /** Only a verified partner publishes (the service answers 409 partner_not_verified otherwise). */
  canPublish: boolean;
}

export function catalogueAccess(my: MyPartner): CatalogueAccess {
  const canWrite = my.role === 'owner' || my.role === 'manager';
  return { canWrite, canPublish: canWrite && my.partner.status === 'verified' };
}

/** Partner statuses from which onboarding leads on to verification. */
const onboardingStatuses = new Set(['draft', 'pending_review', 'rejected']);

/**
 * Why this partner cannot publish (not verified yet, suspended…) or cannot edit (viewer),
 * above the catalogue and package screens.
 */
export function AccessNotices({ my }: { my: MyPartner }) {
  const { t } = useTranslation('catalogue');
  const access = catalogueAccess(my);
  const status = my.partner.status;
  return (
    <>
      {!access.canWrite && (
        <p className="alert" role="note" data-testid="bundling-read-only">
          {t('access.readOnly')}
        </p>
      )}
      {status !== 'verified' && (
        <div className="alert alert-warning" role="note" data-testid="bundling-not-verified">
          <p className="alert-title">{t('access.notVerifiedTitle')}</p>
          <p style={{ margin: 0 }}>
            {status === 'pending_review'
              ? t('access.notVerifiedReview')
              : onboardingStatuses.has(status)
                ? t('access.notVerifiedBody')
                : t('access.notVerifiedOther')}
          </p>
          {onboardingStatuses.has(status) && (
            <p style={{ margin: 'var(--space-2) 0 0' }}>
              <Link to="/partner/onboarding" data-testid="bundling-onboarding-link">
                {t('access.onboardingLink')}
              </Link>
            </p>
          )}
        </div>
      )}
    </>
  );
}
