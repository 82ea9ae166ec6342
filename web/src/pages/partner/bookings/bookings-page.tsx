import { bookingStatuses, type BookingStatus, type PartnerBookingView, type UnitCode } from '@contracts/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/form-fields.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { WithMyPartner } from '../with-my-partner.tsx';
import { formatMinor } from '../catalogue/money.ts';
import { Pager } from '../catalogue/pager.tsx';
import { useLang } from '../catalogue/use-lang.ts';
import { usePartnerBookings } from './bookings-queries.ts';
import { bookingReference } from '../../packages/traveller-format.ts';
import './bookings-page.css';

const statusTone: Record<BookingStatus, string> = {
  pending_payment: 'badge-warning',
  confirmed: 'badge-success',
  cancelled: 'badge-danger',
  expired: 'badge-neutral',
};

const partyOrder = ['adult', 'child', 'infant', 'senior'] as const;

function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function shortDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function BookingCard({ booking }: { booking: PartnerBookingView }) {
  const { t, i18n } = useTranslation('packages');
  const money = (minor: number) => formatMinor(minor, booking.currency, i18n.language);
  const party = partyOrder
    .filter((band) => (booking.party[band] ?? 0) > 0)
    .map((band) => t(`bookings.party_${band}`, { count: booking.party[band] ?? 0 }))
    .join(', ');
  return (
    <li className="card booking-card" data-testid="partner-booking" data-status={booking.status}>
      <div className="booking-head">
        <div>
          <h3 className="booking-title">{booking.packageTitle}</h3>
          <p className="muted booking-when">{formatDay(booking.startDate, i18n.language)}</p>
        </div>
        <div className="row booking-badges">
          <span className={`badge ${statusTone[booking.status]}`} data-testid="booking-status">
            {t(`bookings.status.${booking.status}`)}
          </span>
          <span className="badge badge-neutral booking-role">
            {booking.isSeller ? t('bookings.seller') : t('bookings.supplier')}
          </span>
        </div>
      </div>
      <dl className="dl booking-facts">
        <dt>{t('bookings.party')}</dt>
        <dd>{party || '—'}</dd>
        <dt>{t('bookings.booked')}</dt>
        <dd>{formatDateTime(booking.createdAt, i18n.language)}</dd>
        <dt>{t('bookings.reference')}</dt>
        <dd className="mono">{bookingReference(booking.id)}</dd>
      </dl>
      <div>
        <h4 className="booking-subtitle">{t('bookings.yourLines')}</h4>
        <ul className="plain-list booking-lines">
          {booking.lines.map((line) => (
            <li key={line.position} className="booking-line" data-testid="partner-booking-line">
              <div className="booking-line-main">
                <strong>{line.title}</strong>
                <span className="muted">
                  {line.dates
                    .map((d) => `${shortDay(d.date, i18n.language)}${d.startTime ? ` ${d.startTime}` : ''}`)
                    .join(', ')}
                  {' · '}
                  {line.units
                    .map((unit) => `${unit.quantity} × ${t(`catalogue:units.${unit.code as UnitCode}`)}`)
                    .join(', ')}
                </span>
              </div>
              <div className="booking-line-figures">
                <span className="muted">{t('bookings.lineNet', { amount: money(line.netMinor) })}</span>
                {!booking.isSeller && (
                  <span>{t('bookings.lineShare', { amount: money(line.supplierShareMinor) })}</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      </div>
      <p className="booking-share" data-testid="booking-share">
        <span>{t('bookings.share')}</span>
        <strong>{money(booking.shareMinor)}</strong>
      </p>
      {booking.isSeller && (
        <p className="field-hint" style={{ margin: 0 }}>
          {t('bookings.sellerShareHint')}
        </p>
      )}
    </li>
  );
}

function PartnerBookings() {
  const { t } = useTranslation('packages');
  const lang = useLang();
  const [status, setStatus] = useState<BookingStatus | ''>('');
  const [page, setPage] = useState(1);
  const bookings = usePartnerBookings({ lang, page, ...(status ? { status } : {}) });
  return (
    <div className="stack" data-testid="partner-bookings-page">
      <div>
        <h2 style={{ margin: 0 }}>{t('bookings.title')}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t('bookings.subtitle')}
        </p>
      </div>
      <div style={{ maxWidth: 260 }}>
        <SelectField
          label={t('bookings.filterStatus')}
          value={status}
          placeholder={t('bookings.allStatuses')}
          options={bookingStatuses.map((value) => ({ value, label: t(`bookings.status.${value}`) }))}
          testId="booking-filter-status"
          onChange={(event) => {
            setStatus(event.target.value as BookingStatus | '');
            setPage(1);
          }}
        />
      </div>
      {bookings.isPending ? (
        <Loading />
      ) : bookings.isError ? (
        <ProblemAlert error={bookings.error} />
      ) : bookings.data.items.length === 0 ? (
        <section className="empty-state" data-testid="partner-bookings-empty">
          <h2>{status ? t('bookings.noMatchTitle') : t('bookings.emptyTitle')}</h2>
          <p className="muted">{status ? t('bookings.noMatchBody') : t('bookings.emptyBody')}</p>
        </section>
      ) : (
        <>
          <ul className="plain-list booking-list" data-testid="partner-booking-list">
            {bookings.data.items.map((booking) => (
              <BookingCard key={booking.id} booking={booking} />
            ))}
          </ul>
          <Pager page={page} pageSize={bookings.data.pageSize} total={bookings.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}

export function PartnerBookingsPage() {
  const { t } = useTranslation('packages');
  useDocumentTitle(t('bookings.title'));
  return <WithMyPartner>{() => <PartnerBookings />}</WithMyPartner>;
}
