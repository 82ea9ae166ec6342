import { useMutation } from '@tanstack/react-query';
import * as authApi from '../../api/auth-api.ts';
import { refreshSession, updateSessionUser } from '../../auth/session-store.ts';
import { chooseLanguage } from '../../i18n/i18n.ts';
import { isSupportedLanguage } from '../../i18n/languages.ts';

// The account's own settings and its e-mailed links. Nothing here is cached server data: the
// signed-in user lives in the session store, which these mutations update.

/**
 * Follows a verification or e-mail change link. A signed-in tab then refreshes its session,
 * so `emailVerified` (and the access token's email_verified claim) are true at once.
 */
export function useVerifyEmail() {
  return useMutation({
    mutationFn: authApi.verifyEmail,
    onSuccess: () => refreshSession(),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: authApi.resendVerification });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: authApi.forgotPassword });
}

export function useResetPassword() {
  return useMutation({ mutationFn: authApi.resetPassword });
}

/** Name and language; the portal switches to the language stored on the account. */
export function useUpdateProfile() {
  return useMutation({
    mutationFn: authApi.updateProfile,
    onSuccess: (user) => {
      updateSessionUser(user);
      if (isSupportedLanguage(user.locale)) void chooseLanguage(user.locale);
    },
  });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: authApi.changeEmail });
}

export function useChangePassword() {
  return useMutation({ mutationFn: authApi.changePassword });
}
