import type { BookingView, Locale } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { BookingRowPayment } from '../checkout/booking-payment.tsx';
import { Pager } from '../directory/pager.tsx';
import { bookingReference, formatDay, formatMinor, partySummary } from '../packages/traveller-format.ts';
import { useBookingsLiveRefresh } from './bookings-live.ts';
import { BookingStatusBadge, clock, useHoldLeft } from './booking-status.tsx';
import { BOOKINGS_PAGE_SIZE, useMyBookings } from './bookings-queries.ts';
import { CancelBookingDialog, canCancel } from './cancel-booking-dialog.tsx';
import './my-bookings-page.css';

function HoldLeft({ booking }: { booking: BookingView }) {
  const { t, i18n } = useTranslation('booking');
  const left = useHoldLeft(booking.holdExpiresAt);
  return (
    <span className="booking-row-hold" data-testid="booking-row-hold">
      {left > 0 ? t('list.holdLeft', { time: clock(left, i18n.language) }) : t('detail.holdEnded')}
    </span>
  );
}

function BookingRow({ booking, onCancel }: { booking: BookingView; onCancel: (booking: BookingView) => void }) {
  const { t, i18n } = useTranslation('booking');
  return (
    <li className="card booking-row" data-testid="booking-row" data-booking-id={booking.id}>
      <div className="booking-row-main">
        <div className="booking-row-title">
          <h2>
            <Link to={`/bookings/${booking.id}`}>{booking.packageTitle}</Link>
          </h2>
          <BookingStatusBadge status={booking.status} />
        </div>
        <p className="muted booking-row-meta">
          {formatDay(booking.startDate, i18n.language, 'medium')} · {partySummary(booking.party, t)} ·{' '}
          {t('detail.reference', { reference: bookingReference(booking.id) })}
        </p>
        {booking.status === 'pending_payment' && <HoldLeft booking={booking} />}
        <BookingRowPayment booking={booking} />
      </div>
      <div className="booking-row-side">
        <strong className="booking-row-total" data-testid="booking-row-total">
          {formatMinor(booking.breakdown.totalMinor, booking.currency, i18n.language)}
        </strong>
        <div className="row booking-row-actions">
          {booking.status === 'pending_payment' && (
            <Link to={`/checkout/${booking.id}`} className="btn btn-primary btn-sm" data-testid="booking-row-pay">
              {t('billing:booking.pay')}
            </Link>
          )}
          <Link to={`/bookings/${booking.id}`} className="btn btn-secondary btn-sm">
            {t('list.open')}
          </Link>
          {canCancel(booking) && (
            <button
              type="button"
              className="btn btn-danger btn-sm"
              data-testid="booking-row-cancel"
              onClick={() => onCancel(booking)}
            >
              {t('cancel.open')}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** /bookings — the signed-in traveller's bookings, newest first, each cancellable while it can be. */
export function MyBookingsPage() {
  const { t, i18n } = useTranslation('booking');
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params.get('page'));
  const query = useMyBookings(page, undefined, i18n.language as Locale);
  useBookingsLiveRefresh();
  const [cancelling, setCancelling] = useState<BookingView | null>(null);
  useDocumentTitle(t('list.myTitle'));
  const data = query.data;

  return (
    <div className="stack" data-testid="my-bookings-page">
      <PageHeader title={t('list.myTitle')} subtitle={t('list.mySubtitle')} />
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {data && data.items.length === 0 && (
        <section className="empty-state" data-testid="bookings-empty" aria-labelledby="bookings-empty-title">
          <h2 id="bookings-empty-title">{t('list.emptyMyTitle')}</h2>
          <p className="muted">{t('list.emptyMyBody')}</p>
          <Link to="/packages" className="btn btn-primary">
            {t('list.browsePackages')}
          </Link>
        </section>
      )}
      {data && data.items.length > 0 && (
        <>
          <ul className="plain-list booking-list" aria-busy={query.isFetching}>
            {data.items.map((booking) => (
              <BookingRow key={booking.id} booking={booking} onCancel={setCancelling} />
            ))}
          </ul>
          <Pager
            page={page}
            pageSize={BOOKINGS_PAGE_SIZE}
            total={data.total}
            testIdPrefix="bookings-pager"
            onPage={(next) => setParams(next > 1 ? { page: String(next) } : {})}
          />
        </>
      )}
      <CancelBookingDialog booking={cancelling} onClose={() => setCancelling(null)} />
    </div>
  );
}
