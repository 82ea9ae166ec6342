CREATE SCHEMA IF NOT EXISTS "billing";
--> statement-breakpoint
CREATE TABLE "billing"."audit_log" (
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
CREATE TABLE "billing"."event_dead_letters" (
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
CREATE TABLE "billing"."event_inbox" (
	"durable" text NOT NULL,
	"event_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_inbox_pk" PRIMARY KEY("durable","event_id")
);
--> statement-breakpoint
CREATE TABLE "billing"."event_outbox" (
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
CREATE INDEX "audit_log_entity_idx" ON "billing"."audit_log" USING btree ("entity_type","entity_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "billing"."audit_log" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "billing"."audit_log" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "event_dead_letters_durable_event_uq" ON "billing"."event_dead_letters" USING btree ("durable","event_id");--> statement-breakpoint
CREATE INDEX "event_dead_letters_dead_at_idx" ON "billing"."event_dead_letters" USING btree ("dead_at");--> statement-breakpoint
CREATE INDEX "event_inbox_processed_at_idx" ON "billing"."event_inbox" USING btree ("processed_at");--> statement-breakpoint
CREATE INDEX "event_outbox_pending_idx" ON "billing"."event_outbox" USING btree ("id") WHERE sent_at IS NULL;--> statement-breakpoint
CREATE INDEX "event_outbox_sent_at_idx" ON "billing"."event_outbox" USING btree ("sent_at");