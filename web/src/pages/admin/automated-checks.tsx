import type { AutomatedCheck, CheckCode, PartnerDocument } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePartnerName } from './admin-queries.ts';
import './automated-checks.css';

/** The order the README lists them in: blocking checks first, then the warnings. */
const checkOrder: readonly CheckCode[] = [
  'required_documents',
  'profile_complete',
  'vat_format',
  'vat_duplicate',
  'duplicate_files',
];

const statusBadge = { pass: 'badge-success', warn: 'badge-warning', fail: 'badge-danger' } as const;

/** The other partner holding the same file, by name and linked; "another partner" once erased. */
function OtherPartner({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation('verification');
  const name = usePartnerName(partnerId);
  return name.data ? (
    <Link to={`/admin/partners/${encodeURIComponent(partnerId)}`}>{name.data}</Link>
  ) : (
    <>{t('checks.anotherPartner')}</>
  );
}

function CheckDetails({ check, documents }: { check: AutomatedCheck; documents: PartnerDocument[] }) {
  const { t } = useTranslation('verification');
  if (check.code === 'required_documents' && check.missing?.length) {
    return (
      <ul className="vcheck-list">
        {check.missing.map((kind) => (
          <li key={kind}>{t(`documentKinds.${kind}`)}</li>
        ))}
      </ul>
    );
  }
  if (check.code === 'vat_duplicate' && check.partners?.length) {
    return (
      <ul className="vcheck-list">
        {check.partners.map((other) => (
          <li key={other.id}>
            <Link to={`/admin/partners/${other.id}`} data-testid="admin-check-partner-link" title={other.id}>
              {other.name}
            </Link>{' '}
            <span className="muted">({t(`statuses.${other.status}`)})</span>
          </li>
        ))}
      </ul>
    );
  }
  if (check.code === 'profile_complete' && check.missingFields?.length) {
    return (
      <ul className="vcheck-list">
        {check.missingFields.map((field) => (
          <li key={field}>{t(`onboarding:checks.fields.${field}`)}</li>
        ))}
      </ul>
    );
  }
  if (check.code === 'duplicate_files' && check.duplicates?.length) {
    // Each of this partner's files, and where else the same bytes are: another slot, or another partner.
    return (
      <ul className="vcheck-list">
        {check.duplicates.map((duplicate) => {
          const own = documents.find((doc) => doc.id === duplicate.documentId);
          return (
            <li key={duplicate.documentId}>
              {own?.filename ?? t(`documentKinds.${duplicate.kind}`)}:{' '}
              {duplicate.duplicateOf.map((other, index) => (
                <span key={`${other.kind}-${other.documentId ?? index}`}>
                  {index > 0 && ', '}
                  {other.samePartner || !other.partnerId ? (
                    t('checks.sameAs', { slot: t(`documentKinds.${other.kind}`) })
                  ) : (
                    <>
                      <OtherPartner partnerId={other.partnerId} /> ({t(`documentKinds.${other.kind}`)})
                    </>
                  )}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    );
  }
  return null;
}

/** The service's automated checks, styled pass / warn / fail; warnings never block a decision. */
interface AutomatedChecksProps {
  checks: AutomatedCheck[];
  documents: PartnerDocument[];
  /** vat_format also fails when no VAT id was given, which deserves its own sentence. */
  vatId: string | null;
}

export function AutomatedChecks({ checks, documents, vatId }: AutomatedChecksProps) {
  const { t } = useTranslation('verification');
  const sentence = (check: AutomatedCheck) =>
    check.code === 'vat_format' && check.status === 'fail' && !vatId
      ? t('checks.vat_format.missing')
      : t(`checks.${check.code}.${check.status}`, { defaultValue: t(`checkStatus.${check.status}`) });
  const sorted = [...checks].sort((a, b) => checkOrder.indexOf(a.code) - checkOrder.indexOf(b.code));
  return (
    <section className="card" aria-labelledby="checks-title" data-testid="admin-checks">
      <h2 id="checks-title">{t('checks.title')}</h2>
      {sorted.length === 0 && <p className="muted">{t('checks.none')}</p>}
      <ul className="plain-list stack">
        {sorted.map((check) => (
          <li
            key={check.code}
            className={`vcheck vcheck-${check.status}`}
            data-testid={`admin-check-${check.code}`}
            data-status={check.status}
          >
            <div className="row vcheck-head">
              <strong>{t(`checks.${check.code}.title`, { defaultValue: check.code })}</strong>
              <span className={`badge ${statusBadge[check.status]}`}>{t(`checkStatus.${check.status}`)}</span>
            </div>
            <p className="muted vcheck-text">{sentence(check)}</p>
            <CheckDetails check={check} documents={documents} />
          </li>
        ))}
      </ul>
    </section>
  );
}
