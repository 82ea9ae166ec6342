import type { BookingView } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format.ts';
import { formatMinor } from '../packages/traveller-format.ts';
import { ReceiptButton } from './receipt-button.tsx';

/** Paid: the page waits for the booking's confirmation (push, else polling). */
export function Confirming({ booking, slow, onCheck }: { booking: BookingView; slow: boolean; onCheck: () => void }) {
  const { t } = useTranslation('billing');
  return (
    <section className="card checkout-state" data-testid="checkout-confirming" aria-live="polite">
      <div className="checkout-state-icon is-working" aria-hidden="true">
        <span className="spinner" />
      </div>
      <h2>{t('confirming.title')}</h2>
      <p className="muted">{t('confirming.body')}</p>
      {slow && (
        <div className="alert alert-warning" data-testid="checkout-confirming-slow">
          <p className="alert-title">{t('confirming.slowTitle')}</p>
          <p style={{ margin: '0 0 var(--space-3)' }}>{t('confirming.slowBody')}</p>
          <div className="row">
            <button type="button" className="btn btn-secondary btn-sm" onClick={onCheck}>
              {t('confirming.checkAgain')}
            </button>
            <Link to={`/bookings/${booking.id}`} className="btn btn-ghost btn-sm">
              {t('checkout.toBooking')}
            </Link>
          </div>
        </div>
      )}
    </section>
  );
}

export function Confirmed({ booking }: { booking: BookingView }) {
  const { t, i18n } = useTranslation('billing');
  return (
    <section className="card checkout-state is-confirmed" data-testid="checkout-confirmed" aria-live="polite">
      <div className="checkout-state-icon is-done" aria-hidden="true">
        ✓
      </div>
      <h2>{t('confirmed.title')}</h2>
      <p>
        {t('confirmed.body', {
          amount: formatMinor(booking.pricePaidMinor, booking.currency, i18n.language),
          time: formatDateTime(booking.confirmedAt, i18n.language),
        })}
      </p>
      <p className="muted">{t('confirmed.email')}</p>
      <div className="row checkout-state-actions">
        <ReceiptButton bookingId={booking.id} primary />
        <Link to={`/bookings/${booking.id}`} className="btn btn-secondary btn-sm" data-testid="checkout-to-booking">
          {t('checkout.toBooking')}
        </Link>
      </div>
    </section>
  );
}

/** The hold ended before payment: the places went back on sale, nothing was charged. */
export function HoldExpired({ booking }: { booking: BookingView }) {
  const { t } = useTranslation('billing');
  return (
    <section className="card checkout-state" data-testid="checkout-expired">
      <div className="checkout-state-icon" aria-hidden="true">
        ⏱
      </div>
      <h2>{t('expired.title')}</h2>
      <p className="muted">{t('expired.body')}</p>
      <div className="row checkout-state-actions">
        <Link to={`/packages/${booking.packageId}`} className="btn btn-primary" data-testid="checkout-back-to-package">
          {t('expired.backToPackage')}
        </Link>
      </div>
    </section>
  );
}

export function Cancelled({ booking }: { booking: BookingView }) {
  const { t } = useTranslation('billing');
  return (
    <section className="card checkout-state" data-testid="checkout-cancelled">
      <h2>{t('cancelled.title')}</h2>
      <p className="muted">{t('cancelled.body')}</p>
      <div className="row checkout-state-actions">
        <Link to={`/bookings/${booking.id}`} className="btn btn-secondary">
          {t('checkout.toBooking')}
        </Link>
      </div>
    </section>
  );
}

/** The checkout refused the booking for a reason the traveller cannot fix here (e.g. payouts not ready). */
export function CannotPay({ booking, code }: { booking: BookingView; code: string }) {
  const { t } = useTranslation('billing');
  return (
    <section className="card checkout-state" data-testid="checkout-unavailable" data-code={code}>
      <h2>{t('unavailable.title')}</h2>
      <p className="muted">{t(`errors:${code}`, { defaultValue: t('errors:generic') })}</p>
      <p className="muted">{t('unavailable.body')}</p>
      <div className="row checkout-state-actions">
        <Link to={`/bookings/${booking.id}`} className="btn btn-secondary">
          {t('checkout.toBooking')}
        </Link>
      </div>
    </section>
  );
}
