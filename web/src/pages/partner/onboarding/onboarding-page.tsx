import type { MyPartner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusBanner } from '../../../components/partner/status-banner.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { canManage, useMyPartner } from '../partner-queries.ts';
import { Wizard } from './wizard.tsx';

/** Shown instead of the wizard once there is nothing left to fill in (or nothing the user may). */
function OnboardingState({ my }: { my: MyPartner }) {
  const { t } = useTranslation('onboarding');
  const { status } = my.partner;
  return (
    <div className="stack">
      <StatusBanner partner={my.partner} />
      {status === 'pending_review' && (
        <section className="card" data-testid="onboarding-under-review" aria-labelledby="under-review-title">
          <h2 id="under-review-title">{t('underReview.title')}</h2>
          <p className="muted">{t('underReview.body')}</p>
          <Link to="/partner/profile">{t('underReview.profileLink')}</Link>
        </section>
      )}
      {(status === 'draft' || status === 'rejected') && !canManage(my) && (
        <p className="alert" role="note">
          {t('wizard.viewerNotice')}
        </p>
      )}
      {status === 'verified' && <Link to="/partner/profile">{t('underReview.profileLink')}</Link>}
    </div>
  );
}

export function OnboardingPage() {
  const { t } = useTranslation('onboarding');
  useDocumentTitle(t('wizard.title'));
  const me = useMyPartner();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  const my = me.data;
  const fillIn = !my || ((my.partner.status === 'draft' || my.partner.status === 'rejected') && canManage(my));

  return (
    <div className="stack">
      <header>
        <h2 className="section-title">{t('wizard.title')}</h2>
        <p className="muted">{t('wizard.intro')}</p>
      </header>
      {fillIn ? <Wizard my={my} /> : <OnboardingState my={my} />}
    </div>
  );
}
