import type { BookingStatus } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useCountdown } from '../../lib/use-countdown.ts';

const badgeClass: Record<BookingStatus, string> = {
  pending_payment: 'badge badge-warning',
  confirmed: 'badge badge-success',
  cancelled: 'badge badge-danger',
  expired: 'badge badge-neutral',
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  const { t } = useTranslation('booking');
  return (
    <span className={badgeClass[status]} data-testid="booking-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** "14:59" from seconds, "1:04:59" past an hour; digits in the UI language. */
export function clock(seconds: number, language: string): string {
  const two = (n: number) => formatNumber(n, language).padStart(2, formatNumber(0, language));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${formatNumber(h, language)}:${two(m)}:${two(s)}` : `${formatNumber(m, language)}:${two(s)}`;
}

/** Seconds left on a hold, ticking; 0 once past. */
export function useHoldLeft(holdExpiresAt: string | null): number {
  const until = holdExpiresAt ? Date.parse(holdExpiresAt) : null;
  return useCountdown(until !== null && Number.isFinite(until) ? until : null);
}
