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
CREATE INDEX "suggest_stats_popular_idx" ON "bundling"."suggest_stats" USING btree ("subject_kind","bookings");--> statement-breakpoint
-- Backfill: the bookings confirmed before this migration (the same recount as rebuildSuggestModel).
INSERT INTO bundling.suggest_bookings (booking_id, package_id, item_ids, month, traveller_type, state)
SELECT b.id, b.package_id,
       ARRAY(SELECT DISTINCT (l ->> 'itemId')::uuid FROM jsonb_array_elements(b.breakdown -> 'lines') AS l ORDER BY 1),
       extract(month FROM b.start_date)::smallint,
       CASE WHEN coalesce((b.party ->> 'child')::int, 0) + coalesce((b.party ->> 'infant')::int, 0) > 0 THEN 'family'
            WHEN coalesce((b.party ->> 'adult')::int, 0) + coalesce((b.party ->> 'senior')::int, 0) <= 1 THEN 'solo'
            WHEN coalesce((b.party ->> 'adult')::int, 0) + coalesce((b.party ->> 'senior')::int, 0) = 2 THEN 'couple'
            ELSE 'group' END,
       CASE WHEN b.status = 'confirmed' THEN 'learned' ELSE 'forgotten' END
  FROM bundling.package_bookings AS b
 WHERE b.status = 'confirmed' OR (b.status = 'cancelled' AND b.confirmed_at IS NOT NULL);--> statement-breakpoint
INSERT INTO bundling.suggest_stats (subject_kind, subject_id, bookings, months, types)
SELECT f.kind, f.id, count(*)::int, ARRAY[count(*) FILTER (WHERE f.month = 1)::int, count(*) FILTER (WHERE f.month = 2)::int, count(*) FILTER (WHERE f.month = 3)::int, count(*) FILTER (WHERE f.month = 4)::int, count(*) FILTER (WHERE f.month = 5)::int, count(*) FILTER (WHERE f.month = 6)::int, count(*) FILTER (WHERE f.month = 7)::int, count(*) FILTER (WHERE f.month = 8)::int, count(*) FILTER (WHERE f.month = 9)::int, count(*) FILTER (WHERE f.month = 10)::int, count(*) FILTER (WHERE f.month = 11)::int, count(*) FILTER (WHERE f.month = 12)::int], ARRAY[count(*) FILTER (WHERE f.traveller_type = 'family')::int, count(*) FILTER (WHERE f.traveller_type = 'couple')::int, count(*) FILTER (WHERE f.traveller_type = 'solo')::int, count(*) FILTER (WHERE f.traveller_type = 'group')::int]
  FROM (
    SELECT 'all' AS kind, '00000000-0000-0000-0000-000000000000'::uuid AS id, s.month, s.traveller_type FROM bundling.suggest_bookings AS s WHERE s.state = 'learned'
    UNION ALL
    SELECT 'package', s.package_id, s.month, s.traveller_type FROM bundling.suggest_bookings AS s WHERE s.state = 'learned'
    UNION ALL
    SELECT 'item', i.id, s.month, s.traveller_type
      FROM bundling.suggest_bookings AS s, unnest(s.item_ids) AS i(id) WHERE s.state = 'learned'
  ) AS f
 GROUP BY f.kind, f.id;--> statement-breakpoint
INSERT INTO bundling.suggest_pairs (item_a, item_b, bookings)
SELECT a.id, b.id, count(*)::int
  FROM bundling.suggest_bookings AS s, unnest(s.item_ids) AS a(id), unnest(s.item_ids) AS b(id)
 WHERE s.state = 'learned' AND a.id < b.id
 GROUP BY a.id, b.id;
