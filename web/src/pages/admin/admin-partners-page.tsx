import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { VerificationQueue } from './verification-queue.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';

/** The verification queue on its own page, so a tab ("?status=rejected") can be linked to. */
export function AdminPartnersPage() {
  const { t } = useTranslation('verification');
  useDocumentTitle(t('queue.title'));
  return (
    <div className="stack">
      <Link to="/admin" className="back-link">
        ← {t('queue.backToAdmin')}
      </Link>
      <PageHeader title={t('queue.pageTitle')} subtitle={t('queue.pageSubtitle')} />
      <VerificationQueue />
    </div>
  );
}
