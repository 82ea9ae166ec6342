CREATE TABLE "identity"."partner_owners" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "partner_owners_owner_idx" ON "identity"."partner_owners" USING btree ("owner_user_id");