import { z } from 'zod';

/**
 * billing's Connect and partner-money API as the service validates it and the portal reads it:
 * the partner's Stripe Express account (onboarding link, status), its balance, transfers and
 * payouts. Amounts are integer minor units of `currency`; instants are ISO 8601 strings.
 */

const portalUrl = z.url({ message: 'invalid_url' }).max(2000, { message: 'invalid_url' });

export const connectOnboardRequestSchema = z
  .object({
    /** Where Stripe sends the partner back; only the portal's own origin (default /partner/payouts?connect=return). */
    returnUrl: portalUrl.optional(),
    /** Where an expired or used link leads (default /partner/payouts?connect=refresh). */
    refreshUrl: portalUrl.optional(),
  })
  .default({});
export type ConnectOnboardRequest = z.infer<typeof connectOnboardRequestSchema>;

export const connectAccountStatuses = ['pending', 'restricted', 'enabled'] as const;
export const connectStatuses = ['none', ...connectAccountStatuses] as const;
export type ConnectStatusValue = (typeof connectStatuses)[number];

export const connectOnboardResponseSchema = z.object({
  accountId: z.string(),
  /** Stripe's hosted onboarding page, single use and short-lived: open it at once. */
  url: z.string(),
  status: z.enum(connectAccountStatuses),
});
export type ConnectOnboardResponse = z.infer<typeof connectOnboardResponseSchema>;

export const connectStatusSchema = z.object({
  /** none: not started; pending: onboarding not finished; restricted: Stripe needs more; enabled: shares can be paid. */
  status: z.enum(connectStatuses),
  accountId: z.string().nullable(),
  requirementsDue: z.array(z.string()),
  transfersEnabled: z.boolean(),
  payoutsEnabled: z.boolean(),
});
export type ConnectStatusView = z.infer<typeof connectStatusSchema>;

export const partnerBalanceSchema = z.array(
  z.object({ currency: z.string(), availableMinor: z.number().int(), pendingMinor: z.number().int() }),
);
export type PartnerBalance = z.infer<typeof partnerBalanceSchema>;

export const partnerTransfersQuerySchema = z.object({
  /** The id of the last transfer of the previous page. */
  cursor: z.uuid({ message: 'invalid_cursor' }).optional(),
});

export const partnerTransferSchema = z.object({
  id: z.uuid(),
  bookingId: z.uuid(),
  packageTitle: z.string(),
  amountMinor: z.number().int(),
  amountReversedMinor: z.number().int(),
  currency: z.string(),
  status: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const partnerTransfersSchema = z.array(partnerTransferSchema);
export type PartnerTransfer = z.infer<typeof partnerTransferSchema>;

export const payoutStatuses = ['pending', 'in_transit', 'paid', 'failed', 'canceled'] as const;
export const partnerPayoutSchema = z.object({
  id: z.uuid(),
  amountMinor: z.number().int(),
  currency: z.string(),
  status: z.enum(payoutStatuses),
  /** When the money is expected on (or reached) the bank account. */
  arrivalAt: z.string().nullable(),
  /** The earnings period the payout covers, [periodStart, periodEnd). */
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  /** Stripe's failure code when it failed (e.g. account_closed). */
  failureCode: z.string().nullable(),
});
export const partnerPayoutsSchema = z.array(partnerPayoutSchema);
export type PartnerPayout = z.infer<typeof partnerPayoutSchema>;
