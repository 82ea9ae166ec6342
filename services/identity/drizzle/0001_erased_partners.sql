CREATE TABLE "identity"."erased_partners" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
