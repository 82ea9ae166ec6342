import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from './auth/require-auth.tsx';
import { AppLayout } from './components/layout/app-layout.tsx';
import { AccountPage } from './pages/account/account-page.tsx';
import { AdminPage } from './pages/admin/admin-page.tsx';
import { AdminPartnerDetailPage } from './pages/admin/admin-partner-detail-page.tsx';
import { AdminPartnersPage } from './pages/admin/admin-partners-page.tsx';
import { SentMailDetailPage } from './pages/admin/sent-mail-detail-page.tsx';
import { SentMailPage } from './pages/admin/sent-mail-page.tsx';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page.tsx';
import { ResetPasswordPage } from './pages/auth/reset-password-page.tsx';
import { SignInPage } from './pages/auth/signin-page.tsx';
import { SignUpPage } from './pages/auth/signup-page.tsx';
import { VerifyEmailPage } from './pages/auth/verify-email-page.tsx';
import { DirectoryPage } from './pages/directory/directory-page.tsx';
import { PartnerProfilePage } from './pages/directory/partner-profile-page.tsx';
import { DiscoverPage } from './pages/discover-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { AcceptInvitationPage } from './pages/partner/accept-invitation-page.tsx';
import { MembersPage } from './pages/partner/members/members-page.tsx';
import { OnboardingPage } from './pages/partner/onboarding/onboarding-page.tsx';
import { PartnerHome } from './pages/partner/partner-home.tsx';
import { PartnerLayout } from './pages/partner/partner-layout.tsx';
import { PartnerSectionPage } from './pages/partner/partner-section-page.tsx';
import { PartnerPrivacyPage } from './pages/partner/privacy/partner-privacy-page.tsx';
import { ProfilePage } from './pages/partner/profile/profile-page.tsx';
import { PrivacyPage } from './pages/privacy-page.tsx';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <DiscoverPage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'signin', element: <SignInPage /> },
      // The pages e-mails link to (services/notifications/src/domain/links.ts), token in the fragment.
      { path: 'verify-email', element: <VerifyEmailPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invitations/accept', element: <AcceptInvitationPage /> },
      { path: 'privacy', element: <PrivacyPage /> },
      { path: 'partners', element: <DirectoryPage /> },
      { path: 'partners/:id', element: <PartnerProfilePage /> },
      {
        path: 'account',
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      {
        path: 'partner',
        element: (
          <RequireAuth>
            <PartnerLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <PartnerHome /> },
          { path: 'onboarding', element: <OnboardingPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: 'members', element: <MembersPage /> },
          { path: 'privacy', element: <PartnerPrivacyPage /> },
          { path: ':section', element: <PartnerSectionPage /> },
        ],
      },
      {
        path: 'admin',
        element: (
          <RequireAuth roles={['admin']}>
            <AdminPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/partners',
        element: (
          <RequireAuth roles={['admin']}>
            <AdminPartnersPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/partners/:id',
        element: (
          <RequireAuth roles={['admin']}>
            <AdminPartnerDetailPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/mail',
        element: (
          <RequireAuth roles={['admin']}>
            <SentMailPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/mail/:id',
        element: (
          <RequireAuth roles={['admin']}>
            <SentMailDetailPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
