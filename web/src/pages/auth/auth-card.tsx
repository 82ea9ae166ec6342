import { useIsPresent } from 'framer-motion';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formLevelError } from '../../lib/form-errors.ts';
import './auth-card.css';

export function safeNextPath(next: string | null): string {
  // Only same-site paths: "//evil.example" would leave the portal.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

interface AuthCardProps {
  titleId: string;
  title: string;
  subtitle: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The fields; the card adds the error alert and the submit button under them. */
  children: ReactNode;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  submitTestId: string;
  /** "No account yet?" and the link to the other screen, which keeps `?next=`. */
  switchPrompt: string;
  switchLabel: string;
  switchPath: '/signin' | '/signup';
}

/**
 * The sign-in and sign-up screens: one card with the form and a link to the other screen. A
 * signed-in visitor goes straight on to `?next=` (a same-site path) or Discover.
 */
export function AuthCard(props: AuthCardProps) {
  const { titleId, title, subtitle, formRef, onSubmit, children, error, pending } = props;
  const { isAuthenticated } = useAuth();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  // While this card fades out it already sees the next page's URL, without `?next=`: it must
  // not redirect again (that sent a sign-in from an invitation link to Discover).
  const isPresent = useIsPresent();
  if (isAuthenticated) return isPresent ? <Navigate to={next} replace /> : null;
  return (
    <section className="card auth-card" aria-labelledby={titleId}>
      <h1 id={titleId} className="page-title">
        {title}
      </h1>
      <p className="muted">{subtitle}</p>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        {children}
        {/* A code a field already shows (a taken or invalid address) is not repeated above the button. */}
        <ProblemAlert error={formLevelError(error)} />
        <button type="submit" className="btn btn-primary btn-block" data-testid={props.submitTestId} disabled={pending}>
          {pending ? props.pendingLabel : props.submitLabel}
        </button>
      </form>
      <p className="muted" style={{ marginTop: 'var(--space-4)' }}>
        {props.switchPrompt}{' '}
        <Link to={`${props.switchPath}${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>
          {props.switchLabel}
        </Link>
      </p>
    </section>
  );
}
