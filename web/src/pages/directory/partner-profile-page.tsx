import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { PartnerProfileView } from '../../components/partner/partner-profile-view.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { PartnerPackagesSection } from '../packages/partner-packages-section.tsx';
import { isNotFound, usePublicPartner } from './directory-queries.ts';

/** Returns to the directory with the filters the visitor came from, when known. */
function BackLink() {
  const { t } = useTranslation('directory');
  const location = useLocation();
  const state = location.state as { directorySearch?: unknown } | null;
  const search = typeof state?.directorySearch === 'string' ? state.directorySearch : '';
  return (
    <Link to={`/partners${search}`} className="back-link" data-testid="partner-profile-back">
      ← {t('profile.back')}
    </Link>
  );
}

function NotFound() {
  const { t } = useTranslation('directory');
  return (
    <section className="empty-state" data-testid="partner-profile-not-found" aria-labelledby="partner-missing-title">
      <h1 id="partner-missing-title">{t('profile.notFoundTitle')}</h1>
      <p className="muted">{t('profile.notFoundBody')}</p>
      <Link to="/partners" className="btn btn-primary">
        {t('profile.browse')}
      </Link>
    </section>
  );
}

/** A partner's public profile: the shared profile view and the packages it sells. */
export function PartnerProfilePage() {
  const { t } = useTranslation('directory');
  const { id = '' } = useParams();
  const query = usePublicPartner(id);
  useDocumentTitle(query.data?.name ?? t('profile.title'));

  return (
    <div className="stack partner-profile-page" data-testid="partner-profile">
      <BackLink />
      {query.isPending && <Loading />}
      {query.isError && (isNotFound(query.error) ? <NotFound /> : <ProblemAlert error={query.error} />)}
      {query.data && (
        <>
          <PartnerProfileView partner={query.data} headingLevel={1} />
          <PartnerPackagesSection partnerId={query.data.id} partnerName={query.data.name} />
        </>
      )}
    </div>
  );
}
