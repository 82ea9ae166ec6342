import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/api-error.ts';
import { useAuth } from '../../auth/use-auth.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useLinkToken } from '../../lib/link-token.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useVerifyEmail } from '../account/account-queries.ts';
import { ResendVerificationButton } from '../account/resend-verification.tsx';
import { LinkCard } from './link-card.tsx';

/**
 * `/verify-email#token=…`, opened from the verification or e-mail change e-mail: posts the
 * token once and says what happened. Works signed out too (the link may open on another device).
 */
export function VerifyEmailPage() {
  const { t } = useTranslation('auth');
  const token = useLinkToken();
  const verify = useVerifyEmail();
  const { isAuthenticated, user } = useAuth();
  const sent = useRef(false);
  useDocumentTitle(t('verify.title'));

  useEffect(() => {
    // Once only: the link is single-use, and React may run effects twice in development.
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  const code = !token ? 'link_invalid' : isApiError(verify.error) ? verify.error.code : null;
  const next = isAuthenticated ? (
    <Link to="/partner" className="btn btn-primary">
      {t('verify.continue')}
    </Link>
  ) : (
    <Link to="/signin" className="btn btn-primary">
      {t('verify.signIn')}
    </Link>
  );

  if (verify.isSuccess) {
    const changed = verify.data.outcome === 'email_changed';
    return (
      <LinkCard
        titleId="verify-title"
        title={t(changed ? 'verify.changedTitle' : 'verify.doneTitle')}
        testId="verify-done"
      >
        <div className="alert alert-success" role="status">
          {t(changed ? 'verify.changedBody' : 'verify.doneBody', { email: verify.data.email })}
        </div>
        <div className="row">{next}</div>
      </LinkCard>
    );
  }

  if (code === 'link_expired' || code === 'link_invalid') {
    const expired = code === 'link_expired';
    const canResend = isAuthenticated && user && !user.emailVerified;
    return (
      <LinkCard
        titleId="verify-title"
        title={t(expired ? 'verify.expiredTitle' : 'verify.invalidTitle')}
        testId="verify-failed"
      >
        <div className="alert alert-warning" role="alert">
          {t(expired ? 'verify.expiredBody' : 'verify.invalidBody')}
        </div>
        {canResend ? (
          <ResendVerificationButton className="btn btn-primary" />
        ) : isAuthenticated ? (
          <p className="muted">{user?.emailVerified ? t('verify.alreadyVerified') : null}</p>
        ) : (
          <p className="muted">{t('verify.signInToResend')}</p>
        )}
        {!isAuthenticated && <div className="row">{next}</div>}
      </LinkCard>
    );
  }

  return (
    <LinkCard titleId="verify-title" title={t('verify.title')}>
      {verify.isError ? <ProblemAlert error={verify.error} /> : <Loading label={t('verify.checking')} />}
    </LinkCard>
  );
}
