import type { BookingView, Locale } from '@contracts/http';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading } from '../../components/ui/loading.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { BookingPaymentCard, PayNowLink } from '../checkout/booking-payment.tsx';
import { PolicyNote } from '../packages/policy-note.tsx';
import { PriceBreakdown } from '../packages/price-breakdown.tsx';
import { bookingReference, formatDay, formatMinor, partySummary } from '../packages/traveller-format.ts';
import { useBookingsLiveRefresh } from './bookings-live.ts';
import { BookingStatusBadge, clock, useHoldLeft } from './booking-status.tsx';
import { isBookingId, isMissingBooking, useBooking } from './bookings-queries.ts';
import { CancelBookingDialog, canCancel } from './cancel-booking-dialog.tsx';
import './booking-page.css';

function NotFound() {
  const { t } = useTranslation('booking');
  return (
    <section className="empty-state" data-testid="booking-not-found" aria-labelledby="booking-missing-title">
      <h1 id="booking-missing-title">{t('detail.notFoundTitle')}</h1>
      <p className="muted">{t('detail.notFoundBody')}</p>
      <Link to="/bookings" className="btn btn-primary">
        {t('detail.toList')}
      </Link>
    </section>
  );
}

/** Awaiting payment: the hold's live countdown, what happens when it ends, and the way to pay. */
function AwaitingPayment({ booking, onExpiredLocally }: { booking: BookingView; onExpiredLocally: () => void }) {
  const { t, i18n } = useTranslation('booking');
  const left = useHoldLeft(booking.holdExpiresAt);
  const ended = booking.holdExpiresAt !== null && left === 0;
  useEffect(() => {
    if (ended) onExpiredLocally();
  }, [ended, onExpiredLocally]);
  const until = formatDateTime(booking.holdExpiresAt, i18n.language);
  return (
    <section className="card hold-card" aria-labelledby="hold-title" data-testid="awaiting-payment">
      <div className="hold-head">
        <div>
          <h2 id="hold-title">{t('detail.awaitingTitle')}</h2>
          <p className="muted" style={{ margin: 0 }}>
            {t('detail.heldUntil', { time: until })}
          </p>
        </div>
        <div
          className={`hold-clock${ended ? ' is-ended' : ''}`}
          role="timer"
          aria-live="off"
          data-testid="hold-countdown"
        >
          <span className="hold-clock-value">{clock(left, i18n.language)}</span>
          <span className="hold-clock-label">{ended ? t('detail.holdEnded') : t('detail.holdLeft')}</span>
        </div>
      </div>
      <p style={{ margin: 0 }}>{ended ? t('detail.endedBody') : t('detail.whenExpires')}</p>
      <PayNowLink booking={booking} disabled={ended} />
    </section>
  );
}

function Outcome({ booking }: { booking: BookingView }) {
  const { t, i18n } = useTranslation('booking');
  const money = (minor: number) => formatMinor(minor, booking.currency, i18n.language);
  if (booking.status === 'confirmed') {
    return (
      <section className="alert alert-success" data-testid="booking-outcome">
        <p className="alert-title">{t('detail.confirmedTitle')}</p>
        <p style={{ margin: 0 }}>
          {t('detail.confirmedBody', {
            time: formatDateTime(booking.confirmedAt, i18n.language),
            amount: money(booking.pricePaidMinor),
          })}
        </p>
      </section>
    );
  }
  if (booking.status === 'cancelled') {
    const refund = booking.refundMinor ?? 0;
    return (
      <section className="alert" data-testid="booking-outcome">
        <p className="alert-title">{t('detail.cancelledTitle')}</p>
        <p style={{ margin: 0 }}>
          {t('detail.cancelledBody', { time: formatDateTime(booking.cancelledAt, i18n.language) })}{' '}
          {booking.paymentIntentId === null
            ? t('detail.nothingCharged')
            : refund > 0
              ? t('detail.refunded', { amount: money(refund) })
              : t('detail.noRefund')}
        </p>
      </section>
    );
  }
  if (booking.status === 'expired') {
    return (
      <section className="alert" data-testid="booking-outcome">
        <p className="alert-title">{t('detail.expiredTitle')}</p>
        <p style={{ margin: '0 0 var(--space-3)' }}>{t('detail.expiredBody')}</p>
        <Link to={`/packages/${booking.packageId}`} className="btn btn-secondary btn-sm">
          {t('detail.bookAgain')}
        </Link>
      </section>
    );
  }
  return null;
}

