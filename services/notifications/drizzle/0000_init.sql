CREATE SCHEMA IF NOT EXISTS "notifications";
--> statement-breakpoint
CREATE TABLE "notifications"."audit_log" (
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
CREATE TABLE "notifications"."event_dead_letters" (
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
CREATE TABLE "notifications"."deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cause_event_id" text NOT NULL,
	"cause_subject" text NOT NULL,
	"template" text NOT NULL,
	"locale" text NOT NULL,
	"recipient_user_id" text,
	"recipient_email" text,
	"subject" text NOT NULL,
	"html" text,
	"text" text,
	"sealed_links" text,
	"message_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"provider_message_id" text,
	"smtp_response" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	CONSTRAINT "deliveries_status_ck" CHECK ("notifications"."deliveries"."status" IN ('queued', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "notifications"."event_inbox" (
	"durable" text NOT NULL,
	"event_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_inbox_pk" PRIMARY KEY("durable","event_id")
);
--> statement-breakpoint
CREATE TABLE "notifications"."event_outbox" (
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
CREATE TABLE "notifications"."partner_owners" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"owner_user_id" text NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."recipients" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "notifications"."audit_log" USING btree ("entity_type","entity_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "notifications"."audit_log" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "notifications"."audit_log" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "event_dead_letters_durable_event_uq" ON "notifications"."event_dead_letters" USING btree ("durable","event_id");--> statement-breakpoint
CREATE INDEX "event_dead_letters_dead_at_idx" ON "notifications"."event_dead_letters" USING btree ("dead_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_cause_template_uq" ON "notifications"."deliveries" USING btree ("cause_event_id","template");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "notifications"."deliveries" USING btree ("next_attempt_at") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "deliveries_recipient_user_idx" ON "notifications"."deliveries" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE INDEX "deliveries_recipient_email_idx" ON "notifications"."deliveries" USING btree ("recipient_email");--> statement-breakpoint
CREATE INDEX "deliveries_created_idx" ON "notifications"."deliveries" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "event_inbox_processed_at_idx" ON "notifications"."event_inbox" USING btree ("processed_at");--> statement-breakpoint
CREATE INDEX "event_outbox_pending_idx" ON "notifications"."event_outbox" USING btree ("id") WHERE sent_at IS NULL;--> statement-breakpoint
CREATE INDEX "event_outbox_sent_at_idx" ON "notifications"."event_outbox" USING btree ("sent_at");