import { AppError, conflict } from '@tourconnect/service-kit';

/**
 * The checkout's domain errors, one factory per stable `code` (the portal translates each in
 * web/src/locales/<lang>/errors.json).
 */
export const bookingNotFound = () => new AppError(404, 'booking_not_found', 'No such booking of yours');
export const bookingExpired = () =>
  conflict('booking_expired', 'The hold on this booking ran out; book the package again');
export const bookingCancelled = () => conflict('booking_cancelled', 'This booking was cancelled');
export const bookingAlreadyPaid = () => conflict('booking_already_paid', 'This booking is already paid');
export const partnerPayoutsNotReady = () =>
  conflict('partner_payouts_not_ready', 'A partner of this package cannot receive payments yet; try again later');
export const paymentNotFound = () => new AppError(404, 'payment_not_found', 'No such payment of yours');
export const stripeModeReal = () =>
  conflict('stripe_mode_real', 'Payments are confirmed by the card form (Stripe.js) against real Stripe');
export const cardDeclined = (declineCode: string, message: string) =>
  new AppError(402, 'card_declined', message, [{ path: 'paymentMethod', code: declineCode, message }]);
export const paymentProviderUnavailable = () =>
  new AppError(503, 'payment_provider_unavailable', 'The payment provider is not answering; try again in a moment');
export const checkoutInProgress = () =>
  conflict('checkout_in_progress', 'Another checkout of this booking is still being set up; try again in a moment');
