import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from './auth/require-auth.tsx';
import { AppLayout } from './components/layout/app-layout.tsx';
import { lazyPage } from './components/layout/lazy-page.tsx';

// Convention: every page is a lazy route. Add a new page as
//   const MyPage = lazyPage(() => import('./pages/…/my-page.tsx'), 'MyPage');
// and use <MyPage /> below; never import a page statically here. Each page then is its own
// JavaScript chunk, fetched when first shown (the loading indicator meanwhile, from
// PageSuspense in AnimatedOutlet and PartnerLayout), so the first load stays small
// (goal: initial JS ≤ 150 KB gzip, see the README's portal benchmark) and heavy libraries
// such as the chart library ride only with the pages that use them.
const AccountPage = lazyPage(() => import('./pages/account/account-page.tsx'), 'AccountPage');
const AdminPage = lazyPage(() => import('./pages/admin/admin-page.tsx'), 'AdminPage');
const AdminPartnerDetailPage = lazyPage(
  () => import('./pages/admin/admin-partner-detail-page.tsx'),
  'AdminPartnerDetailPage',
);
const AdminPartnersPage = lazyPage(() => import('./pages/admin/admin-partners-page.tsx'), 'AdminPartnersPage');
const SentMailDetailPage = lazyPage(() => import('./pages/admin/sent-mail-detail-page.tsx'), 'SentMailDetailPage');
const SentMailPage = lazyPage(() => import('./pages/admin/sent-mail-page.tsx'), 'SentMailPage');
const MoneyPage = lazyPage(() => import('./pages/admin/billing/money-page.tsx'), 'MoneyPage');
const ForgotPasswordPage = lazyPage(() => import('./pages/auth/forgot-password-page.tsx'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./pages/auth/reset-password-page.tsx'), 'ResetPasswordPage');
const SignInPage = lazyPage(() => import('./pages/auth/signin-page.tsx'), 'SignInPage');
const SignUpPage = lazyPage(() => import('./pages/auth/signup-page.tsx'), 'SignUpPage');
const VerifyEmailPage = lazyPage(() => import('./pages/auth/verify-email-page.tsx'), 'VerifyEmailPage');
const DirectoryPage = lazyPage(() => import('./pages/directory/directory-page.tsx'), 'DirectoryPage');
const PartnerProfilePage = lazyPage(() => import('./pages/directory/partner-profile-page.tsx'), 'PartnerProfilePage');
const PublicPackagesPage = lazyPage(() => import('./pages/packages/packages-page.tsx'), 'PackagesPage');
const PackagePage = lazyPage(() => import('./pages/packages/package-page.tsx'), 'PackagePage');
const MyBookingsPage = lazyPage(() => import('./pages/bookings/my-bookings-page.tsx'), 'MyBookingsPage');
const BookingPage = lazyPage(() => import('./pages/bookings/booking-page.tsx'), 'BookingPage');
const CheckoutPage = lazyPage(() => import('./pages/checkout/checkout-page.tsx'), 'CheckoutPage');
const SearchPage = lazyPage(() => import('./pages/search/search-page.tsx'), 'SearchPage');
const DiscoverPage = lazyPage(() => import('./pages/discover-page.tsx'), 'DiscoverPage');
const NotFoundPage = lazyPage(() => import('./pages/not-found-page.tsx'), 'NotFoundPage');
const AcceptInvitationPage = lazyPage(
  () => import('./pages/partner/accept-invitation-page.tsx'),
  'AcceptInvitationPage',
);
const PartnerBookingsPage = lazyPage(() => import('./pages/partner/bookings/bookings-page.tsx'), 'PartnerBookingsPage');
const CataloguePage = lazyPage(() => import('./pages/partner/catalogue/catalogue-page.tsx'), 'CataloguePage');
const ItemAvailabilityPage = lazyPage(
  () => import('./pages/partner/catalogue/availability-page.tsx'),
  'ItemAvailabilityPage',
);
const ItemEditorPage = lazyPage(() => import('./pages/partner/catalogue/item-editor-page.tsx'), 'ItemEditorPage');
const PackageBuilderPage = lazyPage(
  () => import('./pages/partner/packages/package-builder-page.tsx'),
  'PackageBuilderPage',
);
const PackagesPage = lazyPage(() => import('./pages/partner/packages/packages-page.tsx'), 'PackagesPage');
const PartnerPayoutsPage = lazyPage(() => import('./pages/partner/payouts/payouts-page.tsx'), 'PartnerPayoutsPage');
const MembersPage = lazyPage(() => import('./pages/partner/members/members-page.tsx'), 'MembersPage');
const OnboardingPage = lazyPage(() => import('./pages/partner/onboarding/onboarding-page.tsx'), 'OnboardingPage');
const SponsoredPage = lazyPage(() => import('./pages/partner/sponsored/sponsored-page.tsx'), 'SponsoredPage');
const AdminCampaignsPage = lazyPage(
  () => import('./pages/admin/campaigns/admin-campaigns-page.tsx'),
  'AdminCampaignsPage',
);
const PartnerHome = lazyPage(() => import('./pages/partner/partner-home.tsx'), 'PartnerHome');
const PartnerLayout = lazyPage(() => import('./pages/partner/partner-layout.tsx'), 'PartnerLayout');
const PartnerSectionPage = lazyPage(() => import('./pages/partner/partner-section-page.tsx'), 'PartnerSectionPage');
const PartnerPrivacyPage = lazyPage(
  () => import('./pages/partner/privacy/partner-privacy-page.tsx'),
  'PartnerPrivacyPage',
);
const ProfilePage = lazyPage(() => import('./pages/partner/profile/profile-page.tsx'), 'ProfilePage');
const PrivacyPage = lazyPage(() => import('./pages/privacy-page.tsx'), 'PrivacyPage');

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
      { path: 'packages', element: <PublicPackagesPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'packages/:id', element: <PackagePage /> },
      {
        path: 'bookings',
        element: (
          <RequireAuth>
            <MyBookingsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'bookings/:id',
        element: (
          <RequireAuth>
            <BookingPage />
          </RequireAuth>
        ),
      },
      {
        path: 'checkout/:bookingId',
        element: (
          <RequireAuth>
            <CheckoutPage />
          </RequireAuth>
        ),
      },
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
          { path: 'catalogue', element: <CataloguePage /> },
          { path: 'catalogue/new', element: <ItemEditorPage /> },
          { path: 'catalogue/:itemId', element: <ItemEditorPage /> },
          { path: 'catalogue/:itemId/availability', element: <ItemAvailabilityPage /> },
          { path: 'packages', element: <PackagesPage /> },
          { path: 'packages/new', element: <PackageBuilderPage /> },
          { path: 'packages/:packageId', element: <PackageBuilderPage /> },
          { path: 'bookings', element: <PartnerBookingsPage /> },
          { path: 'payouts', element: <PartnerPayoutsPage /> },
          { path: 'sponsored', element: <SponsoredPage /> },
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
        path: 'admin/campaigns',
        element: (
          <RequireAuth roles={['admin']}>
            <AdminCampaignsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/money',
        element: (
          <RequireAuth roles={['admin']}>
            <MoneyPage />
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
