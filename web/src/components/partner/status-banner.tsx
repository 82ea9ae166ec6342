import type { Partner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format.ts';
import { VerifiedBadge } from '../ui/verified-badge.tsx';
import './status-banner.css';

/** Where the partner stands in the verification flow, and the one thing to do next. */
export function StatusBanner({ partner }: { partner: Partner }) {
  const { t, i18n } = useTranslation('onboarding');
  const { status } = partner;
  const tone =
    status === 'verified'
      ? 'alert-success'
      : status === 'rejected' || status === 'suspended' || status === 'deletion_requested'
        ? 'alert-error'
        : status === 'pending_review'
          ? 'alert-warning'
          : '';

  return (
    <section
      className={`alert status-banner ${tone}`}
      data-testid="status-banner"
      data-status={status}
      aria-labelledby="status-banner-title"
    >
      <div className="row status-banner-head">
        <p id="status-banner-title" className="alert-title">
          {t(`banner.${status}.title`)}
        </p>
        {status === 'verified' && <VerifiedBadge verifiedAt={partner.verifiedAt} />}
      </div>
      <p className="status-banner-body">
        {status === 'pending_review'
          ? t('banner.pending_review.body', { date: formatDateTime(partner.submittedAt, i18n.language) })
          : t(`banner.${status}.body`)}
      </p>
      {status === 'rejected' && partner.rejectionReason && (
        <p className="status-banner-reason">
          <strong>{t('banner.reason')}</strong> {partner.rejectionReason}
        </p>
      )}
      {status === 'suspended' && partner.suspensionReason && (
        <p className="status-banner-reason">
          <strong>{t('banner.reason')}</strong> {partner.suspensionReason}
        </p>
      )}
      {status === 'draft' && (
        <Link className="btn btn-primary" to="/partner/onboarding" data-testid="status-banner-action">
          {t('banner.draft.action')}
        </Link>
      )}
      {status === 'rejected' && (
        <Link className="btn btn-primary" to="/partner/onboarding" data-testid="status-banner-action">
          {t('banner.rejected.action')}
        </Link>
      )}
      {status === 'deletion_requested' && (
        <Link className="btn btn-secondary" to="/partner/privacy" data-testid="status-banner-action">
          {t('banner.deletion_requested.action')}
        </Link>
      )}
    </section>
  );
}
