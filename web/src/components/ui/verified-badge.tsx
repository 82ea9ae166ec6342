import { useTranslation } from 'react-i18next';
import './verified-badge.css';

/**
 * The "Partner Verified" badge: one component wherever a partner appears (directory, public
 * profile, profile preview, Discover ribbons), so it always reads and looks the same.
 */
export function VerifiedBadge({ verifiedAt, size = 'md' }: { verifiedAt?: string | null; size?: 'sm' | 'md' }) {
  const { t, i18n } = useTranslation('common');
  const since = verifiedAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(verifiedAt))
    : null;
  return (
    <span
      className={`badge badge-verified badge-${size}`}
      data-testid="verified-badge"
      title={since ? t('verifiedBadge.since', { date: since }) : t('verifiedBadge.tooltip')}
    >
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" fill="currentColor">
        <path d="M12 1 3 5v6c0 5.5 3.8 10.7 9 12 5.2-1.3 9-6.5 9-12V5l-9-4Zm-1.2 15.6-4.1-4.1 1.4-1.4 2.7 2.7 5.8-5.8 1.4 1.4-7.2 7.2Z" />
      </svg>
      {t('verifiedBadge.label')}
    </span>
  );
}