/** /bookings/:id — one of the traveller's bookings: its state, the hold, the price, the policy. */
export function BookingPage() {
  const { t, i18n } = useTranslation('booking');
  const { id = '' } = useParams();
  const query = useBooking(id, i18n.language as Locale);
  useBookingsLiveRefresh();
  const booking = query.data;
  const [cancelling, setCancelling] = useState<BookingView | null>(null);
  useDocumentTitle(booking?.packageTitle ?? t('detail.title'));
  const refetch = query.refetch;
  const [expiredLocally, setExpiredLocally] = useState(false);
  // The hold ran out on this screen: the server's sweeper releases the places shortly; ask again.
  useEffect(() => {
    if (!expiredLocally || booking?.status !== 'pending_payment') return;
    void refetch();
    const timer = setInterval(() => void refetch(), 5_000);
    return () => clearInterval(timer);
  }, [expiredLocally, booking?.status, refetch]);

  return (
    <div className="stack booking-page" data-testid="booking-page">
      <Link to="/bookings" className="back-link">
        ← {t('detail.back')}
      </Link>
      {!isBookingId(id) && <NotFound />}
      {isBookingId(id) && query.isPending && <Loading />}
      {query.isError &&
        !booking &&
        (isMissingBooking(query.error) ? <NotFound /> : <ProblemAlert error={query.error} />)}
      {booking && (
        <>
          <header className="booking-header">
            <div className="booking-title-row">
              <h1 className="page-title" data-testid="booking-title">
                <Link to={`/packages/${booking.packageId}`}>{booking.packageTitle}</Link>
              </h1>
              <BookingStatusBadge status={booking.status} />
            </div>
            <p className="muted" style={{ margin: 0 }}>
              {t('detail.reference', { reference: bookingReference(booking.id) })} ·{' '}
              {t('detail.bookedOn', { time: formatDateTime(booking.createdAt, i18n.language) })}
            </p>
          </header>
          {booking.status === 'pending_payment' && (
            <AwaitingPayment booking={booking} onExpiredLocally={() => setExpiredLocally(true)} />
          )}
          <Outcome booking={booking} />
          <BookingPaymentCard booking={booking} />
          <div className="booking-columns">
            <section className="card" aria-labelledby="trip-title">
              <h2 id="trip-title">{t('detail.trip')}</h2>
              <dl className="dl">
                <dt>{t('detail.start')}</dt>
                <dd data-testid="booking-start">{formatDay(booking.startDate, i18n.language, 'full')}</dd>
                <dt>{t('detail.party')}</dt>
                <dd>{partySummary(booking.party, t)}</dd>
              </dl>
              <h3 className="booking-subtitle">{t('planner.policy')}</h3>
              <PolicyNote policy={booking.policy} />
              {canCancel(booking) && (
                <div className="booking-cancel">
                  <button
                    type="button"
                    className="btn btn-danger"
                    data-testid="booking-cancel"
                    onClick={() => setCancelling(booking)}
                  >
                    {t('cancel.open')}
                  </button>
                </div>
              )}
            </section>
            <section className="card" aria-labelledby="breakdown-title">
              <h2 id="breakdown-title">{t('detail.price')}</h2>
              <PriceBreakdown breakdown={booking.breakdown} />
            </section>
          </div>
        </>
      )}
      <CancelBookingDialog booking={cancelling} onClose={() => setCancelling(null)} />
    </div>
  );
}
