/**
 * Stripe's test payment methods as the emulator answers them (infra/stripe-emulator's
 * payment-methods.ts): brand, last four digits and what confirming with each does, so the
 * card picker can say it in the traveller's language. An id not listed here shows the label
 * the server sent.
 */
export type CardOutcome =
  | 'succeeds'
  | 'generic_decline'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'processing_error'
  | 'lost_card'
  | 'stolen_card'
  | 'authentication_required'
  | 'disputed';

export interface KnownTestCard {
  brand: 'visa' | 'mastercard' | 'amex';
  last4: string;
  outcome: CardOutcome;
}

export const knownTestCards: Record<string, KnownTestCard> = {
  pm_card_visa: { brand: 'visa', last4: '4242', outcome: 'succeeds' },
  pm_card_visa_debit: { brand: 'visa', last4: '5556', outcome: 'succeeds' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444', outcome: 'succeeds' },
  pm_card_amex: { brand: 'amex', last4: '8431', outcome: 'succeeds' },
  pm_card_bypassPending: { brand: 'visa', last4: '0077', outcome: 'succeeds' },
  pm_card_chargeDeclined: { brand: 'visa', last4: '0002', outcome: 'generic_decline' },
  pm_card_insufficientFunds: { brand: 'visa', last4: '9995', outcome: 'insufficient_funds' },
  pm_card_expiredCard: { brand: 'visa', last4: '0069', outcome: 'expired_card' },
  pm_card_incorrectCvc: { brand: 'visa', last4: '0127', outcome: 'incorrect_cvc' },
  pm_card_processingError: { brand: 'visa', last4: '0119', outcome: 'processing_error' },
  pm_card_lostCard: { brand: 'visa', last4: '9987', outcome: 'lost_card' },
  pm_card_stolenCard: { brand: 'visa', last4: '9979', outcome: 'stolen_card' },
  pm_card_authenticationRequired: { brand: 'visa', last4: '3184', outcome: 'authentication_required' },
  pm_card_threeDSecure2Required: { brand: 'visa', last4: '3220', outcome: 'authentication_required' },
  pm_card_createDispute: { brand: 'visa', last4: '0259', outcome: 'disputed' },
};

export const brandNames: Record<KnownTestCard['brand'], string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
};

/** The short mark on the card's chip (a brand's name, not a word to translate). */
export const brandMarks: Record<KnownTestCard['brand'], string> = {
  visa: 'VISA',
  mastercard: 'MC',
  amex: 'AMEX',
};

/** Decline reasons errors.json translates; any other reason reads as a plain decline. */
export const declineCodes = [
  'generic_decline',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'processing_error',
  'lost_card',
  'stolen_card',
] as const;

/** Whether paying with the card ends in a decline (the picker marks those in red). */
export function declines(outcome: CardOutcome): boolean {
  return (declineCodes as readonly string[]).includes(outcome);
}

export function declineKey(code: string | undefined): string {
  return code && (declineCodes as readonly string[]).includes(code) ? code : 'card_declined';
}
