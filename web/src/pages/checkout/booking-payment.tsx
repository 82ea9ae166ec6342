import type { BookingView } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format.ts';
import { formatMinor } from '../packages/traveller-format.ts';
import { useBookingPayment } from './checkout-queries.ts';
import { ReceiptButton } from './receipt-button.tsx';
import './checkout-page.css';

/** A booking was paid once its PaymentIntent is known (bundling records it on confirmation). */
export function wasPaid(booking: BookingView): boolean {
  return booking.paymentIntentId !== null;
}

/** The awaiting-payment card's way to pay. */
export function PayNowLink({ booking, disabled }: { booking: BookingView; disabled: boolean }) {
  const { t, i18n } = useTranslation('billing');
  const amount = formatMinor(booking.breakdown.totalMinor, booking.currency, i18n.language);
  if (disabled) return null;
  return (
    <div className="pay-now">
      <Link to={`/checkout/${booking.id}`} className="btn btn-primary pay-now-button" data-testid="pay-now">
        {t('booking.payNow', { amount })}
      </Link>
      <p className="field-hint" style={{ margin: 0 }}>
        {t('booking.payNowHint')}
      </p>
    </div>
  );
}

/**
 * On a paid booking's page: what billing took and gave back (each refund with its date) and the
 * receipt. Nothing is shown from the booking alone: the figures are billing's.
 */
export function BookingPaymentCard({ booking }: { booking: BookingView }) {
  const { t, i18n } = useTranslation('billing');
  const payment = useBookingPayment(booking.id, wasPaid(booking));
  const data = payment.data;
  if (!wasPaid(booking) || !data) return null;
  const money = (minor: number) => formatMinor(minor, data.currency, i18n.language);
  const paid = data.status === 'succeeded';
  return (
    <section className="card booking-payment" aria-labelledby="payment-title" data-testid="booking-payment">
      <h2 id="payment-title">{t('booking.paymentTitle')}</h2>
      <ul className="plain-list booking-payment-lines">
        {paid && (
          <li data-testid="booking-paid">
            <span className="booking-payment-mark is-paid" aria-hidden="true">
              ✓
            </span>
            {t('booking.paid', { amount: money(data.amountMinor) })}
          </li>
        )}
        {data.refunds.map((refund) => (
          <li key={refund.id} data-testid="booking-refund" data-status={refund.status}>
            <span className="booking-payment-mark" aria-hidden="true">
              ↩
            </span>
            {refund.status === 'succeeded'
              ? t('booking.refunded', {
                  amount: money(refund.amountMinor),
                  date: formatDateTime(refund.createdAt, i18n.language),
                })
              : refund.status === 'failed'
                ? t('booking.refundFailed', { amount: money(refund.amountMinor) })
                : t('booking.refundPending', {
                    amount: money(refund.amountMinor),
                    date: formatDateTime(refund.createdAt, i18n.language),
                  })}
          </li>
        ))}
      </ul>
      {data.receiptAvailable && <ReceiptButton bookingId={booking.id} />}
    </section>
  );
}

/** My bookings: one line of what was paid and refunded, read from billing for paid bookings only. */
export function BookingRowPayment({ booking }: { booking: BookingView }) {
  const { t, i18n } = useTranslation('billing');
  const payment = useBookingPayment(booking.id, wasPaid(booking));
  const data = payment.data;
  if (!data || data.status !== 'succeeded') return null;
  const money = (minor: number) => formatMinor(minor, data.currency, i18n.language);
  return (
    <span className="booking-row-payment" data-testid="booking-row-payment">
      {t('booking.paid', { amount: money(data.amountMinor) })}
      {data.amountRefundedMinor > 0 && (
        <> · {t('booking.refundedTotal', { amount: money(data.amountRefundedMinor) })}</>
      )}
    </span>
  );
}
