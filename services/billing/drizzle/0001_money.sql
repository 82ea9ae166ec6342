CREATE TABLE "billing"."booking_splits" (
	"booking_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"partner_id" uuid NOT NULL,
	"role" text NOT NULL,
	"item_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"currency" text NOT NULL,
	"earning_minor" bigint NOT NULL,
	"fee_bps" integer NOT NULL,
	"fee_minor" bigint NOT NULL,
	"share_minor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_splits_booking_id_position_partner_id_pk" PRIMARY KEY("booking_id","position","partner_id"),
	CONSTRAINT "booking_splits_parts_ck" CHECK ("billing"."booking_splits"."share_minor" + "billing"."booking_splits"."fee_minor" = "billing"."booking_splits"."earning_minor"),
	CONSTRAINT "booking_splits_nonneg_ck" CHECK ("billing"."booking_splits"."fee_minor" >= 0 AND "billing"."booking_splits"."share_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "billing"."bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"package_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"seller_partner_id" uuid NOT NULL,
	"package_title" text DEFAULT '' NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"bundle_discount_minor" bigint DEFAULT 0 NOT NULL,
	"coupon_discount_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint NOT NULL,
	"coupon_code" text,
	"affiliate_code" text,
	"lines" jsonb NOT NULL,
	"partner_ids" uuid[] NOT NULL,
	"hold_expires_at" timestamp with time zone NOT NULL,
	"first_service_at" timestamp with time zone,
	"status" text DEFAULT 'held' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_status_ck" CHECK ("billing"."bookings"."status" IN ('held', 'expired', 'confirmed', 'cancelled')),
	CONSTRAINT "bookings_total_ck" CHECK ("billing"."bookings"."total_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "billing"."campaign_spend" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"invoice_id" uuid,
	"netted_transfer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"booking_id" uuid,
	"charge_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."document_counters" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_counters_series_year_pk" PRIMARY KEY("series","year")
);
--> statement-breakpoint
CREATE TABLE "billing"."fee_rules" (
	"scope" text NOT NULL,
	"scope_key" text NOT NULL,
	"bps" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_rules_scope_scope_key_pk" PRIMARY KEY("scope","scope_key"),
	CONSTRAINT "fee_rules_scope_ck" CHECK ("billing"."fee_rules"."scope" IN ('global', 'partner_type', 'partner')),
	CONSTRAINT "fee_rules_bps_ck" CHECK ("billing"."fee_rules"."bps" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "billing"."invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"number" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"currency" text NOT NULL,
	"net_minor" bigint NOT NULL,
	"vat_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"lines" jsonb NOT NULL,
	"partner_snapshot" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_total_ck" CHECK ("billing"."invoices"."total_minor" = "billing"."invoices"."net_minor" + "billing"."invoices"."vat_minor")
);
--> statement-breakpoint
CREATE TABLE "billing"."ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"journal_id" uuid NOT NULL,
	"account" text NOT NULL,
	"partner_id" uuid,
	"booking_id" uuid,
	"debit_minor" bigint DEFAULT 0 NOT NULL,
	"credit_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_account_ck" CHECK ("billing"."ledger_entries"."account" IN ('platform_cash', 'platform_revenue', 'stripe_fees', 'refunds', 'affiliate_payable', 'partner_payable')),
	CONSTRAINT "ledger_entries_side_ck" CHECK (("billing"."ledger_entries"."debit_minor" > 0 AND "billing"."ledger_entries"."credit_minor" = 0) OR ("billing"."ledger_entries"."credit_minor" > 0 AND "billing"."ledger_entries"."debit_minor" = 0)),
	CONSTRAINT "ledger_entries_partner_ck" CHECK (("billing"."ledger_entries"."account" = 'partner_payable') = ("billing"."ledger_entries"."partner_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "billing"."ledger_journals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"currency" text NOT NULL,
	"memo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"role" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."partner_accounts" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"stripe_account_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requirements_due" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"charges_enabled" boolean DEFAULT false NOT NULL,
	"payouts_enabled" boolean DEFAULT false NOT NULL,
	"transfers_active" boolean DEFAULT false NOT NULL,
	"holding_days" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_accounts_status_ck" CHECK ("billing"."partner_accounts"."status" IN ('pending', 'restricted', 'enabled')),
	CONSTRAINT "partner_accounts_holding_ck" CHECK ("billing"."partner_accounts"."holding_days" BETWEEN 0 AND 365)
);
--> statement-breakpoint
CREATE TABLE "billing"."partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"vat_id" text,
	"country" text,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"payment_intent_id" text NOT NULL,
	"client_secret" text,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"charge_id" text,
	"stripe_fee_minor" bigint,
	"amount_refunded_minor" bigint DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"succeeded_at" timestamp with time zone,
	CONSTRAINT "payments_status_ck" CHECK ("billing"."payments"."status" IN ('requires_payment_method', 'processing', 'succeeded', 'failed', 'canceled')),
	CONSTRAINT "payments_amount_ck" CHECK ("billing"."payments"."amount_minor" > 0),
	CONSTRAINT "payments_refunded_ck" CHECK ("billing"."payments"."amount_refunded_minor" BETWEEN 0 AND "billing"."payments"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "billing"."payouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"stripe_payout_id" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"period_start" timestamp with time zone,
	"period_end" timestamp with time zone,
	"arrival_at" timestamp with time zone,
	"failure_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_status_ck" CHECK ("billing"."payouts"."status" IN ('pending', 'in_transit', 'paid', 'failed', 'canceled'))
);
--> statement-breakpoint
CREATE TABLE "billing"."receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"number" text NOT NULL,
	"currency" text NOT NULL,
	"total_minor" bigint NOT NULL,
	"snapshot" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."reconciliation_mismatches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"booking_id" uuid,
	"kind" text NOT NULL,
	"expected_minor" bigint,
	"actual_minor" bigint,
	"currency" text,
	"cause" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "billing"."reconciliation_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"bookings_checked" integer DEFAULT 0 NOT NULL,
	"mismatch_count" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "billing"."refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"platform_refund_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"idempotency_key" text NOT NULL,
	"stripe_refund_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_reason_ck" CHECK ("billing"."refunds"."reason" IN ('booking_cancelled', 'not_confirmable', 'admin')),
	CONSTRAINT "refunds_status_ck" CHECK ("billing"."refunds"."status" IN ('pending', 'sending', 'succeeded', 'failed')),
	CONSTRAINT "refunds_amount_ck" CHECK ("billing"."refunds"."amount_minor" > 0 AND "billing"."refunds"."platform_refund_minor" BETWEEN 0 AND "billing"."refunds"."amount_minor")
);
--> statement-breakpoint
CREATE TABLE "billing"."stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"account" text,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing"."transfer_reversals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"transfer_id" uuid NOT NULL,
	"refund_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"idempotency_key" text NOT NULL,
	"stripe_reversal_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_reversals_status_ck" CHECK ("billing"."transfer_reversals"."status" IN ('pending', 'sending', 'succeeded', 'failed')),
	CONSTRAINT "transfer_reversals_amount_ck" CHECK ("billing"."transfer_reversals"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "billing"."transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"source_charge_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"stripe_transfer_id" text,
	"amount_reversed_minor" bigint DEFAULT 0 NOT NULL,
	"available_after" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "transfers_status_ck" CHECK ("billing"."transfers"."status" IN ('scheduled', 'sending', 'sent', 'failed', 'frozen', 'canceled')),
	CONSTRAINT "transfers_amount_ck" CHECK ("billing"."transfers"."amount_minor" >= 0),
	CONSTRAINT "transfers_reversed_ck" CHECK ("billing"."transfers"."amount_reversed_minor" BETWEEN 0 AND "billing"."transfers"."amount_minor")
);
--> statement-breakpoint
CREATE INDEX "booking_splits_partner_idx" ON "billing"."booking_splits" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_user_idx" ON "billing"."bookings" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_partners_idx" ON "billing"."bookings" USING gin ("partner_ids");--> statement-breakpoint
CREATE INDEX "campaign_spend_partner_idx" ON "billing"."campaign_spend" USING btree ("partner_id","day");--> statement-breakpoint
CREATE INDEX "disputes_booking_idx" ON "billing"."disputes" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_uq" ON "billing"."invoices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_partner_period_uq" ON "billing"."invoices" USING btree ("partner_id","period_start","period_end","currency");--> statement-breakpoint
CREATE INDEX "ledger_entries_journal_idx" ON "billing"."ledger_entries" USING btree ("journal_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "billing"."ledger_entries" USING btree ("account","partner_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_booking_idx" ON "billing"."ledger_entries" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_journals_source_uq" ON "billing"."ledger_journals" USING btree ("source");--> statement-breakpoint
CREATE INDEX "ledger_journals_booking_idx" ON "billing"."ledger_journals" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "members_partner_idx" ON "billing"."members" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_accounts_stripe_uq" ON "billing"."partner_accounts" USING btree ("stripe_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_booking_uq" ON "billing"."payments" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_intent_uq" ON "billing"."payments" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_stripe_uq" ON "billing"."payouts" USING btree ("stripe_payout_id");--> statement-breakpoint
CREATE INDEX "payouts_partner_idx" ON "billing"."payouts" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_booking_uq" ON "billing"."receipts" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_number_uq" ON "billing"."receipts" USING btree ("number");--> statement-breakpoint
CREATE INDEX "reconciliation_mismatches_run_idx" ON "billing"."reconciliation_mismatches" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_idempotency_uq" ON "billing"."refunds" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_stripe_uq" ON "billing"."refunds" USING btree ("stripe_refund_id");--> statement-breakpoint
CREATE INDEX "refunds_booking_idx" ON "billing"."refunds" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "refunds_due_idx" ON "billing"."refunds" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "stripe_events_type_idx" ON "billing"."stripe_events" USING btree ("type","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_reversals_refund_transfer_uq" ON "billing"."transfer_reversals" USING btree ("refund_id","transfer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_reversals_idempotency_uq" ON "billing"."transfer_reversals" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_reversals_stripe_uq" ON "billing"."transfer_reversals" USING btree ("stripe_reversal_id");--> statement-breakpoint
CREATE INDEX "transfer_reversals_due_idx" ON "billing"."transfer_reversals" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_booking_partner_uq" ON "billing"."transfers" USING btree ("booking_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_idempotency_uq" ON "billing"."transfers" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_stripe_uq" ON "billing"."transfers" USING btree ("stripe_transfer_id");--> statement-breakpoint
CREATE INDEX "transfers_due_idx" ON "billing"."transfers" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "transfers_partner_idx" ON "billing"."transfers" USING btree ("partner_id","created_at");