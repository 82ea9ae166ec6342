import { useTranslation } from 'react-i18next';
import { ComingSoonCard } from '../../components/ui/coming-soon-card.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { adminPlaceholders } from './admin-sections.ts';
import { AuditCard } from './audit-card.tsx';
import { DeadLettersCard } from './dead-letters-card.tsx';
import { SentMailCard } from './sent-mail-card.tsx';
import { VerificationQueue } from './verification-queue.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';

export function AdminPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('title'));
  return (
    <div className="stack">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <VerificationQueue />
      <SentMailCard />
      <div className="grid">
        {adminPlaceholders.map((key) => (
          <ComingSoonCard
            key={key}
            title={t(`placeholders.${key}.title`)}
            description={t(`placeholders.${key}.description`)}
          />
        ))}
      </div>
      <DeadLettersCard />
      <AuditCard />
    </div>
  );
}
