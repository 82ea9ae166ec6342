import { conflict, unauthorized } from '@tourconnect/service-kit';

export const invalidCredentials = () => unauthorized('invalid_credentials', 'The e-mail or password is not correct');
export const refreshTokenInvalid = () => unauthorized('refresh_token_invalid', 'Your session has ended; sign in again');
export const refreshTokenReused = () =>
  unauthorized('refresh_token_reused', 'This session was used from somewhere else and has been ended; sign in again');
export const emailTaken = () => conflict('email_taken', 'An account with this e-mail already exists');
export const accountGone = () => unauthorized('token_invalid', 'This account no longer exists');
