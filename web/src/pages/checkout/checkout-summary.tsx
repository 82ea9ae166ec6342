import type { BookingView } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PolicyNote } from '../packages/policy-note.tsx';
import { PriceBreakdown } from '../packages/price-breakdown.tsx';
import { formatDay, partySummary } from '../packages/traveller-format.ts';

/** What is being paid for: the package, the day, the party and the booking's own price breakdown. */
export function CheckoutSummary({ booking }: { booking: BookingView }) {
  const { t, i18n } = useTranslation('billing');
  return (
    <aside className="card checkout-summary" aria-labelledby="summary-title" data-testid="checkout-summary">
      <h2 id="summary-title">{t('summary.title')}</h2>
      <p className="checkout-summary-package">
        <Link to={`/packages/${booking.packageId}`}>{booking.packageTitle}</Link>
      </p>
      <dl className="dl checkout-summary-facts">
        <dt>{t('summary.start')}</dt>
        <dd>{formatDay(booking.startDate, i18n.language, 'full')}</dd>
        <dt>{t('summary.party')}</dt>
        <dd>{partySummary(booking.party, t)}</dd>
      </dl>
      <h3>{t('summary.breakdown')}</h3>
      <PriceBreakdown breakdown={booking.breakdown} />
      <div className="checkout-policy">
        <h3>{t('summary.policy')}</h3>
        <PolicyNote policy={booking.policy} />
      </div>
    </aside>
  );
}
