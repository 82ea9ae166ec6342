import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditTable } from '@tourconnect/audit';
import { eventTables } from '@tourconnect/events';

/** billing's own PostgreSQL schema; no other service reads it. */
export const SCHEMA_NAME = 'billing';
export const billingSchema = pgSchema(SCHEMA_NAME);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Money: integer minor units of the row's `currency`, never floats. */
const minor = (name: string) => bigint(name, { mode: 'number' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const currency = () => text('currency').notNull();

// ─── Projections of partners' events ─────────────────────────────────────────────────────

/**
 * Partners as billing knows them from partners' events: the legal name and VAT id printed on
 * invoices, the type the platform fee may depend on, the status (only a verified partner
 * onboards to Connect).
 */
export const partners = billingSchema.table('partners', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  legalName: text('legal_name'),
  vatId: text('vat_id'),
  country: text('country'),
  type: text('type').notNull(),
  status: text('status').notNull(),
  verified: boolean('verified').notNull().default(false),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** Who acts for which partner (a user belongs to at most one), from partners' member events. */
export const members = billingSchema.table(
  'members',
  {
    userId: uuid('user_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    role: text('role').notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('members_partner_idx').on(t.partnerId)],
);

// ─── Platform fee configuration ──────────────────────────────────────────────────────────

export const feeScopes = ['global', 'partner_type', 'partner'] as const;

/**
 * The platform fee in basis points. The most specific rule wins: a partner's contract, then
 * its type, then the global one (`scope_key` '*'). Changing a rule never changes a booking
 * already split: booking_splits keep the basis points they used.
 */
export const feeRules = billingSchema.table(
  'fee_rules',
  {
    scope: text('scope', { enum: feeScopes }).notNull(),
    scopeKey: text('scope_key').notNull(),
    bps: integer('bps').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.scopeKey] }),
    check('fee_rules_scope_ck', sql`${t.scope} IN (${inList(feeScopes)})`),
    check('fee_rules_bps_ck', sql`${t.bps} BETWEEN 0 AND 10000`),
  ],
);

// ─── Connect accounts ────────────────────────────────────────────────────────────────────

export const accountStatuses = ['pending', 'restricted', 'enabled'] as const;

/** A partner's Stripe connected account (Express), kept current by `account.updated`. */
export const partnerAccounts = billingSchema.table(
  'partner_accounts',
  {
    partnerId: uuid('partner_id').primaryKey(),
    stripeAccountId: text('stripe_account_id').notNull(),
    status: text('status', { enum: accountStatuses }).notNull().default('pending'),
    /** Stripe's requirements.currently_due (+ past_due), for the partner to see what is missing. */
    requirementsDue: jsonb('requirements_due').$type<string[]>().notNull().default([]),
    chargesEnabled: boolean('charges_enabled').notNull().default(false),
    payoutsEnabled: boolean('payouts_enabled').notNull().default(false),
    /** The `transfers` capability is active: the partner can receive its shares. */
    transfersActive: boolean('transfers_active').notNull().default(false),
    /** Holding period: a share is transferred N days after the service date (0 = at once). */
    holdingDays: integer('holding_days').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('partner_accounts_stripe_uq').on(t.stripeAccountId),
    check('partner_accounts_status_ck', sql`${t.status} IN (${inList(accountStatuses)})`),
    check('partner_accounts_holding_ck', sql`${t.holdingDays} BETWEEN 0 AND 365`),
  ],
);

// ─── Bookings (projection of bundling's booking events) ─────────────────────────────────

export const billingBookingStatuses = ['held', 'expired', 'confirmed', 'cancelled'] as const;

/** One line of a booking as bundling priced it (BookingItemV1, camelCase). */
export interface BookingLine {
  position: number;
  itemId: string;
  itemType: string;
  /** The item's title in the traveller's language (absent on bookings projected before it was sent). */
  title?: string;
  partnerId: string;
  quantity: number;
  availabilityId: string | null;
  startsAt: string | null;
  unitPriceMinor: number;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  supplierShareMinor: number;
}

/**
 * A booking as billing needs it to charge, split and refund: the amount comes from here
 * (bundling's priced booking), never from the client.
 */
export const bookings = billingSchema.table(
  'bookings',
  {
    id: uuid('id').primaryKey(),
    packageId: uuid('package_id').notNull(),
    userId: uuid('user_id').notNull(),
    sellerPartnerId: uuid('seller_partner_id').notNull(),
    packageTitle: text('package_title').notNull().default(''),
    currency: currency(),
    subtotalMinor: minor('subtotal_minor').notNull(),
    bundleDiscountMinor: minor('bundle_discount_minor').notNull().default(0),
    couponDiscountMinor: minor('coupon_discount_minor').notNull().default(0),
    totalMinor: minor('total_minor').notNull(),
    couponCode: text('coupon_code'),
    affiliateCode: text('affiliate_code'),
    lines: jsonb('lines').$type<BookingLine[]>().notNull(),
    /** Partners whose items the booking holds (the seller included), for IDOR checks. */
    partnerIds: uuid('partner_ids').array().notNull(),
    holdExpiresAt: at('hold_expires_at').notNull(),
    /** The earliest service start, for holding periods and statements. */
    firstServiceAt: at('first_service_at'),
    status: text('status', { enum: billingBookingStatuses }).notNull().default('held'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('bookings_user_idx').on(t.userId, t.createdAt),
    index('bookings_partners_idx').using('gin', t.partnerIds),
    check('bookings_status_ck', sql`${t.status} IN (${inList(billingBookingStatuses)})`),
    check('bookings_total_ck', sql`${t.totalMinor} >= 0`),
  ],
);

// ─── Payments ────────────────────────────────────────────────────────────────────────────

export const paymentStatuses = ['requires_payment_method', 'processing', 'succeeded', 'failed', 'canceled'] as const;

/** One PaymentIntent per booking (idempotency key derived from the booking). */
export const payments = billingSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey(),
    bookingId: uuid('booking_id').notNull(),
    userId: uuid('user_id').notNull(),
    paymentIntentId: text('payment_intent_id').notNull(),
    clientSecret: text('client_secret'),
    amountMinor: minor('amount_minor').notNull(),
    currency: currency(),
    status: text('status', { enum: paymentStatuses }).notNull(),
    chargeId: text('charge_id'),
    /** Stripe's processing fee on the charge (from its balance transaction). */
    stripeFeeMinor: minor('stripe_fee_minor'),
    amountRefundedMinor: minor('amount_refunded_minor').notNull().default(0),
    lastErrorCode: text('last_error_code'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    succeededAt: at('succeeded_at'),
  },
  (t) => [
    uniqueIndex('payments_booking_uq').on(t.bookingId),
    uniqueIndex('payments_intent_uq').on(t.paymentIntentId),
    check('payments_status_ck', sql`${t.status} IN (${inList(paymentStatuses)})`),
    check('payments_amount_ck', sql`${t.amountMinor} > 0`),
    check('payments_refunded_ck', sql`${t.amountRefundedMinor} BETWEEN 0 AND ${t.amountMinor}`),
  ],
);

/** Every Stripe event, stored once by its id; processed in the transaction of its effect. */
export const stripeEvents = billingSchema.table(
  'stripe_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    /** The connected account for Connect events, null for the platform's. */
    account: text('account'),
    stripeCreatedAt: at('stripe_created_at').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
    processedAt: at('processed_at'),
    /** What the handler did ("applied", "ignored: …"), for the admin and for support. */
    outcome: text('outcome'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [index('stripe_events_type_idx').on(t.type, t.receivedAt)],
);

// ─── Split and ledger ────────────────────────────────────────────────────────────────────

export const splitRoles = ['seller', 'supplier'] as const;

/**
 * A booking's split, per line and partner, written once when the payment succeeds:
 * earning (what the partner is owed for the line before the fee), the platform fee at the
 * basis points in force then, and the share (earning − fee). Σ share + Σ fee = charge.
 */
export const bookingSplits = billingSchema.table(
  'booking_splits',
  {
    bookingId: uuid('booking_id').notNull(),
    position: integer('position').notNull(),
    partnerId: uuid('partner_id').notNull(),
    role: text('role', { enum: splitRoles }).notNull(),
    itemId: uuid('item_id').notNull(),
    itemType: text('item_type').notNull(),
    currency: currency(),
    earningMinor: minor('earning_minor').notNull(),
    feeBps: integer('fee_bps').notNull(),
    feeMinor: minor('fee_minor').notNull(),
    shareMinor: minor('share_minor').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.bookingId, t.position, t.partnerId] }),
    index('booking_splits_partner_idx').on(t.partnerId, t.createdAt),
    check('booking_splits_parts_ck', sql`${t.shareMinor} + ${t.feeMinor} = ${t.earningMinor}`),
    check('booking_splits_nonneg_ck', sql`${t.feeMinor} >= 0 AND ${t.shareMinor} >= 0`),
  ],
);

