CREATE TABLE "bundling"."availability" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"sold" integer DEFAULT 0 NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"price_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_capacity_ck" CHECK ("bundling"."availability"."capacity" >= 0),
	CONSTRAINT "availability_held_ck" CHECK ("bundling"."availability"."held" >= 0),
	CONSTRAINT "availability_sold_ck" CHECK ("bundling"."availability"."sold" >= 0),
	CONSTRAINT "availability_no_oversell_ck" CHECK ("bundling"."availability"."held" + "bundling"."availability"."sold" <= "bundling"."availability"."capacity")
);
--> statement-breakpoint
CREATE TABLE "bundling"."booking_holds" (
	"booking_id" uuid NOT NULL,
	"availability_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_partner_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "booking_holds_pk" PRIMARY KEY("booking_id","position","availability_id"),
	CONSTRAINT "booking_holds_quantity_ck" CHECK ("bundling"."booking_holds"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "bundling"."images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid,
	"package_id" uuid,
	"partner_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "images_owner_ck" CHECK (("bundling"."images"."item_id" IS NULL) <> ("bundling"."images"."package_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "bundling"."items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"translations" jsonb NOT NULL,
	"default_language" text NOT NULL,
	"place" text NOT NULL,
	"region_code" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"duration_minutes" integer NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"currency" text NOT NULL,
	"units" jsonb NOT NULL,
	"capacity_model" text NOT NULL,
	"cutoff_hours" integer DEFAULT 0 NOT NULL,
	"start_times" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zone" text DEFAULT 'Europe/Rome' NOT NULL,
	"bundle_terms" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "items_kind_ck" CHECK ("bundling"."items"."kind" IN ('tour', 'service', 'transport', 'extra')),
	CONSTRAINT "items_status_ck" CHECK ("bundling"."items"."status" IN ('draft', 'published', 'paused', 'archived')),
	CONSTRAINT "items_capacity_model_ck" CHECK ("bundling"."items"."capacity_model" IN ('slots', 'daily')),
	CONSTRAINT "items_cutoff_ck" CHECK ("bundling"."items"."cutoff_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bundling"."members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"role" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bundling"."package_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"package_id" uuid NOT NULL,
	"package_version" integer NOT NULL,
	"seller_partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending_payment' NOT NULL,
	"start_date" date NOT NULL,
	"party" jsonb NOT NULL,
	"currency" text NOT NULL,
	"price_paid" bigint NOT NULL,
	"breakdown" jsonb NOT NULL,
	"policy" jsonb NOT NULL,
	"coupon_code" text,
	"affiliate_code" text,
	"payment_intent_id" text,
	"hold_expires_at" timestamp with time zone NOT NULL,
	"idempotency_key" text,
	"refund_minor" bigint,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	CONSTRAINT "package_bookings_status_ck" CHECK ("bundling"."package_bookings"."status" IN ('pending_payment', 'confirmed', 'cancelled', 'expired')),
	CONSTRAINT "package_bookings_price_ck" CHECK ("bundling"."package_bookings"."price_paid" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bundling"."package_items" (
	"package_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_partner_id" uuid NOT NULL,
	CONSTRAINT "package_items_pk" PRIMARY KEY("package_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "bundling"."packages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"translations" jsonb NOT NULL,
	"default_language" text NOT NULL,
	"items" jsonb NOT NULL,
	"currency" text NOT NULL,
	"base_price" bigint DEFAULT 0 NOT NULL,
	"discount_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"policy" jsonb NOT NULL,
	"availability" jsonb DEFAULT '{"from":null,"to":null}'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "packages_status_ck" CHECK ("bundling"."packages"."status" IN ('draft', 'published', 'paused', 'archived')),
	CONSTRAINT "packages_base_price_ck" CHECK ("bundling"."packages"."base_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bundling"."partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bundling"."availability" ADD CONSTRAINT "availability_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "bundling"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundling"."booking_holds" ADD CONSTRAINT "booking_holds_booking_id_package_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "bundling"."package_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundling"."booking_holds" ADD CONSTRAINT "booking_holds_availability_id_availability_id_fk" FOREIGN KEY ("availability_id") REFERENCES "bundling"."availability"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundling"."images" ADD CONSTRAINT "images_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "bundling"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundling"."images" ADD CONSTRAINT "images_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "bundling"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundling"."package_bookings" ADD CONSTRAINT "package_bookings_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "bundling"."packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundling"."package_items" ADD CONSTRAINT "package_items_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "bundling"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundling"."package_items" ADD CONSTRAINT "package_items_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "bundling"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "availability_item_slot_uq" ON "bundling"."availability" USING btree ("item_id","date","start_time");--> statement-breakpoint
CREATE INDEX "availability_date_idx" ON "bundling"."availability" USING btree ("date");--> statement-breakpoint
CREATE INDEX "booking_holds_partner_idx" ON "bundling"."booking_holds" USING btree ("item_partner_id");--> statement-breakpoint
CREATE INDEX "images_item_idx" ON "bundling"."images" USING btree ("item_id","position");--> statement-breakpoint
CREATE INDEX "images_package_idx" ON "bundling"."images" USING btree ("package_id","position");--> statement-breakpoint
CREATE INDEX "items_partner_idx" ON "bundling"."items" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "items_bundleable_idx" ON "bundling"."items" USING btree ("status") WHERE "bundling"."items"."bundle_terms" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "members_partner_idx" ON "bundling"."members" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "package_bookings_user_idx" ON "bundling"."package_bookings" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "package_bookings_package_idx" ON "bundling"."package_bookings" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "package_bookings_expiry_idx" ON "bundling"."package_bookings" USING btree ("hold_expires_at") WHERE "bundling"."package_bookings"."status" = 'pending_payment';--> statement-breakpoint
CREATE UNIQUE INDEX "package_bookings_idempotency_uq" ON "bundling"."package_bookings" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "package_items_item_idx" ON "bundling"."package_items" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "packages_partner_idx" ON "bundling"."packages" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "packages_status_idx" ON "bundling"."packages" USING btree ("status","published_at");