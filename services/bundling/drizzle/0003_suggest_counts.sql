CREATE TABLE "bundling"."suggest_bookings" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"package_id" uuid NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"month" smallint NOT NULL,
	"traveller_type" text,
	"state" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggest_bookings_month_ck" CHECK ("bundling"."suggest_bookings"."month" BETWEEN 1 AND 12),
	CONSTRAINT "suggest_bookings_state_ck" CHECK ("bundling"."suggest_bookings"."state" IN ('learned', 'forgotten'))
);
--> statement-breakpoint
CREATE TABLE "bundling"."suggest_pairs" (
	"item_a" uuid NOT NULL,
	"item_b" uuid NOT NULL,
	"bookings" integer NOT NULL,
	CONSTRAINT "suggest_pairs_pk" PRIMARY KEY("item_a","item_b"),
	CONSTRAINT "suggest_pairs_order_ck" CHECK ("bundling"."suggest_pairs"."item_a" < "bundling"."suggest_pairs"."item_b"),
	CONSTRAINT "suggest_pairs_bookings_ck" CHECK ("bundling"."suggest_pairs"."bookings" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bundling"."suggest_stats" (
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"bookings" integer NOT NULL,
	"months" integer[] NOT NULL,
	"types" integer[] NOT NULL,
	CONSTRAINT "suggest_stats_pk" PRIMARY KEY("subject_kind","subject_id"),
	CONSTRAINT "suggest_stats_kind_ck" CHECK ("bundling"."suggest_stats"."subject_kind" IN ('all', 'item', 'package')),
	CONSTRAINT "suggest_stats_bookings_ck" CHECK ("bundling"."suggest_stats"."bookings" >= 0)
);
--> statement-breakpoint
CREATE INDEX "suggest_pairs_b_idx" ON "bundling"."suggest_pairs" USING btree ("item_b");--> statement-breakpoint
CREATE INDEX "suggest_stats_popular_idx" ON "bundling"."suggest_stats" USING btree ("subject_kind","bookings");