import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from './auth/require-auth.tsx';
import { AppLayout } from './components/layout/app-layout.tsx';
import { AccountPage } from './pages/account/account-page.tsx';
import { AdminPage } from './pages/admin/admin-page.tsx';
import { SignInPage } from './pages/auth/signin-page.tsx';
import { SignUpPage } from './pages/auth/signup-page.tsx';
import { DiscoverPage } from './pages/discover-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PartnerHome } from './pages/partner/partner-home.tsx';
import { PartnerLayout } from './pages/partner/partner-layout.tsx';
import { PartnerSectionPage } from './pages/partner/partner-section-page.tsx';
import { PrivacyPage } from './pages/privacy-page.tsx';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <DiscoverPage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'privacy', element: <PrivacyPage /> },
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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
