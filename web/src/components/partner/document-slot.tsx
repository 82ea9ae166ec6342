import { DOCUMENT_MAX_BYTES, documentContentTypes, type DocumentKind, type PartnerDocument } from '@contracts/http';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { deleteDocument, fetchDocumentFile, uploadDocument } from '../../api/partners-api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useErrorText } from '../../lib/use-error-text.ts';
import { usePartnerAction } from '../../pages/partner/partner-queries.ts';
import { fileProblem, formatBytes, saveBlob } from '../../lib/files.ts';
import './document-slot.css';

interface DocumentSlotProps {
  kind: DocumentKind;
  required: boolean;
  documents: PartnerDocument[];
  canUpload: boolean;
  canDelete: boolean;
}

type Notice = { tone: 'success' | 'error'; text: string } | null;

/** One upload slot per document kind: what is on file, an upload button, and the outcome. */
export function DocumentSlot({ kind, required, documents, canUpload, canDelete }: DocumentSlotProps) {
  const { t, i18n } = useTranslation('onboarding');
  const errorText = useErrorText();
  const inputId = useId();
  const [notice, setNotice] = useState<Notice>(null);
  const [uploading, setUploading] = useState<File | null>(null);
  const upload = usePartnerAction((file: File) => uploadDocument(kind, file));
  const remove = usePartnerAction((doc: PartnerDocument) => deleteDocument(doc.id));
  const fail = (error: unknown) =>
    // A field code says more than `validation_failed` (e.g. `document_kind_not_applicable`).
    setNotice({
      tone: 'error',
      text: errorText(isApiError(error) ? (error.fieldErrors[0]?.code ?? error.code) : 'generic'),
    });

  const onFile = (file: File | undefined) => {
    if (!file) return;
    const problem = fileProblem(file, DOCUMENT_MAX_BYTES, documentContentTypes);
    if (problem) return setNotice({ tone: 'error', text: errorText(problem) });
    setNotice(null);
    setUploading(file);
    upload.mutate(file, {
      onSuccess: (doc) => setNotice({ tone: 'success', text: t('documents.uploaded', { name: doc.filename }) }),
      onError: fail,
      onSettled: () => setUploading(null),
    });
  };

  const download = async (doc: PartnerDocument) => {
    try {
      saveBlob(await fetchDocumentFile(doc.id), doc.filename);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section
      className="doc-slot"
      data-testid={`document-slot-${kind}`}
      data-required={required || undefined}
      data-uploaded={documents.length > 0 || undefined}
      aria-labelledby={`${inputId}-title`}
    >
      <div className="doc-slot-head">
        <h3 id={`${inputId}-title`}>{t(`documents.kinds.${kind}`)}</h3>
        {required ? (
          <span className="badge">{t('documents.required')}</span>
        ) : (
          <span className="badge badge-neutral">{t('documents.optional')}</span>
        )}
        {documents.length > 0 && <span className="badge badge-success">{t('documents.onFile')}</span>}
      </div>
      <p className="muted doc-slot-hint">{t(`documents.hints.${kind}`)}</p>
      {documents.length > 0 && (
        <ul className="doc-list">
          {documents.map((doc) => (
            <li key={doc.id} className="doc-row" data-testid={`document-row-${kind}`}>
              <span className="doc-name">{doc.filename}</span>
              <span className="muted">
                {formatBytes(doc.size, i18n.language)} · {formatDateTime(doc.uploadedAt, i18n.language)}
              </span>
              <span className="row doc-actions">
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => void download(doc)}>
                  {t('documents.download')}
                </button>
                {canDelete && (
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    data-testid={`document-delete-${kind}`}
                    aria-label={t('documents.deleteLabel', { name: doc.filename })}
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(doc, {
                        onSuccess: () =>
                          setNotice({ tone: 'success', text: t('documents.deleted', { name: doc.filename }) }),
                        onError: fail,
                      })
                    }
                  >
                    {t('documents.delete')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {uploading && (
        <div className="row doc-uploading" data-testid={`document-uploading-${kind}`}>
          <span className="spinner spinner-sm" aria-hidden="true" />
          <span>
            {t('documents.uploading', { name: uploading.name })}{' '}
            <span className="muted">({formatBytes(uploading.size, i18n.language)})</span>
          </span>
        </div>
      )}
      {canUpload && (
        <div className="file-picker">
          <input
            id={inputId}
            type="file"
            className="visually-hidden file-input"
            accept={documentContentTypes.join(',')}
            data-testid={`document-input-${kind}`}
            disabled={!!uploading}
            aria-describedby={`${inputId}-limits`}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <label htmlFor={inputId} className="btn btn-secondary btn-sm file-button" aria-disabled={!!uploading}>
            {documents.length > 0 ? t('documents.addAnother') : t('documents.choose')}
          </label>
          <span id={`${inputId}-limits`} className="field-hint">
            {t('documents.limits')}
          </span>
        </div>
      )}
      <p className={`doc-notice doc-notice-${notice?.tone ?? 'none'}`} role="status" aria-live="polite">
        {notice?.text}
      </p>
    </section>
  );
}
