import type { DeletionRequest } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format.ts';
import { useDeletionLiveRefresh } from '../partner-live-sync.ts';
import './deletion-progress.css';

/** GDPR erasure across services: each one confirms it erased the partner's data. */
export function DeletionProgress({ deletion }: { deletion: DeletionRequest }) {
  const { t, i18n } = useTranslation('onboarding');
  useDeletionLiveRefresh(deletion.status === 'in_progress');
  const confirmed = deletion.services.filter((s) => s.status === 'confirmed').length;
  const total = deletion.services.length;
  const done = deletion.status === 'completed';

  return (
    <section
      className={`card deletion ${done ? 'deletion-done' : ''}`}
      data-testid="deletion-progress"
      data-status={deletion.status}
      aria-labelledby="deletion-title"
    >
      <div className="card-header">
        <h2 id="deletion-title">{done ? t('deletion.completedTitle') : t('deletion.inProgressTitle')}</h2>
        {!done && <span className="spinner" aria-hidden="true" />}
      </div>
      <p>
        {/* Once erased, the request no longer keeps the partner's name. */}
        {deletion.partnerName
          ? t('deletion.requested', {
              name: deletion.partnerName,
              date: formatDateTime(deletion.requestedAt, i18n.language),
            })
          : t('deletion.requestedUnnamed', { date: formatDateTime(deletion.requestedAt, i18n.language) })}
      </p>
      <p className="deletion-count" role="status" aria-live="polite">
        {done
          ? t('deletion.completedBody', { date: formatDateTime(deletion.completedAt, i18n.language) })
          : t('deletion.count', { confirmed, total })}
      </p>
      <div
        className="wizard-bar"
        role="progressbar"
        aria-label={t('deletion.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={confirmed}
      >
        <div className="wizard-bar-fill" style={{ width: total ? `${(confirmed / total) * 100}%` : '100%' }} />
      </div>
      <ul className="deletion-services">
        {deletion.services.map((service) => (
          <li
            key={service.service}
            className="deletion-service"
            data-testid={`deletion-service-${service.service}`}
            data-status={service.status}
          >
            <span className="deletion-service-name">
              {t(`deletion.services.${service.service}`, { defaultValue: service.service })}
            </span>
            <span className={service.status === 'confirmed' ? 'badge badge-success' : 'badge badge-neutral'}>
              {t(`deletion.status.${service.status}`)}
            </span>
            <span className="muted">
              {service.confirmedAt ? formatDateTime(service.confirmedAt, i18n.language) : t('deletion.waiting')}
            </span>
          </li>
        ))}
      </ul>
      {done && (
        <p className="muted">
          {t('deletion.tombstone')} <Link to="/partner">{t('deletion.backToPortal')}</Link>
        </p>
      )}
    </section>
  );
}
