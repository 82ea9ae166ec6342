import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../auth/auth-mutations.ts';
import { useAuth } from '../../auth/use-auth.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { languageNames, isSupportedLanguage } from '../../i18n/languages.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ChangeEmailSection } from './change-email-section.tsx';
import { ChangePasswordSection } from './change-password-section.tsx';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { ProfileSettingsSection } from './profile-settings-section.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';

export function AccountPage() {
  const { t, i18n } = useTranslation('account');
  const { user } = useAuth();
  const signOut = useSignOut();
  useDocumentTitle(t('title'));
  if (!user) return null;

  return (
    <div className="stack">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />

      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('profile.title')}</h2>
        <dl className="dl">
          <dt>{t('profile.displayName')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('profile.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('profile.roles')}</dt>
          <dd className="row" style={{ gap: 'var(--space-2)' }}>
            {user.roles.map((role) => (
              <span key={role} className="badge">
                {t(`common:roles.${role}`)}
              </span>
            ))}
          </dd>
          <dt>{t('profile.accountLanguage')}</dt>
          <dd>{isSupportedLanguage(user.locale) ? languageNames[user.locale] : user.locale}</dd>
          <dt>{t('profile.memberSince')}</dt>
          <dd>{formatDateTime(user.createdAt, i18n.language)}</dd>
        </dl>
      </section>

      <ProfileSettingsSection user={user} />
      <ChangeEmailSection user={user} />
      <ChangePasswordSection />

      <section className="card" aria-labelledby="session-title">
        <h2 id="session-title">{t('session.title')}</h2>
        <p className="muted">{t('session.description')}</p>
        <ProblemAlert error={signOut.error} />
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="account-signout"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t('session.signOut')}
        </button>
      </section>

      <DeleteAccountSection />
    </div>
  );
}
