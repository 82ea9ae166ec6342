-- Bookings move a second number, not the search version. A hold, a sale or a release changes
-- only availability's `held` / `sold` counters (and package_bookings); with one version for
-- everything, every booking threw away every cached search answer and the next request of each
-- popular search computed it again in its own path — under steady bookings, always. Now the
-- catalogue (what is sold, where, at what price, which slots exist or are closed) keeps moving
-- bundling.search_version, so a partner's change shows at once; bookings' counters move
-- bundling.search_counts_version, and an answer may lag those by a bounded time
-- (src/domain/search/answer-cache.ts). A booking checks availability itself, so a lagging
-- answer can show a place that has just gone, never sell it. The suggestion counts (learned
-- from confirmed bookings) move with the bookings.
CREATE SEQUENCE bundling.search_counts_version;--> statement-breakpoint
CREATE FUNCTION bundling.search_counts_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('bundling.search_counts_version');
  RETURN NULL;
END
$$;--> statement-breakpoint
-- An UPDATE of availability that changed nothing but held and sold is a booking's; anything
-- else (capacity, closing, prices, times, a row's identity) is the catalogue's. Compared on the
-- whole row minus those two columns, so a column added later counts as the catalogue's.
CREATE FUNCTION bundling.availability_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id
    WHERE n.id IS NULL OR to_jsonb(o) - 'held' - 'sold' IS DISTINCT FROM to_jsonb(n) - 'held' - 'sold'
  ) THEN
    PERFORM nextval('bundling.search_version');
  ELSE
    PERFORM nextval('bundling.search_counts_version');
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
DROP TRIGGER search_version_bump ON bundling.availability;--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR DELETE OR TRUNCATE ON bundling.availability
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump_update AFTER UPDATE ON bundling.availability
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.availability_version_bump();--> statement-breakpoint
DROP TRIGGER search_version_bump ON bundling.package_bookings;--> statement-breakpoint
CREATE TRIGGER search_counts_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.package_bookings
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_counts_bump();--> statement-breakpoint
DROP TRIGGER search_version_bump ON bundling.suggest_stats;--> statement-breakpoint
CREATE TRIGGER search_counts_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.suggest_stats
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_counts_bump();--> statement-breakpoint
DROP TRIGGER search_version_bump ON bundling.suggest_pairs;--> statement-breakpoint
CREATE TRIGGER search_counts_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.suggest_pairs
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_counts_bump();
