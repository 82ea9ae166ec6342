import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { VerificationQueue } from './verification-queue.tsx';

/** The verification queue on its own page, so a tab ("?status=rejected") can be linked to. */
export function AdminPartnersPage() {
  const { t } = useTranslation('verification');
  useDocumentTitle(t('queue.title'));
  return (
    <div className="stack">
      <Link to="/admin" className="back-link">
        ← {t('queue.backToAdmin')}
      </Link>
      <header>
        <h1 className="page-title">{t('queue.pageTitle')}</h1>
        <p className="lead">{t('queue.pageSubtitle')}</p>
      </header>
      <VerificationQueue />
    </div>
  );
}
