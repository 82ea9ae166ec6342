ALTER TABLE "partners"."invitations" ADD COLUMN "token_sha256" text;--> statement-breakpoint
ALTER TABLE "partners"."invitations" ADD COLUMN "expires_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_uq" ON "partners"."invitations" USING btree ("token_sha256");