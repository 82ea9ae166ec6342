import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusBanner } from '../../../components/partner/status-banner.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { canManage, isEditable, useMyPartner } from '../partner-queries.ts';
import { ProfileForm } from './profile-form.tsx';

/** Shown on member-only pages to a user who has no partner yet. */
export function NoPartner() {
  const { t } = useTranslation('onboarding');
  return (
    <section className="empty-state" data-testid="no-partner">
      <h2>{t('noPartner.title')}</h2>
      <p className="muted">{t('noPartner.body')}</p>
      <Link to="/partner/onboarding" className="btn btn-primary">
        {t('become.cta')}
      </Link>
    </section>
  );
}

export function ProfilePage() {
  const { t } = useTranslation('onboarding');
  useDocumentTitle(t('profile.title'));
  const me = useMyPartner();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!me.data) return <NoPartner />;
  const my = me.data;
  const manager = canManage(my);
  const editable = isEditable(my.partner.status);
  return (
    <div className="stack">
      <StatusBanner partner={my.partner} />
      {(!manager || !editable) && (
        <p className="alert" role="note" data-testid="profile-read-only">
          {manager ? t('profile.lockedNotice') : t('profile.viewerNotice')}
        </p>
      )}
      {/* Remount on another partner (e.g. after re-registering) so the form starts from its data. */}
      <ProfileForm key={my.partner.id} my={my} readOnly={!manager || !editable} />
    </div>
  );
}
