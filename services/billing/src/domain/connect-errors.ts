import { AppError, conflict } from '@tourconnect/service-kit';

/**
 * The Connect and payouts errors, one factory per stable `code` (the portal translates each in
 * web/src/locales/<lang>/errors.json).
 */
export const notAPartner = () =>
  new AppError(403, 'not_a_partner', 'Only a member of a partner can do this; register your business first');
export const partnerRoleForbidden = () =>
  new AppError(403, 'partner_role_forbidden', 'Only the owner or a manager of the partner can set up payouts');
export const partnerNotVerified = () =>
  conflict('partner_not_verified', 'Only a verified partner can set up payouts; wait for the review first');
export const connectUrlNotAllowed = (path: 'returnUrl' | 'refreshUrl') =>
  new AppError(400, 'validation_failed', 'Return and refresh links must point to the portal itself', [
    { path, code: 'connect_url_not_allowed', message: 'not on the portal’s origin' },
  ]);
export const stripeUnavailable = () =>
  new AppError(503, 'service_unavailable', 'The payment provider did not answer; try again in a minute');
