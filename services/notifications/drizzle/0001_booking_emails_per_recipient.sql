DROP INDEX "notifications"."deliveries_cause_template_uq";--> statement-breakpoint
ALTER TABLE "notifications"."deliveries" ADD COLUMN "recipient_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_cause_template_recipient_uq" ON "notifications"."deliveries" USING btree ("cause_event_id","template","recipient_key");