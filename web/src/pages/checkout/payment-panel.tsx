import type { CheckoutResponse } from '@contracts/http';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatMinor } from '../packages/traveller-format.ts';
import { useConfirmTestPayment } from './checkout-queries.ts';
import { TestCardPicker } from './test-card-picker.tsx';
import { brandNames, declineKey, knownTestCards } from './test-cards.ts';

interface Decline {
  card: string;
  reason: string;
}

interface PaymentPanelProps {
  checkout: CheckoutResponse;
  holdEnded: boolean;
  /** The bank sent the traveller back without confirming the payment (3-D Secure failed). */
  authFailed: boolean;
  onPaid: () => void;
  onExpired: () => void;
}

/** The bank's 3-D Secure page: it sends the traveller back to this page with the outcome. */
function goToBank(url: string): void {
  window.location.assign(url);
}

function cardName(id: string, fallback: string): string {
  const known = knownTestCards[id];
  return known ? `${brandNames[known.brand]} •••• ${known.last4}` : fallback;
}

/**
 * Emulator mode's payment form: a test card, then Pay. The server confirms the PaymentIntent
 * with that card; a decline names the card and the bank's reason and keeps the form open for
 * another card, a success hands over to the confirmation wait. A card whose bank asks for 3-D
 * Secure goes to the bank's page, as Stripe redirects; the bank returns to this page.
 */
export function TestCardPayment({ checkout, holdEnded, authFailed, onPaid, onExpired }: PaymentPanelProps) {
  const { t, i18n } = useTranslation('billing');
  const cards = checkout.testCards;
  const [card, setCard] = useState(() => cards.find((c) => c.id === 'pm_card_visa')?.id ?? cards[0]?.id ?? '');
  const [decline, setDecline] = useState<Decline | null>(null);
  const [redirecting, setRedirecting] = useState(false);
  const [showAuthFailed, setShowAuthFailed] = useState(authFailed);
  // Back from the bank's page through the browser's history (page restored as it was left).
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) setRedirecting(false);
    };
    window.addEventListener('pageshow', restored);
    return () => window.removeEventListener('pageshow', restored);
  }, []);
  const confirm = useConfirmTestPayment();
  const total = formatMinor(checkout.amountMinor, checkout.currency, i18n.language);
  const label = cards.find((c) => c.id === card)?.label ?? card;

  const pay = () => {
    setDecline(null);
    setShowAuthFailed(false);
    confirm.mutate(
      { paymentId: checkout.paymentId, paymentMethod: card },
      {
        onSuccess: (result) => {
          if (result.status === 'requires_action' && result.redirectUrl) {
            setRedirecting(true);
            goToBank(result.redirectUrl);
          } else if (result.status === 'requires_payment_method') {
            setDecline({ card: cardName(card, label), reason: declineKey(result.declineCode) });
          } else onPaid();
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.code === 'card_declined') {
            setDecline({ card: cardName(card, label), reason: declineKey(error.fieldErrors[0]?.code) });
          } else if (error.code === 'booking_already_paid') onPaid();
          else if (error.code === 'booking_expired') onExpired();
        },
      },
    );
  };
  const handled =
    isApiError(confirm.error) &&
    ['card_declined', 'booking_already_paid', 'booking_expired'].includes(confirm.error.code);

  return (
    <form
      className="stack"
      data-testid="payment-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (card && !confirm.isPending && !redirecting && !holdEnded) pay();
      }}
    >
      <div className="alert test-mode-note" role="note" data-testid="test-mode-note">
        <p className="alert-title">
          <span className="badge">{t('checkout.testModeBadge')}</span> {t('checkout.testModeTitle')}
        </p>
        <p style={{ margin: 0 }}>{t('checkout.testModeBody')}</p>
      </div>
      {cards.length === 0 ? (
        <p className="alert alert-warning">{t('checkout.noTestCards')}</p>
      ) : (
        <TestCardPicker cards={cards} value={card} disabled={confirm.isPending || redirecting} onChange={setCard} />
      )}
      {showAuthFailed && (
        <div className="alert alert-error" role="alert" data-testid="payment-auth-failed">
          <p className="alert-title">{t('checkout.authFailedTitle')}</p>
          <p style={{ margin: 0 }}>{t('checkout.authFailedBody')}</p>
        </div>
      )}
      {decline && (
        <div className="alert alert-error" role="alert" data-testid="payment-declined" data-reason={decline.reason}>
          <p className="alert-title">{t('checkout.declinedTitle', { card: decline.card })}</p>
          <p style={{ margin: 0 }}>
            {t(`errors:${decline.reason}`)} {t('checkout.declinedNext')}
          </p>
        </div>
      )}
      {!handled && <ProblemAlert error={confirm.error} />}
      <button
        type="submit"
        className="btn btn-primary btn-block pay-button"
        data-testid="pay-button"
        disabled={!card || confirm.isPending || redirecting || holdEnded}
      >
        {redirecting ? (
          <>
            <span className="spinner spinner-sm" aria-hidden="true" /> {t('checkout.redirecting')}
          </>
        ) : confirm.isPending ? (
          <>
            <span className="spinner spinner-sm" aria-hidden="true" /> {t('checkout.paying')}
          </>
        ) : (
          t('checkout.pay', { amount: total })
        )}
      </button>
      <p className="field-hint checkout-fineprint">{t('checkout.fineprint')}</p>
    </form>
  );
}

/**
 * Real Stripe without a publishable key (or Stripe.js could not load): say so plainly rather
 * than offer a form that cannot pay.
 */
export function StripeUnavailable() {
  const { t } = useTranslation('billing');
  return (
    <div className="alert alert-warning" role="note" data-testid="stripe-unavailable">
      <p className="alert-title">{t('checkout.stripeTitle')}</p>
      <p style={{ margin: 0 }}>{t('checkout.stripeBody')}</p>
    </div>
  );
}
