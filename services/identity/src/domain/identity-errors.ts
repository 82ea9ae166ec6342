import { AppError, conflict, unauthorized } from '@tourconnect/service-kit';

export const invalidCredentials = () => unauthorized('invalid_credentials', 'The e-mail or password is not correct');
export const refreshTokenInvalid = () => unauthorized('refresh_token_invalid', 'Your session has ended; sign in again');
export const refreshTokenReused = () =>
  unauthorized('refresh_token_reused', 'This session was used from somewhere else and has been ended; sign in again');
export const emailTaken = () => conflict('email_taken', 'An account with this e-mail already exists');
export const accountGone = () => unauthorized('token_invalid', 'This account no longer exists');

/** An e-mailed link that is unknown, already used, replaced by a newer one, or for an address the account left. */
export const linkInvalid = () => new AppError(400, 'link_invalid', 'This link is not valid or was already used');
export const linkExpired = () => new AppError(400, 'link_expired', 'This link has expired; ask for a new one');
export const emailAlreadyVerified = () => conflict('email_already_verified', 'This e-mail address is already verified');
export const emailUnchanged = () => new AppError(400, 'email_unchanged', 'This is already your e-mail address');

/** One e-mail of a kind per account per cooldown (EMAIL_COOLDOWN_SECONDS): a mailbox cannot be flooded through us. */
export const emailSentRecently = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', `An e-mail was sent moments ago; try again in ${retryAfterSeconds} s`, undefined, {
    'retry-after': String(retryAfterSeconds),
  });

/**
 * The account of a live partner's owner cannot be deleted (issue 11): they hand the partner to
 * another member (POST /api/partners/me/members/:userId/make-owner) or delete it first.
 */
export const partnerOwnerAccount = () =>
  conflict(
    'partner_owner_account',
    'You own a partner on TourConnect: hand ownership to another member or delete the partner first',
  );
