import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ComingSoonCard } from '../../components/ui/coming-soon-card.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { isPartnerSection } from './partner-sections.ts';

export function PartnerSectionPage() {
  const { t } = useTranslation('partner');
  const { section } = useParams();
  const known = isPartnerSection(section);
  useDocumentTitle(known ? t(`sections.${section}.title`) : '');
  if (!known) return <NotFoundPage />;
  return (
    <ComingSoonCard title={t(`sections.${section}.title`)} description={t(`sections.${section}.description`)}>
      <p className="muted" style={{ marginTop: 'var(--space-3)', marginBottom: 0 }}>
        {t('comingSoonBody')}
      </p>
    </ComingSoonCard>
  );
}
