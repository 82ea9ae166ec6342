import type { AutomatedCheck } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import './check-summary.css';

/** One glance per queue row: failures first, then warnings, else "all passed". */
export function CheckSummary({ checks }: { checks: AutomatedCheck[] }) {
  const { t } = useTranslation('verification');
  const failed = checks.filter((check) => check.status === 'fail');
  const warned = checks.filter((check) => check.status === 'warn');
  const label = (list: AutomatedCheck[]) => list.map((check) => t(`checks.${check.code}.title`)).join(', ');
  if (checks.length === 0) return <span className="muted">{t('checkSummary.none')}</span>;
  return (
    <span className="row check-summary" data-testid="admin-check-summary">
      {failed.length > 0 && (
        <span className="badge badge-danger" title={label(failed)}>
          {t('checkSummary.failed', { count: failed.length })}
        </span>
      )}
      {warned.length > 0 && (
        <span className="badge badge-warning" title={label(warned)}>
          {t('checkSummary.warnings', { count: warned.length })}
        </span>
      )}
      {failed.length === 0 && warned.length === 0 && (
        <span className="badge badge-success">{t('checkSummary.passed')}</span>
      )}
    </span>
  );
}
