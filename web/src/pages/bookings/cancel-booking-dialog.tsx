import type { BookingView } from '@contracts/http';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { formatMinor } from '../packages/traveller-format.ts';
import { useCancelBooking } from './bookings-queries.ts';

export function canCancel(booking: BookingView): boolean {
  return booking.status === 'pending_payment' || booking.status === 'confirmed';
}

interface CancelDialogProps {
  booking: BookingView | null;
  onClose: () => void;
}

/**
 * Cancelling asks first and says what comes back under the policy right now (the API's
 * refundNow): nothing for an unpaid booking (its held places are released), else the amount.
 */
export function CancelBookingDialog({ booking, onClose }: CancelDialogProps) {
  const { t, i18n } = useTranslation('booking');
  const cancel = useCancelBooking();
  const money = (minor: number) => (booking ? formatMinor(minor, booking.currency, i18n.language) : '');
  const close = () => {
    cancel.reset();
    onClose();
  };
  let refund = '';
  if (booking) {
    if (booking.status === 'pending_payment') refund = t('cancel.unpaid');
    else if (booking.refundNow.amountMinor > 0)
      refund = t('cancel.refund', {
        amount: money(booking.refundNow.amountMinor),
        percent: booking.refundNow.percent,
        paid: money(booking.pricePaidMinor),
      });
    else refund = t('cancel.noRefund', { paid: money(booking.pricePaidMinor) });
  }
  return (
    <ConfirmDialog
      open={booking !== null}
      title={t('cancel.title')}
      confirmLabel={cancel.isPending ? t('cancel.cancelling') : t('cancel.confirm')}
      danger
      pending={cancel.isPending}
      testId="cancel-booking-dialog"
      onCancel={close}
      onConfirm={() => {
        if (booking) cancel.mutate(booking.id, { onSuccess: close });
      }}
    >
      {booking && (
        <>
          <p style={{ marginTop: 0 }}>{t('cancel.question', { title: booking.packageTitle })}</p>
          <p className="cancel-refund" data-testid="cancel-refund">
            <strong>{refund}</strong>
          </p>
          <ProblemAlert error={cancel.error} />
        </>
      )}
    </ConfirmDialog>
  );
}
