import { AppError } from '@tourconnect/service-kit';

/**
 * The documents' problems, one per stable `code` (translated in web/src/locales/<lang>/errors.json).
 * Someone else's receipt or invoice answers the same 404 as a missing one: nothing leaks.
 */
export const receiptNotFound = () => new AppError(404, 'receipt_not_found', 'No receipt for this booking');
export const receiptLinkExpired = () =>
  new AppError(
    410,
    'receipt_link_expired',
    'This receipt link has expired; download the receipt from the booking page',
  );
export const invoiceNotFound = () => new AppError(404, 'invoice_not_found', 'No such invoice');
export const invalidPeriod = (detail: string) => new AppError(400, 'invalid_period', detail);
export const partnerMembershipRequired = () =>
  new AppError(403, 'partner_membership_required', 'Only a member of a partner can read its statements and invoices');
