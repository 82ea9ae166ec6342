import { notFound } from '@tourconnect/service-kit';

export const deliveryNotFound = () => notFound('E-mail');

/**
 * The event names a user this service has not heard of yet: identity's registration travels on
 * another consumer and may arrive later. Thrown as a retryable error, so the bus tries again
 * with backoff and dead-letters the event only if the user never shows up.
 */
export class RecipientNotKnownYet extends Error {
  override readonly name = 'RecipientNotKnownYet';
  constructor(userId: string) {
    super(`no recipient known for user ${userId} yet`);
  }
}
