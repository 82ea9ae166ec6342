import { useTranslation } from 'react-i18next';
import { ComingSoonCard } from '../../components/ui/coming-soon-card.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { adminPlaceholders } from './admin-sections.ts';
import { AuditCard } from './audit-card.tsx';
import { DeadLettersCard } from './dead-letters-card.tsx';
import { VerificationQueue } from './verification-queue.tsx';

export function AdminPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('title'));
  return (
    <div className="stack">
      <header>
        <h1 className="page-title">{t('title')}</h1>
        <p className="lead">{t('subtitle')}</p>
      </header>
      <VerificationQueue />
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