/**
 * Ledger accounts: `platform_cash`, `platform_revenue`, `stripe_fees`, `refunds`,
 * `affiliate_payable`, `partner_payable` (one per partner: partner_id set), and `dispute_losses`
 * (what a lost dispute cost the platform beyond the partners' shares it could still cancel).
 */
export const ledgerAccounts = [
  'platform_cash',
  'platform_revenue',
  'stripe_fees',
  'refunds',
  'affiliate_payable',
  'partner_payable',
  'dispute_losses',
] as const;

/**
 * A balanced set of postings for one money movement. `source` makes it idempotent: one
 * journal per (kind, Stripe object or booking), e.g. 'charge:ch_…', 'transfer:tr_…'.
 */
export const ledgerJournals = billingSchema.table(
  'ledger_journals',
  {
    id: uuid('id').primaryKey(),
    bookingId: uuid('booking_id'),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    currency: currency(),
    memo: text('memo'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ledger_journals_source_uq').on(t.source), index('ledger_journals_booking_idx').on(t.bookingId)],
);

/**
 * Double-entry postings, append-only (a trigger refuses UPDATE and DELETE) and balanced per
 * journal (a deferred constraint trigger checks Σ debit = Σ credit at commit).
 */
export const ledgerEntries = billingSchema.table(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    journalId: uuid('journal_id').notNull(),
    account: text('account', { enum: ledgerAccounts }).notNull(),
    partnerId: uuid('partner_id'),
    bookingId: uuid('booking_id'),
    debitMinor: minor('debit_minor').notNull().default(0),
    creditMinor: minor('credit_minor').notNull().default(0),
    currency: currency(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_journal_idx').on(t.journalId),
    index('ledger_entries_account_idx').on(t.account, t.partnerId, t.createdAt),
    index('ledger_entries_booking_idx').on(t.bookingId),
    check('ledger_entries_account_ck', sql`${t.account} IN (${inList(ledgerAccounts)})`),
    check(
      'ledger_entries_side_ck',
      sql`(${t.debitMinor} > 0 AND ${t.creditMinor} = 0) OR (${t.creditMinor} > 0 AND ${t.debitMinor} = 0)`,
    ),
    check('ledger_entries_partner_ck', sql`(${t.account} = 'partner_payable') = (${t.partnerId} IS NOT NULL)`),
  ],
);

// ─── Transfers and reversals ─────────────────────────────────────────────────────────────

export const transferStatuses = ['scheduled', 'sending', 'sent', 'failed', 'frozen', 'canceled'] as const;

/**
 * One Transfer per (booking, partner) with source_transaction = the charge, sent by a queue
 * under a request budget, retried with the same idempotency key.
 */
export const transfers = billingSchema.table(
  'transfers',
  {
    id: uuid('id').primaryKey(),
    bookingId: uuid('booking_id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: currency(),
    status: text('status', { enum: transferStatuses }).notNull().default('scheduled'),
    sourceChargeId: text('source_charge_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    stripeTransferId: text('stripe_transfer_id'),
    amountReversedMinor: minor('amount_reversed_minor').notNull().default(0),
    /** Not before this instant (holding period after the service date). */
    availableAfter: at('available_after').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('transfers_booking_partner_uq').on(t.bookingId, t.partnerId),
    uniqueIndex('transfers_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('transfers_stripe_uq').on(t.stripeTransferId),
    index('transfers_due_idx').on(t.status, t.nextAttemptAt),
    index('transfers_partner_idx').on(t.partnerId, t.createdAt),
    check('transfers_status_ck', sql`${t.status} IN (${inList(transferStatuses)})`),
    check('transfers_amount_ck', sql`${t.amountMinor} >= 0`),
    check('transfers_reversed_ck', sql`${t.amountReversedMinor} BETWEEN 0 AND ${t.amountMinor}`),
  ],
);

export const moneyJobStatuses = ['pending', 'sending', 'succeeded', 'failed'] as const;

/** A partner's part of a refund taken back from its transfer (pro rata, largest remainder). */
export const transferReversals = billingSchema.table(
  'transfer_reversals',
  {
    id: uuid('id').primaryKey(),
    transferId: uuid('transfer_id').notNull(),
    refundId: uuid('refund_id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    bookingId: uuid('booking_id').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: currency(),
    status: text('status', { enum: moneyJobStatuses }).notNull().default('pending'),
    idempotencyKey: text('idempotency_key').notNull(),
    stripeReversalId: text('stripe_reversal_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('transfer_reversals_refund_transfer_uq').on(t.refundId, t.transferId),
    uniqueIndex('transfer_reversals_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('transfer_reversals_stripe_uq').on(t.stripeReversalId),
    index('transfer_reversals_due_idx').on(t.status, t.nextAttemptAt),
    check('transfer_reversals_status_ck', sql`${t.status} IN (${inList(moneyJobStatuses)})`),
    check('transfer_reversals_amount_ck', sql`${t.amountMinor} > 0`),
  ],
);

// ─── Refunds and disputes ────────────────────────────────────────────────────────────────

export const refundReasons = ['booking_cancelled', 'not_confirmable', 'admin'] as const;

/** One Refund per cancellation (or unconfirmable booking, or admin decision). */
export const refunds = billingSchema.table(
  'refunds',
  {
    id: uuid('id').primaryKey(),
    bookingId: uuid('booking_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    /** The platform fee given back, in proportion; Σ reversals + this = amount. */
    platformRefundMinor: minor('platform_refund_minor').notNull(),
    currency: currency(),
    reason: text('reason', { enum: refundReasons }).notNull(),
    status: text('status', { enum: moneyJobStatuses }).notNull().default('pending'),
    idempotencyKey: text('idempotency_key').notNull(),
    stripeRefundId: text('stripe_refund_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    requestedBy: uuid('requested_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('refunds_idempotency_uq').on(t.idempotencyKey),
    uniqueIndex('refunds_stripe_uq').on(t.stripeRefundId),
    index('refunds_booking_idx').on(t.bookingId),
    index('refunds_due_idx').on(t.status, t.nextAttemptAt),
    check('refunds_reason_ck', sql`${t.reason} IN (${inList(refundReasons)})`),
    check('refunds_status_ck', sql`${t.status} IN (${inList(moneyJobStatuses)})`),
    check('refunds_amount_ck', sql`${t.amountMinor} > 0 AND ${t.platformRefundMinor} BETWEEN 0 AND ${t.amountMinor}`),
  ],
);

/** Disputes freeze the booking's pending transfers and show on the admin page. */
export const disputes = billingSchema.table(
  'disputes',
  {
    id: text('id').primaryKey(),
    bookingId: uuid('booking_id'),
    chargeId: text('charge_id').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: currency(),
    status: text('status').notNull(),
    reason: text('reason'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('disputes_booking_idx').on(t.bookingId)],
);

// ─── Payouts ─────────────────────────────────────────────────────────────────────────────

export const payoutStatuses = ['pending', 'in_transit', 'paid', 'failed', 'canceled'] as const;

/** Payouts on connected accounts, from Connect webhooks. */
export const payouts = billingSchema.table(
  'payouts',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    stripePayoutId: text('stripe_payout_id').notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: currency(),
    status: text('status', { enum: payoutStatuses }).notNull(),
    periodStart: at('period_start'),
    periodEnd: at('period_end'),
    arrivalAt: at('arrival_at'),
    failureCode: text('failure_code'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payouts_stripe_uq').on(t.stripePayoutId),
    index('payouts_partner_idx').on(t.partnerId, t.createdAt),
    check('payouts_status_ck', sql`${t.status} IN (${inList(payoutStatuses)})`),
  ],
);

// ─── Documents: receipts, invoices, sponsored spend ──────────────────────────────────────

/** Gapless numbering per (series, year): taken with UPDATE … RETURNING in the document's transaction. */
export const documentCounters = billingSchema.table(
  'document_counters',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);

/** The traveller's receipt, numbered when the payment succeeds; the PDF is rendered from the snapshot. */
export const receipts = billingSchema.table(
  'receipts',
  {
    id: uuid('id').primaryKey(),
    bookingId: uuid('booking_id').notNull(),
    userId: uuid('user_id').notNull(),
    number: text('number').notNull(),
    currency: currency(),
    totalMinor: minor('total_minor').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    issuedAt: at('issued_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('receipts_booking_uq').on(t.bookingId), uniqueIndex('receipts_number_uq').on(t.number)],
);

/** The platform's commission invoice to a partner for a period (gapless number per year and series). */
export const invoices = billingSchema.table(
  'invoices',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    number: text('number').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    currency: currency(),
    netMinor: minor('net_minor').notNull(),
    vatMinor: minor('vat_minor').notNull(),
    totalMinor: minor('total_minor').notNull(),
    lines: jsonb('lines').notNull(),
    /** The partner's legal name, VAT id and address as they were when the invoice was issued. */
    partnerSnapshot: jsonb('partner_snapshot').notNull(),
    /** The platform's legal name, address and VAT id as configured when the invoice was issued ({} before they were kept). */
    issuerSnapshot: jsonb('issuer_snapshot').notNull().default({}),
    issuedAt: at('issued_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_number_uq').on(t.number),
    uniqueIndex('invoices_partner_period_uq').on(t.partnerId, t.periodStart, t.periodEnd, t.currency),
    check('invoices_total_ck', sql`${t.totalMinor} = ${t.netMinor} + ${t.vatMinor}`),
  ],
);

/**
 * Sponsored-placement spend from bundling's campaign events: a line on the partner's
 * invoice, netted from its next transfers.
 */
export const campaignSpend = billingSchema.table(
  'campaign_spend',
  {
    eventId: uuid('event_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    amountMinor: minor('amount_minor').notNull(),
    currency: currency(),
    invoiceId: uuid('invoice_id'),
    /** The transfer this spend was netted from (null until then). */
    nettedTransferId: uuid('netted_transfer_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('campaign_spend_partner_idx').on(t.partnerId, t.day)],
);

// ─── Reconciliation ──────────────────────────────────────────────────────────────────────

/** A comparison of the ledger with Stripe's objects (scheduled or on demand). */
export const reconciliationRuns = billingSchema.table('reconciliation_runs', {
  id: uuid('id').primaryKey(),
  trigger: text('trigger').notNull(),
  requestedBy: uuid('requested_by'),
  status: text('status').notNull().default('running'),
  bookingsChecked: integer('bookings_checked').notNull().default(0),
  mismatchCount: integer('mismatch_count').notNull().default(0),
  startedAt: at('started_at').notNull().defaultNow(),
  finishedAt: at('finished_at'),
  error: text('error'),
});

/** One mismatch a run found, with its cause in words an admin can act on. */
export const reconciliationMismatches = billingSchema.table(
  'reconciliation_mismatches',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id').notNull(),
    bookingId: uuid('booking_id'),
    kind: text('kind').notNull(),
    expectedMinor: minor('expected_minor'),
    actualMinor: minor('actual_minor'),
    currency: text('currency'),
    cause: text('cause').notNull(),
    details: jsonb('details'),
  },
  (t) => [index('reconciliation_mismatches_run_idx').on(t.runId)],
);

export const { outbox, inbox, deadLetters } = eventTables(billingSchema);
export const auditLog = auditTable(billingSchema);
