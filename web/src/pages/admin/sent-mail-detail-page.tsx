import type { SentMailDetail } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSentMailItem } from './admin-queries.ts';
import { useTemplateName } from './sent-mail-page.tsx';
import './sent-mail.css';

/** The links of the text version, so a newcomer can follow a verification link in one click. */
function linksOf(text: string | null): string[] {
  if (!text) return [];
  return [...new Set(text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [])];
}

/**
 * The e-mail's HTML in a sandboxed frame: no scripts, no same-origin access to the portal;
 * links open in a new tab (popups may leave the sandbox so the portal page works there).
 */
function MailFrame({ html, title }: { html: string; title: string }) {
  const srcDoc = `<base target="_blank">${html}`;
  return (
    <iframe
      className="mail-frame"
      title={title}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={srcDoc}
      data-testid="sent-mail-html"
    />
  );
}

function MailBody({ mail }: { mail: SentMailDetail }) {
  const { t } = useTranslation('admin');
  const [view, setView] = useState<'html' | 'text'>(mail.html ? 'html' : 'text');
  const links = linksOf(mail.text);
  if (mail.erased || (!mail.html && !mail.text)) return <p className="muted">{t('sentMail.bodyErased')}</p>;
  return (
    <>
      {mail.linksRedacted ? (
        <p className="alert alert-warning">{t('sentMail.redacted')}</p>
      ) : (
        mail.source === 'catcher' && <p className="muted">{t('sentMail.fromCatcher')}</p>
      )}
      {links.length > 0 && (
        <div className="mail-links">
          <h3 className="section-title">{t('sentMail.links')}</h3>
          <ul className="plain-list">
            {links.map((href) => (
              <li key={href}>
                <a href={href} data-testid="sent-mail-link" rel="noreferrer">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="row" role="group" aria-label={t('sentMail.viewLabel')}>
        {(['html', 'text'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={view === kind ? 'btn btn-primary btn-sm' : 'btn btn-secondary btn-sm'}
            aria-pressed={view === kind}
            disabled={kind === 'html' ? !mail.html : !mail.text}
            onClick={() => setView(kind)}
          >
            {t(`sentMail.view.${kind}`)}
          </button>
        ))}
      </div>
      {view === 'html' && mail.html ? (
        <MailFrame html={mail.html} title={mail.subject} />
      ) : (
        <pre className="mail-text" data-testid="sent-mail-text">
          {mail.text}
        </pre>
      )}
    </>
  );
}

/** One sent e-mail: who, which template, its fate, and the message as it was received. */
export function SentMailDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('admin');
  const templateName = useTemplateName();
  const mail = useSentMailItem(id);
  useDocumentTitle(mail.data?.subject ?? t('sentMail.title'));

  return (
    <div className="stack">
      <Link to="/admin/mail" className="back-link">
        ← {t('sentMail.backToList')}
      </Link>
      {mail.isPending ? (
        <Loading />
      ) : mail.isError ? (
        <ProblemAlert error={mail.error} />
      ) : (
        <>
          <header>
            <h1 className="page-title mail-title">{mail.data.subject}</h1>
          </header>
          <section className="card" aria-labelledby="mail-facts-title">
            <h2 id="mail-facts-title" className="visually-hidden">
              {t('sentMail.facts')}
            </h2>
            <dl className="dl">
              <dt>{t('sentMail.columns.recipient')}</dt>
              <dd className="mail-recipient">{mail.data.recipientEmail ?? t('sentMail.erased')}</dd>
              <dt>{t('sentMail.columns.template')}</dt>
              <dd>{templateName(mail.data.template)}</dd>
              <dt>{t('sentMail.columns.language')}</dt>
              <dd>{mail.data.locale.toUpperCase()}</dd>
              <dt>{t('sentMail.columns.status')}</dt>
              <dd>
                {t(`sentMail.status.${mail.data.status}`)}
                {mail.data.attempts > 1 && ` · ${t('sentMail.attempts', { n: mail.data.attempts })}`}
              </dd>
              <dt>{t('sentMail.columns.time')}</dt>
              <dd>{formatDateTime(mail.data.sentAt ?? mail.data.failedAt ?? mail.data.createdAt, i18n.language)}</dd>
              {mail.data.lastError && (
                <>
                  <dt>{t('sentMail.lastError')}</dt>
                  <dd className="mono">{mail.data.lastError}</dd>
                </>
              )}
              {mail.data.attachments.length > 0 && (
                <>
                  <dt>{t('sentMail.attachments')}</dt>
                  <dd>
                    <ul className="plain-list">
                      {mail.data.attachments.map((file) => (
                        <li key={file.filename} data-testid="sent-mail-attachment" data-state={file.state}>
                          <span className="mono">{file.filename}</span> ·{' '}
                          {t(`sentMail.attachment.${file.state}`, {
                            kb: Math.max(1, Math.round((file.bytes ?? 0) / 1024)),
                          })}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
          </section>
          <section className="card stack" aria-labelledby="mail-body-title">
            <h2 id="mail-body-title">{t('sentMail.message')}</h2>
            <MailBody mail={mail.data} />
          </section>
        </>
      )}
    </div>
  );
}
