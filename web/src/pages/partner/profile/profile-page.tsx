import type { MyPartner } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { StatusBanner } from '../../../components/partner/status-banner.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { canManage, isEditable } from '../partner-queries.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { ProfileForm } from './profile-form.tsx';

export function ProfilePage() {
  const { t } = useTranslation('onboarding');
  useDocumentTitle(t('profile.title'));
  return <WithMyPartner>{(my) => <Profile my={my} />}</WithMyPartner>;
}

function Profile({ my }: { my: MyPartner }) {
  const { t } = useTranslation('onboarding');
  const manager = canManage(my);
  // In review the profile stays editable but for the fields the admin is judging (README status table).
  const inReview = my.partner.status === 'pending_review';
  const editable = isEditable(my.partner.status) || inReview;
  return (
    <div className="stack">
      <StatusBanner partner={my.partner} />
      {(!manager || !editable) && (
        <p className="alert" role="note" data-testid="profile-read-only">
          {manager ? t('profile.lockedNotice') : t('profile.viewerNotice')}
        </p>
      )}
      {/* Remount on another partner (e.g. after re-registering) so the form starts from its data. */}
      <ProfileForm key={my.partner.id} my={my} readOnly={!manager || !editable} locked={inReview} />
    </div>
  );
}
