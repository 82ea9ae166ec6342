import type { BookingView, CheckoutResponse } from '@contracts/http';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/api-error.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { clock, useHoldLeft } from '../bookings/booking-status.tsx';
import { isMissingBooking } from '../bookings/bookings-queries.ts';
import { useLang } from '../partner/catalogue/use-lang.ts';
import { bookingReference } from '../packages/traveller-format.ts';
import { CheckoutSummary } from './checkout-summary.tsx';
import { Cancelled, CannotPay, Confirmed, Confirming, HoldExpired } from './checkout-states.tsx';
import { useCheckout, useCheckoutBooking } from './checkout-queries.ts';
import { TestCardPayment } from './payment-panel.tsx';
import { StripeCardForm } from './stripe-card-form.tsx';
import { useConfirmationWait } from './use-confirmation-wait.ts';
import './checkout-page.css';

function NotFound() {
  const { t } = useTranslation('billing');
  return (
    <section className="empty-state" data-testid="checkout-not-found">
      <h1>{t('booking:detail.notFoundTitle')}</h1>
      <p className="muted">{t('booking:detail.notFoundBody')}</p>
      <Link to="/bookings" className="btn btn-primary">
        {t('booking:detail.toList')}
      </Link>
    </section>
  );
}

function HoldClock({ holdExpiresAt }: { holdExpiresAt: string | null }) {
  const { t, i18n } = useTranslation('billing');
  const left = useHoldLeft(holdExpiresAt);
  return (
    <div className="checkout-hold" data-testid="checkout-hold">
      <div>
        <p className="checkout-hold-title">{t('checkout.holdTitle')}</p>
        <p className="muted checkout-hold-until">
          {t('checkout.holdUntil', { time: formatDateTime(holdExpiresAt, i18n.language) })}
        </p>
      </div>
      <span className="checkout-hold-clock" role="timer" aria-live="off" data-testid="checkout-countdown">
        {clock(left, i18n.language)}
      </span>
    </div>
  );
}

interface PayProps {
  booking: BookingView;
  checkout: CheckoutResponse;
  authFailed: boolean;
  onPaid: () => void;
  onExpired: () => void;
}

function Pay({ booking, checkout, authFailed, onPaid, onExpired }: PayProps) {
  const { t } = useTranslation('billing');
  const holdExpiresAt = checkout.holdExpiresAt || booking.holdExpiresAt;
  const left = useHoldLeft(holdExpiresAt);
  const ended = holdExpiresAt !== null && left === 0;
  useEffect(() => {
    if (ended) onExpired();
  }, [ended, onExpired]);
  return (
    <section className="card checkout-pay" aria-labelledby="pay-title" data-testid="checkout-pay">
      <h2 id="pay-title">{t('checkout.payTitle')}</h2>
      <HoldClock holdExpiresAt={holdExpiresAt} />
      {checkout.mode === 'emulator' ? (
        <TestCardPayment
          checkout={checkout}
          holdEnded={ended}
          authFailed={authFailed}
          onPaid={onPaid}
          onExpired={onExpired}
        />
      ) : (
        <StripeCardForm checkout={checkout} holdEnded={ended} onPaid={onPaid} />
      )}
    </section>
  );
}

/**
 * The bank's answer when its 3-D Secure page sent the traveller back here (Stripe appends
 * redirect_status to the return_url). Read once, then dropped from the address so a reload
 * does not repeat it; the payment itself moves only by billing's webhook.
 */
function useBankReturn(): 'succeeded' | 'failed' | null {
  const [params, setParams] = useSearchParams();
  const [status] = useState<'succeeded' | 'failed' | null>(() => {
    const value = params.get('redirect_status');
    return value === 'succeeded' || value === 'failed' ? value : null;
  });
  useEffect(() => {
    if (params.has('redirect_status')) setParams({}, { replace: true });
  }, [params, setParams]);
  return status;
}

/**
 * /checkout/:bookingId — paying for a held booking: the package and its price, the hold's
 * countdown, the card, then the wait for the booking's confirmation and the receipt. Each state
 * (paying, confirming, confirmed, hold ended, cancelled, cannot pay) is its own screen.
 */
export function CheckoutPage() {
  const { t, i18n } = useTranslation('billing');
  const { bookingId = '' } = useParams();
  const lang = useLang();
  const bankReturn = useBankReturn();
  const [paid, setPaid] = useState(bankReturn === 'succeeded');
  const [expired, setExpired] = useState(false);
  const slow = useConfirmationWait(bookingId, paid);
  const bookingQuery = useCheckoutBooking(bookingId, lang, paid && !slow);
  const booking = bookingQuery.data;
  const payable = booking?.status === 'pending_payment' && !paid && !expired;
  const checkout = useCheckout(booking?.packageId, bookingId, payable);
  const checkoutCode = isApiError(checkout.error) ? checkout.error.code : null;
  useDocumentTitle(t('checkout.title'));
  useEffect(() => {
    if (checkoutCode === 'booking_already_paid') setPaid(true);
    if (checkoutCode === 'booking_expired') setExpired(true);
  }, [checkoutCode]);

  let body = null;
  if (booking) {
    if (booking.status === 'confirmed') body = <Confirmed booking={booking} />;
    else if (paid) body = <Confirming booking={booking} slow={slow} onCheck={() => void bookingQuery.refetch()} />;
    else if (booking.status === 'expired' || expired) body = <HoldExpired booking={booking} />;
    else if (booking.status === 'cancelled') body = <Cancelled booking={booking} />;
    else if (checkout.isPending) body = <Loading label={t('checkout.preparing')} />;
    else if (checkoutCode === 'partner_payouts_not_ready') body = <CannotPay booking={booking} code={checkoutCode} />;
    else if (checkout.isError) body = <ProblemAlert error={checkout.error} />;
    else if (checkout.data)
      body = (
        <Pay
          booking={booking}
          checkout={checkout.data}
          authFailed={bankReturn === 'failed'}
          onPaid={() => setPaid(true)}
          onExpired={() => setExpired(true)}
        />
      );
  }

  return (
    <div className="stack checkout-page" data-testid="checkout-page">
      <Link to={booking ? `/bookings/${booking.id}` : '/bookings'} className="back-link">
        ← {t('checkout.back')}
      </Link>
      {bookingQuery.isPending && <Loading />}
      {bookingQuery.isError &&
        !booking &&
        (isMissingBooking(bookingQuery.error) ? <NotFound /> : <ProblemAlert error={bookingQuery.error} />)}
      {booking && (
        <>
          <header className="checkout-header">
            <p className="checkout-eyebrow">{t('checkout.title')}</p>
            <h1 className="page-title" data-testid="checkout-title">
              {booking.packageTitle}
            </h1>
            <p className="muted" style={{ margin: 0 }}>
              {t('booking:detail.reference', { reference: bookingReference(booking.id) })} ·{' '}
              {t('booking:detail.bookedOn', { time: formatDateTime(booking.createdAt, i18n.language) })}
            </p>
          </header>
          <div className="checkout-columns">
            <div className="checkout-main">{body}</div>
            <CheckoutSummary booking={booking} />
          </div>
        </>
      )}
    </div>
  );
}
