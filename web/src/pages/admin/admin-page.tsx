import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AuditCard } from './audit-card.tsx';
import { MoneyCard } from './billing/money-card.tsx';
import { CampaignsCard } from './campaigns/campaigns-card.tsx';
import { DeadLettersCard } from './dead-letters-card.tsx';
import { SentMailCard } from './sent-mail-card.tsx';
import { VerificationQueue } from './verification-queue.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';

/** The gateway's OpenAPI reference: a tool for operators and integrators, not for travellers. */
function ApiDocsCard() {
  const { t } = useTranslation('admin');
  return (
    <section className="card" aria-labelledby="api-docs-title" data-testid="admin-api-docs">
      <h2 id="api-docs-title">{t('apiDocs.title')}</h2>
      <p className="muted">{t('apiDocs.description')}</p>
      <a href="/docs" target="_blank" rel="noopener">
        {t('apiDocs.link')}
      </a>
    </section>
  );
}

export function AdminPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('title'));
  return (
    <div className="stack">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <VerificationQueue />
      <CampaignsCard />
      <SentMailCard />
      <DeadLettersCard />
      <MoneyCard />
      <AuditCard />
      <ApiDocsCard />
    </div>
  );
}
