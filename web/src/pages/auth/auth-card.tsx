import type { ReactNode } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth.ts';
import './auth-card.css';

export function safeNextPath(next: string | null): string {
  // Only same-site paths: "//evil.example" would leave the portal.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

interface AuthCardProps {
  titleId: string;
  title: string;
  subtitle: string;
  /** "No account yet?" and the link to the other screen, which keeps `?next=`. */
  switchPrompt: string;
  switchLabel: string;
  switchPath: '/signin' | '/signup';
  children: ReactNode;
}

/**
 * The sign-in and sign-up screens' card. A signed-in visitor goes straight on to `?next=`
 * (a same-site path) or Discover.
 */
export function AuthCard({ titleId, title, subtitle, switchPrompt, switchLabel, switchPath, children }: AuthCardProps) {
  const { isAuthenticated } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  if (isAuthenticated) return <Navigate to={next} replace />;
  return (
    <section className="card auth-card" aria-labelledby={titleId}>
      <h1 id={titleId} className="page-title">
        {title}
      </h1>
      <p className="muted">{subtitle}</p>
      {children}
      <p className="muted" style={{ marginTop: 'var(--space-4)' }}>
        {switchPrompt}{' '}
        <Link to={`${switchPath}${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{switchLabel}</Link>
      </p>
    </section>
  );
}
