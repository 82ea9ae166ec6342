import type { AutomatedCheck, CheckCode } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import './checks-list.css';

const icons = { pass: '✓', warn: '!', fail: '✕' } as const;
/** Checks the partner fixes in the wizard (the others are for the reviewer). */
const fixableChecks: readonly CheckCode[] = ['required_documents', 'profile_complete', 'vat_format'];

interface ChecksListProps {
  checks: AutomatedCheck[];
  /** Offers a way to fix a failing check (e.g. jump to the documents step). */
  onFix?: (code: CheckCode) => void;
}

/** The service's automated checks in plain words: failing ones block submission, warnings do not. */
export function ChecksList({ checks, onFix }: ChecksListProps) {
  const { t } = useTranslation('onboarding');
  if (checks.length === 0) return <p className="muted">{t('checks.none')}</p>;
  return (
    <ul className="checks">
      {checks.map((check) => {
        const missing = [
          ...(check.missing ?? []).map((kind) => t(`documents.kinds.${kind}`)),
          ...(check.missingFields ?? []).map((field) => t(`checks.fields.${field}`)),
        ].join(', ');
        const fixable = check.status === 'fail' && onFix && fixableChecks.includes(check.code);
        return (
          <li key={check.code} className="check" data-testid={`check-${check.code}`} data-status={check.status}>
            <span className={`check-icon check-icon-${check.status}`} aria-hidden="true">
              {icons[check.status]}
            </span>
            <div className="check-text">
              <strong>{t(`checks.titles.${check.code}`)}</strong>{' '}
              <span className="visually-hidden">({t(`checks.status.${check.status}`)})</span>
              <p className="muted">{t(`checks.${check.code}.${check.status}`, { list: missing })}</p>
            </div>
            {fixable && (
              <button type="button" className="btn btn-secondary btn-sm" onClick={() => onFix?.(check.code)}>
                {t(`checks.fix.${check.code}`)}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
