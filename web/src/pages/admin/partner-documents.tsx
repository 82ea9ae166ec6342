import { documentKinds, type AutomatedCheck, type DocumentKind, type PartnerDocument } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { DocumentPreview } from './document-preview.tsx';
import { formatBytes } from '../../lib/files.ts';
import './partner-documents.css';

interface PartnerDocumentsProps {
  partnerId: string;
  required: readonly DocumentKind[];
  documents: PartnerDocument[];
  checks: AutomatedCheck[];
}

/** "3f2a9c0d1e…b7c4e1": enough to compare by eye; the full hash is in the tooltip and copy. */
function shortHash(sha256: string): string {
  return sha256.length > 20 ? `${sha256.slice(0, 12)}…${sha256.slice(-6)}` : sha256;
}

function HashCell({ sha256 }: { sha256: string }) {
  const { t } = useTranslation('verification');
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(sha256).then(() => setCopied(true));
  };
  return (
    <span className="row hash-cell">
      <code className="mono" title={sha256} aria-label={t('documents.sha256Full', { hash: sha256 })}>
        {shortHash(sha256)}
      </code>
      <button type="button" className="btn btn-ghost btn-small" onClick={copy}>
        {copied ? t('documents.copied') : t('documents.copy')}
      </button>
    </span>
  );
}

function DocumentRow(props: { doc: PartnerDocument; selected: boolean; duplicate: boolean; onSelect: () => void }) {
  const { t, i18n } = useTranslation('verification');
  const { doc, selected, duplicate, onSelect } = props;
  return (
    <li className="document-row" data-testid="admin-document" data-document-id={doc.id} data-selected={selected}>
      <div className="row document-row-head">
        <span className="document-name">{doc.filename}</span>
        {duplicate && <span className="badge badge-warning">{t('documents.duplicate')}</span>}
        <button
          type="button"
          className={`btn ${selected ? 'btn-primary' : 'btn-secondary'} btn-small`}
          aria-pressed={selected}
          data-testid="admin-document-select"
          onClick={onSelect}
        >
          {t('documents.preview')}
        </button>
      </div>
      <div className="muted document-meta">
        {doc.contentType} · {formatBytes(doc.size, i18n.language)} · {formatDateTime(doc.uploadedAt, i18n.language)}
      </div>
      <HashCell sha256={doc.sha256} />
    </li>
  );
}

/** Required kinds against what was uploaded, with an inline preview of the chosen file. */
export function PartnerDocuments({ partnerId, required, documents, checks }: PartnerDocumentsProps) {
  const { t } = useTranslation('verification');
  const [selectedId, setSelectedId] = useState<string | null>(documents[0]?.id ?? null);
  // Counts the admin's "Preview" clicks: each brings the preview into view (not the first, automatic one).
  const [opened, setOpened] = useState(0);
  const selected = documents.find((doc) => doc.id === selectedId) ?? documents[0];
  const duplicates = new Set(checks.find((check) => check.code === 'duplicate_files')?.documentIds ?? []);
  const extraKinds = documentKinds.filter(
    (kind) => !required.includes(kind) && documents.some((doc) => doc.kind === kind),
  );

  const group = (kind: DocumentKind, isRequired: boolean) => {
    const ofKind = documents.filter((doc) => doc.kind === kind);
    return (
      <li
        key={kind}
        className="document-kind"
        data-testid="admin-required-document"
        data-kind={kind}
        data-uploaded={ofKind.length > 0}
      >
        <div className="row document-kind-head">
          <strong>{t(`documentKinds.${kind}`)}</strong>
          {isRequired && ofKind.length > 0 && <span className="badge badge-success">{t('documents.uploaded')}</span>}
          {isRequired && ofKind.length === 0 && <span className="badge badge-danger">{t('documents.missing')}</span>}
          {!isRequired && <span className="badge badge-neutral">{t('documents.optional')}</span>}
        </div>
        {ofKind.length > 0 && (
          <ul className="plain-list stack document-list">
            {ofKind.map((doc) => (
              <DocumentRow
                key={doc.id}
                doc={doc}
                selected={doc.id === selected?.id}
                duplicate={duplicates.has(doc.id)}
                onSelect={() => {
                  setSelectedId(doc.id);
                  setOpened((count) => count + 1);
                }}
              />
            ))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <section className="card" aria-labelledby="partner-documents-title" data-testid="admin-partner-documents">
      <h2 id="partner-documents-title">{t('documents.title')}</h2>
      <p className="muted">
        {t('documents.summary', {
          uploaded: required.filter((kind) => documents.some((doc) => doc.kind === kind)).length,
          required: required.length,
        })}
      </p>
      <ul className="plain-list stack">
        {required.map((kind) => group(kind, true))}
        {extraKinds.map((kind) => group(kind, false))}
      </ul>
      {selected ? (
        <DocumentPreview key={selected.id} partnerId={partnerId} doc={selected} opened={opened} />
      ) : (
        <p className="muted">{t('documents.none')}</p>
      )}
    </section>
  );
}
