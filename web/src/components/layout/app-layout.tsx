import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/use-auth.ts';
import { AnimatedOutlet } from './animated-outlet.tsx';
import { Footer } from './footer.tsx';
import { Header } from './header.tsx';
import './app-layout.css';

// Live events and the verify-your-e-mail banner concern only a signed-in user: they load with the
// session, not with a visitor's first page.
const VerifyEmailBanner = lazy(() =>
  import('../../pages/account/verify-email-banner.tsx').then((module) => ({ default: module.VerifyEmailBanner })),
);
const LiveToasts = lazy(() =>
  import('../../realtime/live-toasts.tsx').then((module) => ({ default: module.LiveToasts })),
);

export function AppLayout() {
  const { t } = useTranslation('common');
  const { isAuthenticated } = useAuth();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <Header />
      <main id="main" className="main" tabIndex={-1} style={{ outline: 'none' }}>
        <div className="container">
          {isAuthenticated && (
            <Suspense fallback={null}>
              <VerifyEmailBanner />
            </Suspense>
          )}
          <AnimatedOutlet />
        </div>
      </main>
      <Footer />
      {isAuthenticated && (
        <Suspense fallback={null}>
          <LiveToasts />
        </Suspense>
      )}
    </>
  );
}
