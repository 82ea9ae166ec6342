import type { DeliveryStatus, SentMailQuery } from '@contracts/http';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Pager } from '../directory/pager.tsx';
import { useSentMail } from './admin-queries.ts';
import './sent-mail.css';

const PAGE_SIZE = 20;

const statusBadge: Record<DeliveryStatus, string> = {
  queued: 'badge badge-warning',
  sent: 'badge badge-success',
  failed: 'badge badge-danger',
};

/** The template's translated name, or its code for one added after this portal was built. */
export function useTemplateName(): (template: string) => string {
  const { t } = useTranslation('admin');
  return (template) => t(`sentMail.templates.${template}`, { defaultValue: template });
}

/**
 * Every e-mail the platform sent, newest first, filtered by recipient (the state is in the URL,
 * so a filtered list can be linked to). Polls, so the demo's sign-up e-mail appears by itself.
 */
export function SentMailPage() {
  const { t, i18n } = useTranslation('admin');
  const templateName = useTemplateName();
  const [params, setParams] = useSearchParams();
  const recipient = params.get('recipient') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(recipient);
  const query: SentMailQuery = { page, pageSize: PAGE_SIZE, ...(recipient ? { recipient } : {}) };
  const mail = useSentMail(query);
  useDocumentTitle(t('sentMail.title'));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('recipient', draft.trim());
    setParams(next);
  };

  return (
    <div className="stack">
      <Link to="/admin" className="back-link">
        ← {t('sentMail.backToAdmin')}
      </Link>
      <header>
        <h1 className="page-title">{t('sentMail.title')}</h1>
        <p className="lead">{t('sentMail.subtitle')}</p>
      </header>

      <form className="sent-mail-filter" role="search" onSubmit={apply}>
        <label htmlFor="sent-mail-recipient" className="visually-hidden">
          {t('sentMail.recipientFilter')}
        </label>
        <input
          id="sent-mail-recipient"
          className="input"
          type="search"
          value={draft}
          placeholder={t('sentMail.recipientPlaceholder')}
          data-testid="sent-mail-recipient"
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="btn btn-primary" data-testid="sent-mail-search">
          {t('sentMail.filter')}
        </button>
        {recipient && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setDraft('');
              setParams(new URLSearchParams());
            }}
          >
            {t('sentMail.clear')}
          </button>
        )}
      </form>

      <section className="card" aria-labelledby="sent-mail-list-title" aria-busy={mail.isFetching}>
        <h2 id="sent-mail-list-title" className="visually-hidden">
          {t('sentMail.listTitle')}
        </h2>
        {mail.isPending ? (
          <Loading />
        ) : mail.isError ? (
          <ProblemAlert error={mail.error} />
        ) : mail.data.items.length === 0 ? (
          <p className="muted" data-testid="sent-mail-empty">
            {recipient ? t('sentMail.noneFor', { recipient }) : t('sentMail.none')}
          </p>
        ) : (
          <ul className="mail-list" data-testid="sent-mail-list">
            {mail.data.items.map((item) => (
              <li key={item.id}>
                <Link to={`/admin/mail/${item.id}`} className="mail-row" data-testid="sent-mail-row">
                  <span className="mail-recipient">{item.recipientEmail ?? t('sentMail.erased')}</span>
                  <span className={statusBadge[item.status]}>{t(`sentMail.status.${item.status}`)}</span>
                  <span className="mail-subject">{item.subject}</span>
                  <span className="mail-meta muted">
                    {templateName(item.template)} · {item.locale.toUpperCase()} ·{' '}
                    <time dateTime={item.sentAt ?? item.createdAt}>
                      {formatDateTime(item.sentAt ?? item.createdAt, i18n.language)}
                    </time>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {mail.isSuccess && (
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={mail.data.total}
            testIdPrefix="sent-mail"
            onPage={(next) => {
              const nextParams = new URLSearchParams(params);
              nextParams.set('page', String(next));
              setParams(nextParams);
            }}
          />
        )}
      </section>
    </div>
  );
}
