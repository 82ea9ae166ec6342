import { z } from 'zod';

/**
 * A partner's holding period (GET/PUT /api/admin/billing/partners/:partnerId/holding): its
 * shares are transferred `holdingDays` days after the booking's first service date (0 = as soon
 * as the booking is confirmed and paid). Only transfers scheduled after a change use the new
 * value; transfers already scheduled keep their date.
 */

export const MIN_HOLDING_DAYS = 0;
export const MAX_HOLDING_DAYS = 365;

export const holdingParamsSchema = z.object({ partnerId: z.uuid() });

export const holdingSchema = z.object({
  partnerId: z.uuid(),
  holdingDays: z.number().int(),
  /** HOLDING_DAYS_DEFAULT: what applies to a partner whose holding period is 0. */
  defaultDays: z.number().int(),
});
export type PartnerHolding = z.infer<typeof holdingSchema>;

/** Whole days, 0–365 (the route answers 422 holding_days_out_of_range outside). */
export const putHoldingBodySchema = z.object({
  holdingDays: z.number().int({ message: 'holding_days_out_of_range' }),
});
export type PutHoldingBody = z.infer<typeof putHoldingBodySchema>;
