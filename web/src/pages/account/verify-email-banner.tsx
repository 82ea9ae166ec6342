import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth.ts';
import { ResendVerificationButton } from './resend-verification.tsx';
import './verify-email-banner.css';

/** Shown to signed-in users whose address is not proven yet, on every screen but the link's own. */
export function VerifyEmailBanner() {
  const { t } = useTranslation('account');
  const { user } = useAuth();
  const { pathname } = useLocation();
  if (!user || user.emailVerified || pathname === '/verify-email') return null;
  return (
    <aside className="verify-banner" aria-labelledby="verify-banner-title" data-testid="verify-banner">
      <div className="verify-banner-text">
        <p id="verify-banner-title" className="verify-banner-title">
          {t('verify.bannerTitle')}
        </p>
        <p className="verify-banner-body">{t('verify.bannerBody', { email: user.email })}</p>
      </div>
      <ResendVerificationButton />
    </aside>
  );
}
