import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { QuoteBody } from '../../api/bundling-api.ts';
import { useAuth } from '../../auth/use-auth.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { ResendVerificationButton } from '../account/resend-verification.tsx';
import { createAttemptKeys } from './idempotency.ts';
import { useBookPackage } from './packages-queries.ts';

interface BookPanelProps {
  packageId: string;
  /** The priced request, or null while the date, party or times are not settled. */
  request: QuoteBody | null;
  /** The quote for `request` answered: the price is on screen. */
  priced: boolean;
}

/**
 * Book: for a signed-in traveller with a verified address, POST …/book with an Idempotency-Key
 * (one per attempt, the same on a retry), then the booking's page. Otherwise a clear prompt.
 */
export function BookPanel({ packageId, request, priced }: BookPanelProps) {
  const { t } = useTranslation('booking');
  const { user, status } = useAuth();
  const navigate = useNavigate();
  const book = useBookPackage(packageId);
  const keys = useRef(createAttemptKeys());
  const here = encodeURIComponent(`/packages/${packageId}`);

  if (status === 'loading') return null;
  if (!user) {
    return (
      <div className="alert book-prompt" role="note" data-testid="book-signin">
        <p className="alert-title">{t('book.signInTitle')}</p>
        <p style={{ margin: '0 0 var(--space-3)' }}>{t('book.signInBody')}</p>
        <div className="row">
          <Link to={`/signin?next=${here}`} className="btn btn-primary">
            {t('book.signIn')}
          </Link>
          <Link to={`/signup?next=${here}`} className="btn btn-secondary">
            {t('book.signUp')}
          </Link>
        </div>
      </div>
    );
  }
  if (!user.emailVerified) {
    return (
      <div className="alert alert-warning" role="note" data-testid="book-verify">
        <p className="alert-title">{t('book.verifyTitle')}</p>
        <p style={{ margin: '0 0 var(--space-3)' }}>{t('book.verifyBody', { email: user.email })}</p>
        <ResendVerificationButton />
      </div>
    );
  }

  const submit = () => {
    if (!request) return;
    book.mutate(
      { body: request, idempotencyKey: keys.current.keyFor(request) },
      {
        onSuccess: (booking) => {
          keys.current.reset();
          void navigate(`/bookings/${booking.id}`);
        },
      },
    );
  };

  return (
    <div className="stack book-panel" style={{ gap: 'var(--space-2)' }}>
      <button
        type="button"
        className="btn btn-primary btn-block"
        data-testid="book-button"
        disabled={!request || !priced || book.isPending}
        onClick={submit}
      >
        {book.isPending ? t('book.booking') : t('book.cta')}
      </button>
      <p className="field-hint" style={{ margin: 0 }}>
        {t('book.note')}
      </p>
      <ProblemAlert error={book.error} />
    </div>
  );
}
