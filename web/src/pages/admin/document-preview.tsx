import type { PartnerDocument } from '@contracts/http';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPartnerDocument } from '../../api/verification-api.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import './document-preview.css';

type PreviewState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error'; error: unknown };

/**
 * Fetches the file with the admin's token (an <img>/<iframe> cannot send it) and shows it
 * through a blob: URL, revoked when the preview closes. The blob is re-typed with the type the
 * service decided from the file's bytes, so a blob is only ever rendered as an image or a PDF,
 * never as HTML running in the portal's origin.
 */
function useDocumentUrl(partnerId: string, doc: PartnerDocument): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    setState({ status: 'loading' });
    fetchPartnerDocument(partnerId, doc.id, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(new Blob([blob], { type: doc.contentType }));
        setState({ status: 'ready', url });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [partnerId, doc.id, doc.contentType]);
  return state;
}

/**
 * Brings the preview into view and focus each time `opened` grows (the admin pressed "Preview"):
 * the list of documents is long, and the preview below it was opening out of sight.
 */
function useRevealOnOpen(opened: number) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const figure = ref.current;
    if (!opened || !figure) return;
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    figure.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
    figure.focus({ preventScroll: true });
  }, [opened]);
  return ref;
}

export function DocumentPreview({
  partnerId,
  doc,
  opened = 0,
}: {
  partnerId: string;
  doc: PartnerDocument;
  opened?: number;
}) {
  const { t } = useTranslation('verification');
  const state = useDocumentUrl(partnerId, doc);
  const ref = useRevealOnOpen(opened);
  const kind = doc.contentType === 'application/pdf' ? 'pdf' : doc.contentType.startsWith('image/') ? 'image' : 'other';
  return (
    <figure
      ref={ref}
      tabIndex={-1}
      aria-label={t('documents.previewAlt', { filename: doc.filename })}
      className="document-preview"
      data-testid="admin-document-preview"
      data-document-id={doc.id}
      data-kind={kind}
      data-state={state.status}
    >
      <figcaption className="row document-preview-caption">
        <strong>{doc.filename}</strong>
        <span className="muted">{t(`documentKinds.${doc.kind}`)}</span>
        {state.status === 'ready' && (
          <span className="row document-preview-actions">
            <a href={state.url} target="_blank" rel="noopener noreferrer">
              {t('documents.openNewTab')}
            </a>
            <a href={state.url} download={doc.filename}>
              {t('documents.download')}
            </a>
          </span>
        )}
      </figcaption>
      {state.status === 'loading' && <Loading label={t('documents.loadingPreview')} />}
      {state.status === 'error' && <ProblemAlert error={state.error} />}
      {state.status === 'ready' && kind === 'image' && (
        <img src={state.url} alt={t('documents.previewAlt', { filename: doc.filename })} />
      )}
      {state.status === 'ready' && kind === 'pdf' && (
        <iframe src={state.url} title={t('documents.previewAlt', { filename: doc.filename })} />
      )}
      {state.status === 'ready' && kind === 'other' && <p className="muted">{t('documents.noPreview')}</p>}
    </figure>
  );
}
