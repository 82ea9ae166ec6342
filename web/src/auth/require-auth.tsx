import { useIsPresent } from 'framer-motion';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { Role } from '@contracts/http';
import { Loading } from '../components/ui/loading.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useAuth } from './use-auth.ts';

function Forbidden() {
  const { t } = useTranslation('errors');
  useDocumentTitle(t('forbiddenPage.title'));
  return (
    <section className="empty-state" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t('forbiddenPage.title')}</h1>
      <p className="muted">{t('forbiddenPage.body')}</p>
      <Link to="/" className="btn btn-primary">
        {t('forbiddenPage.back')}
      </Link>
    </section>
  );
}

/**
 * Signed-out visitors go to sign-in and come back afterwards; signed-in users without the
 * role see why they cannot enter. The server enforces the same rules on every API call.
 */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { status, hasRole, endReason } = useAuth();
  const location = useLocation();
  // A page fading out after sign-out must not redirect: the user already went elsewhere.
  const isPresent = useIsPresent();
  if (!isPresent) return status === 'authenticated' ? <>{children}</> : null;
  if (status === 'loading') return <Loading />;
  if (status === 'anonymous') {
    // Signed out or deleted on purpose: back to Discover, not to a sign-in prompt.
    if (endReason) return <Navigate to="/" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  if (roles && !hasRole(...roles)) return <Forbidden />;
  return <>{children}</>;
}
