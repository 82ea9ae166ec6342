import { z } from 'zod';

/**
 * billing's admin API for money oversight: reconciliation of the ledger with Stripe, disputes
 * and the money audit log. Amounts are integer minor units of `currency` (ISO 4217, upper case).
 * (The fee configuration, GET/PUT /api/admin/billing/fees, has its own contract.)
 */

const instant = z.string().meta({ format: 'date-time' });

export const reconciliationTriggers = ['schedule', 'admin'] as const;
export type ReconciliationTrigger = (typeof reconciliationTriggers)[number];

export const reconciliationRunStatuses = ['running', 'succeeded', 'failed'] as const;
export type ReconciliationRunStatus = (typeof reconciliationRunStatuses)[number];

/**
 * What a mismatch is about. `charge_*`: the captured amount; `transfers_*`/`transfer_*`: the
 * partners' transfers; `refunds_total`: the refunded amount; `split_invariant`: charge ≠ Σ
 * transfers + platform fee; `refund_invariant`: refund ≠ Σ reversals + platform refund;
 * `journal_unbalanced`: a ledger journal whose debits ≠ credits; `stripe_fee`: the recorded
 * processing fee ≠ Stripe's; `payment_status`: billing and Stripe disagree on the outcome;
 * `stripe_unreadable`: Stripe could not be read for the booking.
 */
export const mismatchKinds = [
  'charge_ledger',
  'charge_stripe',
  'payment_status',
  'transfers_total',
  'transfer_missing_in_ledger',
  'transfer_missing_at_stripe',
  'refunds_total',
  'split_invariant',
  'refund_invariant',
  'journal_unbalanced',
  'stripe_fee',
  'stripe_unreadable',
  'dispute',
] as const;
export type MismatchKind = (typeof mismatchKinds)[number];

/** POST /api/admin/billing/reconcile body (optional; Fastify hands over null when there is none): only payments created at or after `since`. */
export const reconcileBodySchema = z
  .strictObject({ since: z.iso.datetime({ offset: true, message: 'invalid_since' }).optional() })
  .nullish();
export type ReconcileBody = z.infer<typeof reconcileBodySchema>;

/** POST /api/admin/billing/reconcile → 202: the run goes on in the background; poll the view. */
export const reconcileStartedSchema = z.object({ runId: z.uuid() });
export type ReconcileStarted = z.infer<typeof reconcileStartedSchema>;

export const reconciliationRunSchema = z.object({
  id: z.uuid(),
  trigger: z.enum(reconciliationTriggers),
  status: z.enum(reconciliationRunStatuses),
  bookingsChecked: z.number().int(),
  mismatchCount: z.number().int(),
  /** Bookings with at least one mismatch ÷ bookings checked (0 when none were checked). */
  mismatchRate: z.number(),
  startedAt: instant,
  finishedAt: instant.nullable(),
  /** Why a failed run stopped, in words. */
  error: z.string().nullable(),
});
export type ReconciliationRun = z.infer<typeof reconciliationRunSchema>;

export const reconciliationMismatchSchema = z.object({
  bookingId: z.uuid().nullable(),
  kind: z.enum(mismatchKinds),
  expectedMinor: z.number().int().nullable(),
  actualMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  /** What was found and what to do about it, for an admin (English). */
  cause: z.string(),
  /**
   * The same cause as a code and its values, for the portal to say it in the admin's language
   * (values named …Minor are amounts in `currency`); null for a mismatch stored without one.
   */
  causeCode: z.string().nullable(),
  causeParams: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ReconciliationMismatch = z.infer<typeof reconciliationMismatchSchema>;

/** GET /api/admin/billing/reconciliation: the latest runs (newest first) and the last finished run's findings. */
export const reconciliationViewSchema = z.object({
  runs: z.array(reconciliationRunSchema),
  latest: z
    .object({
      runId: z.uuid(),
      status: z.enum(reconciliationRunStatuses),
      mismatches: z.array(reconciliationMismatchSchema),
    })
    .nullable(),
});
export type ReconciliationView = z.infer<typeof reconciliationViewSchema>;

/** GET /api/admin/billing/disputes, newest first. */
export const adminDisputeSchema = z.object({
  id: z.string(),
  bookingId: z.uuid().nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  createdAt: instant,
  /** A lost dispute's chargeback as the ledger booked it; null while none was posted. */
  outcome: z
    .object({
      canceledTransfers: z.number().int(),
      canceledMinor: z.number().int(),
      lossMinor: z.number().int(),
      feeMinor: z.number().int(),
    })
    .nullable(),
});
export type AdminDispute = z.infer<typeof adminDisputeSchema>;
export const adminDisputesSchema = z.array(adminDisputeSchema);

/** GET /api/admin/billing/audit?cursor=&limit= (cursor: the `seq` of the last entry of the previous page). */
export const moneyAuditQuerySchema = z.strictObject({
  cursor: z.coerce.number({ message: 'invalid_cursor' }).int({ message: 'invalid_cursor' }).min(1).optional(),
  limit: z.coerce.number({ message: 'invalid_limit' }).int({ message: 'invalid_limit' }).min(1).max(100).default(25),
});
export type MoneyAuditQuery = z.infer<typeof moneyAuditQuerySchema>;

export const moneyAuditEntrySchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  bookingId: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  occurredAt: instant,
});
export type MoneyAuditEntry = z.infer<typeof moneyAuditEntrySchema>;

export const moneyAuditPageSchema = z.object({
  items: z.array(moneyAuditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: z.number().int().nullable(),
  /** The whole hash chain checked (first page only; null on later pages). */
  chain: z
    .object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBrokenSeq: z.number().int().nullable(),
    })
    .nullable(),
});
export type MoneyAuditPage = z.infer<typeof moneyAuditPageSchema>;
