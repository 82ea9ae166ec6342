import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { refreshSession } from '../../auth/session-store.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useCountdown } from '../../lib/use-countdown.ts';
import { useResendVerification } from './account-queries.ts';
import './resend-verification.css';

/** identity sends one verification e-mail per cooldown; without a Retry-After we wait this long. */
const DEFAULT_COOLDOWN_SECONDS = 60;

/**
 * "Send the link again", with a countdown after each e-mail and after a 429 (the server's
 * Retry-After). An address verified meanwhile (another tab) refreshes the session instead.
 */
export function ResendVerificationButton({ className = 'btn btn-secondary btn-sm' }: { className?: string }) {
  const { t } = useTranslation('account');
  const resend = useResendVerification();
  const [until, setUntil] = useState<number | null>(null);
  const left = useCountdown(until);
  const wait = (seconds: number) => setUntil(Date.now() + seconds * 1000);
  const error = resend.error;
  const limited = isApiError(error) && error.status === 429;
  const alreadyVerified = isApiError(error) && error.code === 'email_already_verified';
  return (
    <div className="resend-verification">
      <button
        type="button"
        className={className}
        data-testid="verify-resend"
        disabled={resend.isPending || left > 0}
        onClick={() =>
          resend.mutate(undefined, {
            onSuccess: () => wait(DEFAULT_COOLDOWN_SECONDS),
            onError: (failure) => {
              if (isApiError(failure) && failure.status === 429) {
                wait(failure.retryAfterSeconds ?? DEFAULT_COOLDOWN_SECONDS);
              }
              if (isApiError(failure) && failure.code === 'email_already_verified') void refreshSession();
            },
          })
        }
      >
        {resend.isPending
          ? t('verify.resending')
          : left > 0
            ? t('verify.resendIn', { seconds: left })
            : t('verify.resend')}
      </button>
      <span role="status" className="resend-status">
        {resend.isSuccess && !resend.isPending && t('verify.resent', { email: resend.data.email })}
        {limited && t('verify.resendLimited')}
      </span>
      {!limited && !alreadyVerified && <ProblemAlert error={error} />}
    </div>
  );
}

/**
 * Why a screen that needs a verified address cannot go on yet (registering a business,
 * accepting an invitation), with the resend button instead of a raw error.
 */
export function EmailUnverifiedNotice({ email, reason }: { email: string; reason: 'partner' | 'invitation' }) {
  const { t } = useTranslation('account');
  return (
    <div className="alert alert-warning" role="note" data-testid="email-unverified-notice">
      <p className="alert-title">{t('verify.neededTitle')}</p>
      <p style={{ margin: '0 0 var(--space-3)' }}>{t(`verify.needed.${reason}`, { email })}</p>
      <ResendVerificationButton />
    </div>
  );
}
