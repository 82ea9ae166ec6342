-- Search freshness: a number that moves whenever something a search, Discover or suggest answer
-- is made of may have changed (a partner, an item, a package, its images, availability, a
-- booking, the typo lexicon, the suggestion counts). The in-process answer cache of
-- src/domain/search keeps an answer only while this number stays what it was when the answer was
-- computed. Campaigns are not in it: which campaigns may show is read for every request. A
-- sequence, bumped once per statement, so writers never wait on each other for it (a counter row
-- would serialise every hold on one lock).
CREATE SEQUENCE bundling.search_version;--> statement-breakpoint
CREATE FUNCTION bundling.search_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('bundling.search_version');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.partners
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.items
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.packages
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.images
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.availability
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.package_bookings
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.search_terms
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.suggest_stats
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();--> statement-breakpoint
CREATE TRIGGER search_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bundling.suggest_pairs
  FOR EACH STATEMENT EXECUTE FUNCTION bundling.search_version_bump();
