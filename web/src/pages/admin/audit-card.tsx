import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../api/admin-api.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { Link } from 'react-router-dom';
import { AdminCardHeader } from './admin-card-header.tsx';
import { AuditAction } from './audit-action.tsx';
import { PersonName, hintFromRole } from './person-name.tsx';
import { useAudit, usePartnerName, useVerifyAudit } from './admin-queries.ts';

const SHOWN = 20;

/** A partner by name (linked to its review page), an account by person; never a bare id. */
function AuditEntity({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation('admin');
  const partner = usePartnerName(entityType === 'partner' ? entityId : null);
  const kind = t(`audit.entities.${entityType}`, { defaultValue: t('audit.entities.other') });
  if (entityType === 'partner') {
    if (partner.data) {
      return (
        <>
          <div className="muted">{kind}</div>
          <Link to={`/admin/partners/${encodeURIComponent(entityId)}`}>{partner.data}</Link>
        </>
      );
    }
    return <span className="muted">{partner.isError ? t('audit.entities.deletedPartner') : kind}</span>;
  }
  if (entityType === 'user') {
    return (
      <>
        <div className="muted">{kind}</div>
        <PersonName userId={entityId} />
      </>
    );
  }
  return <span>{kind}</span>;
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t, i18n } = useTranslation('admin');
  const checked = result.services.reduce((sum, s) => sum + s.checked, 0);
  return (
    <div
      className={`alert ${result.ok ? 'alert-success' : 'alert-error'}`}
      role="status"
      data-testid="audit-verify-result"
      data-ok={result.ok}
    >
      <p className="alert-title">
        {result.ok
          ? t('audit.verifyOk', { checked: formatNumber(checked, i18n.language), services: result.services.length })
          : t('audit.verifyBroken')}
      </p>
      <ul style={{ margin: 0, paddingLeft: 'var(--space-5)' }}>
        {result.services.map((s) => (
          <li key={s.service}>
            {s.ok
              ? t('audit.serviceOk', {
                  service: t(`audit.services.${s.service}`, { defaultValue: s.service }),
                  checked: formatNumber(s.checked, i18n.language),
                })
              : t('audit.serviceBroken', {
                  service: t(`audit.services.${s.service}`, { defaultValue: s.service }),
                  seq: s.firstBroken?.seq ?? '?',
                })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The latest hash-chained audit entries in words (translated actions, partners and people by
 * name), and a check that no link has been tampered with.
 */
export function AuditCard() {
  const { t, i18n } = useTranslation('admin');
  const query = useAudit(SHOWN);
  const verify = useVerifyAudit();

  return (
    <section className="card" aria-labelledby="audit-title" data-testid="audit-card">
      <AdminCardHeader
        titleId="audit-title"
        title={t('audit.title')}
        description={t('audit.description')}
        refreshLabel={t('refresh')}
        onRefresh={() => void query.refetch()}
        refreshing={query.isFetching}
      >
        <button
          type="button"
          className="btn btn-primary"
          data-testid="audit-verify"
          onClick={() => verify.mutate()}
          disabled={verify.isPending}
        >
          {verify.isPending ? t('audit.verifying') : t('audit.verify')}
        </button>
      </AdminCardHeader>
      <ProblemAlert error={verify.error ?? query.error} />
      {verify.data && <VerificationResult result={verify.data} />}
      {query.isPending && <Loading />}
      {query.data && query.data.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {query.data && query.data.length > 0 && (
        <div className="table-wrap" style={{ marginTop: 'var(--space-3)' }}>
          <table className="table table-stack">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.columns.occurredAt')}</th>
                <th scope="col">{t('audit.columns.service')}</th>
                <th scope="col">{t('audit.columns.action')}</th>
                <th scope="col">{t('audit.columns.entity')}</th>
                <th scope="col">{t('audit.columns.actor')}</th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((entry) => (
                <tr key={`${entry.service}-${entry.seq}`} data-testid="audit-entry">
                  <td data-label={t('audit.columns.occurredAt')}>{formatDateTime(entry.occurredAt, i18n.language)}</td>
                  <td data-label={t('audit.columns.service')}>
                    {t(`audit.services.${entry.service}`, { defaultValue: entry.service })}{' '}
                    <span className="muted">#{entry.seq}</span>
                  </td>
                  <td data-label={t('audit.columns.action')}>
                    <AuditAction action={entry.action} />
                  </td>
                  <td data-label={t('audit.columns.entity')}>
                    <AuditEntity entityType={entry.entityType} entityId={entry.entityId} />
                  </td>
                  <td data-label={t('audit.columns.actor')}>
                    <PersonName userId={entry.actorId} hint={hintFromRole(entry.actorRole)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
