import { useTranslation } from 'react-i18next';
import { VerifyEmailBanner } from '../../pages/account/verify-email-banner.tsx';
import { LiveToasts } from '../../realtime/live-toasts.tsx';
import { AnimatedOutlet } from './animated-outlet.tsx';
import { Footer } from './footer.tsx';
import { Header } from './header.tsx';
import './app-layout.css';

export function AppLayout() {
  const { t } = useTranslation('common');
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <Header />
      <main id="main" className="main" tabIndex={-1} style={{ outline: 'none' }}>
        <div className="container">
          <VerifyEmailBanner />
          <AnimatedOutlet />
        </div>
      </main>
      <Footer />
      <LiveToasts />
    </>
  );
}
