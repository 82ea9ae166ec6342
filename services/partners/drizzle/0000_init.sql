CREATE SCHEMA IF NOT EXISTS "partners";
--> statement-breakpoint
CREATE TABLE "partners"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor_id" text,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"correlation_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_seq_key" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "partners"."event_dead_letters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"durable" text NOT NULL,
	"subject" text NOT NULL,
	"event_id" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"error" text NOT NULL,
	"attempts" integer NOT NULL,
	"dead_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replayed_at" timestamp with time zone,
	"replay_attempts" integer DEFAULT 0 NOT NULL,
	"last_replay_error" text
);
--> statement-breakpoint
CREATE TABLE "partners"."deletion_confirmations" (
	"request_id" uuid NOT NULL,
	"service" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"deleted_records" integer,
	"anonymised_records" integer,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "deletion_confirmations_pk" PRIMARY KEY("request_id","service")
);
--> statement-breakpoint
CREATE TABLE "partners"."deletion_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"partner_name" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partners"."documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_kind_ck" CHECK ("partners"."documents"."kind" IN ('business_registration', 'vat_certificate', 'representative_id', 'licence', 'insurance'))
);
--> statement-breakpoint
CREATE TABLE "partners"."event_inbox" (
	"durable" text NOT NULL,
	"event_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_inbox_pk" PRIMARY KEY("durable","event_id")
);
--> statement-breakpoint
CREATE TABLE "partners"."invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners"."members" (
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_pk" PRIMARY KEY("partner_id","user_id"),
	CONSTRAINT "members_role_ck" CHECK ("partners"."members"."role" IN ('owner', 'manager', 'viewer'))
);
--> statement-breakpoint
CREATE TABLE "partners"."event_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partners"."partners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"vat_id" text,
	"country" text NOT NULL,
	"website" text,
	"social_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"description" text,
	"logo_key" text,
	"logo_sha256" text,
	"logo_content_type" text,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"rejection_reason" text,
	"suspension_reason" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "partners_type_ck" CHECK ("partners"."partners"."type" IN ('agency', 'hotel', 'dmo', 'ota', 'transport')),
	CONSTRAINT "partners_status_ck" CHECK ("partners"."partners"."status" IN ('draft', 'pending_review', 'verified', 'rejected', 'suspended', 'deletion_requested', 'deleted')),
	CONSTRAINT "partners_verified_ck" CHECK ("partners"."partners"."verified" = ("partners"."partners"."status" = 'verified'))
);
--> statement-breakpoint
ALTER TABLE "partners"."deletion_confirmations" ADD CONSTRAINT "deletion_confirmations_request_id_deletion_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "partners"."deletion_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners"."deletion_requests" ADD CONSTRAINT "deletion_requests_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "partners"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners"."documents" ADD CONSTRAINT "documents_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "partners"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners"."invitations" ADD CONSTRAINT "invitations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "partners"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners"."members" ADD CONSTRAINT "members_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "partners"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "partners"."audit_log" USING btree ("entity_type","entity_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "partners"."audit_log" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "partners"."audit_log" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "event_dead_letters_durable_event_uq" ON "partners"."event_dead_letters" USING btree ("durable","event_id");--> statement-breakpoint
CREATE INDEX "event_dead_letters_dead_at_idx" ON "partners"."event_dead_letters" USING btree ("dead_at");--> statement-breakpoint
CREATE INDEX "deletion_requests_requester_idx" ON "partners"."deletion_requests" USING btree ("requested_by","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deletion_requests_open_uq" ON "partners"."deletion_requests" USING btree ("partner_id") WHERE "partners"."deletion_requests"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "documents_partner_idx" ON "partners"."documents" USING btree ("partner_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "documents_sha_idx" ON "partners"."documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "event_inbox_processed_at_idx" ON "partners"."event_inbox" USING btree ("processed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_partner_email_uq" ON "partners"."invitations" USING btree ("partner_id","email");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "partners"."invitations" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "members_user_uq" ON "partners"."members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_one_owner_uq" ON "partners"."members" USING btree ("partner_id") WHERE "partners"."members"."role" = 'owner';--> statement-breakpoint
CREATE INDEX "event_outbox_pending_idx" ON "partners"."event_outbox" USING btree ("id") WHERE sent_at IS NULL;--> statement-breakpoint
CREATE INDEX "event_outbox_sent_at_idx" ON "partners"."event_outbox" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "partners_status_idx" ON "partners"."partners" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "partners_vat_idx" ON "partners"."partners" USING btree ("vat_id");--> statement-breakpoint
CREATE INDEX "partners_directory_idx" ON "partners"."partners" USING btree ("verified","type");