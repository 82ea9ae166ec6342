CREATE TABLE "bundling"."campaign_clicks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"visitor_key" text NOT NULL,
	"day" date NOT NULL,
	"charged" boolean NOT NULL,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_clicks_amount_ck" CHECK ("bundling"."campaign_clicks"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bundling"."campaign_daily_spend" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"spent_minor" bigint DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"impressions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_daily_spend_pk" PRIMARY KEY("campaign_id","day"),
	CONSTRAINT "campaign_daily_spend_spent_ck" CHECK ("bundling"."campaign_daily_spend"."spent_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bundling"."campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"title" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"destinations" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"cpc_minor" bigint NOT NULL,
	"daily_budget_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending_review' NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_status_ck" CHECK ("bundling"."campaigns"."status" IN ('pending_review', 'approved', 'rejected', 'paused', 'ended')),
	CONSTRAINT "campaigns_target_kind_ck" CHECK ("bundling"."campaigns"."target_kind" IN ('package', 'item')),
	CONSTRAINT "campaigns_cpc_ck" CHECK ("bundling"."campaigns"."cpc_minor" > 0),
	CONSTRAINT "campaigns_budget_ck" CHECK ("bundling"."campaigns"."daily_budget_minor" >= "bundling"."campaigns"."cpc_minor"),
	CONSTRAINT "campaigns_dates_ck" CHECK ("bundling"."campaigns"."ends_on" >= "bundling"."campaigns"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "bundling"."campaign_clicks" ADD CONSTRAINT "campaign_clicks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "bundling"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundling"."campaign_daily_spend" ADD CONSTRAINT "campaign_daily_spend_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "bundling"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_clicks_visitor_uq" ON "bundling"."campaign_clicks" USING btree ("campaign_id","visitor_key","day");--> statement-breakpoint
CREATE INDEX "campaigns_partner_idx" ON "bundling"."campaigns" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "bundling"."campaigns" USING btree ("status","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "campaigns_target_idx" ON "bundling"."campaigns" USING btree ("target_kind","target_id");