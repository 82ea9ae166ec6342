-- Search index (hand-written parts around drizzle-kit's tables): pg_trgm for typo correction,
-- unaccent + snowball text search configurations per language, the functions that write a
-- search document per published item and package and language, and the triggers that call
-- them in the transaction of every insert, update or delete of an item or a package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TABLE "bundling"."search_documents" (
	"kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"place" text NOT NULL,
	"region_code" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"region_codes" text[] NOT NULL,
	"latitudes" double precision[] NOT NULL,
	"longitudes" double precision[] NOT NULL,
	"item_kinds" text[] NOT NULL,
	"tags" text[] NOT NULL,
	"currency" text NOT NULL,
	"from_price" bigint NOT NULL,
	"duration_minutes" integer,
	"duration_days" integer,
	"published_at" timestamp with time zone,
	"document" "tsvector" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_pk" PRIMARY KEY("lang","kind","entity_id"),
	CONSTRAINT "search_documents_kind_ck" CHECK ("bundling"."search_documents"."kind" IN ('package', 'item'))
);
--> statement-breakpoint
CREATE TABLE "bundling"."search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_document_idx" ON "bundling"."search_documents" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_documents_entity_idx" ON "bundling"."search_documents" USING btree ("kind","entity_id");--> statement-breakpoint
CREATE INDEX "search_documents_published_idx" ON "bundling"."search_documents" USING btree ("lang","published_at");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "bundling"."search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION bundling.search_en (COPY = pg_catalog.english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION bundling.search_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION bundling.search_it (COPY = pg_catalog.italian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION bundling.search_it ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION bundling.search_de (COPY = pg_catalog.german);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION bundling.search_de ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION bundling.search_fr (COPY = pg_catalog.french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION bundling.search_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION bundling.search_es (COPY = pg_catalog.spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION bundling.search_es ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;--> statement-breakpoint
CREATE FUNCTION bundling.search_config(p_lang text) RETURNS regconfig LANGUAGE sql STABLE AS $$
  SELECT (CASE p_lang WHEN 'it' THEN 'bundling.search_it' WHEN 'de' THEN 'bundling.search_de'
    WHEN 'fr' THEN 'bundling.search_fr' WHEN 'es' THEN 'bundling.search_es' ELSE 'bundling.search_en' END)::regconfig
$$;--> statement-breakpoint
-- Title and description in p_lang, else the default language, else the first one written.
CREATE FUNCTION bundling.search_translation(p_translations jsonb, p_default text, p_lang text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(
    p_translations -> p_lang,
    p_translations -> p_default,
    (SELECT value FROM jsonb_each(p_translations)
      ORDER BY array_position(ARRAY['en', 'it', 'de', 'fr', 'es'], key) LIMIT 1),
    '{"title": "", "description": ""}'::jsonb)
$$;--> statement-breakpoint
-- The tags as travellers say them in p_lang (so "lago", "See" or "famille" find tagged results).
CREATE FUNCTION bundling.search_tag_words(p_tags text[], p_lang text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(string_agg(coalesce(l.label, replace(t.tag, '_', ' ')), ' '), '')
  FROM unnest(p_tags) AS t(tag)
  LEFT JOIN (VALUES
    ('family', 'en', 'family'), ('family', 'it', 'famiglia famiglie'), ('family', 'de', 'Familie Familien'),
    ('family', 'fr', 'famille familles'), ('family', 'es', 'familia familias'),
    ('couple', 'en', 'couple couples'), ('couple', 'it', 'coppia coppie'), ('couple', 'de', 'Paar Paare'),
    ('couple', 'fr', 'couple couples'), ('couple', 'es', 'pareja parejas'),
    ('solo', 'en', 'solo'), ('solo', 'it', 'da solo'), ('solo', 'de', 'allein'),
    ('solo', 'fr', 'solo seul'), ('solo', 'es', 'solo'),
    ('group', 'en', 'group groups'), ('group', 'it', 'gruppo gruppi'), ('group', 'de', 'Gruppe Gruppen'),
    ('group', 'fr', 'groupe groupes'), ('group', 'es', 'grupo grupos'),
    ('adventure', 'en', 'adventure'), ('adventure', 'it', 'avventura'), ('adventure', 'de', 'Abenteuer'),
    ('adventure', 'fr', 'aventure'), ('adventure', 'es', 'aventura'),
    ('relax', 'en', 'relax relaxation'), ('relax', 'it', 'relax'), ('relax', 'de', 'Entspannung'),
    ('relax', 'fr', 'détente'), ('relax', 'es', 'relax descanso'),
    ('culture', 'en', 'culture'), ('culture', 'it', 'cultura'), ('culture', 'de', 'Kultur'),
    ('culture', 'fr', 'culture'), ('culture', 'es', 'cultura'),
    ('food', 'en', 'food'), ('food', 'it', 'cibo enogastronomia'), ('food', 'de', 'Essen Kulinarik'),
    ('food', 'fr', 'gastronomie cuisine'), ('food', 'es', 'comida gastronomía'),
    ('nature', 'en', 'nature'), ('nature', 'it', 'natura'), ('nature', 'de', 'Natur'),
    ('nature', 'fr', 'nature'), ('nature', 'es', 'naturaleza'),
    ('lake', 'en', 'lake'), ('lake', 'it', 'lago laghi'), ('lake', 'de', 'See'),
    ('lake', 'fr', 'lac'), ('lake', 'es', 'lago'),
    ('mountain', 'en', 'mountain mountains'), ('mountain', 'it', 'montagna montagne'), ('mountain', 'de', 'Berg Berge'),
    ('mountain', 'fr', 'montagne'), ('mountain', 'es', 'montaña'),
    ('accessible', 'en', 'accessible'), ('accessible', 'it', 'accessibile'), ('accessible', 'de', 'barrierefrei'),
    ('accessible', 'fr', 'accessible'), ('accessible', 'es', 'accesible'),
    ('pet_friendly', 'en', 'pet friendly dogs'), ('pet_friendly', 'it', 'animali ammessi cani'),
    ('pet_friendly', 'de', 'Haustiere Hunde'), ('pet_friendly', 'fr', 'animaux chiens'),
    ('pet_friendly', 'es', 'mascotas perros')
  ) AS l(tag, lang, label) ON l.tag = t.tag AND l.lang = p_lang
$$;--> statement-breakpoint
-- Adds the words of p_text (lower case, unaccented, 3+ letters) to the typo-correction lexicon,
-- in sorted order so two transactions never wait on each other's words in opposite orders.
CREATE FUNCTION bundling.search_learn_terms(p_text text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO bundling.search_terms (term)
  SELECT DISTINCT w FROM regexp_split_to_table(lower(unaccent(p_text)), '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 3 AND 40
  ORDER BY 1
  ON CONFLICT (term) DO NOTHING
$$;--> statement-breakpoint
-- (Re)writes the item's five documents when it is published; removes them otherwise.
CREATE FUNCTION bundling.search_index_item(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
-- "lang" is both the loop variable and a column of search_documents: in ON CONFLICT (lang, …)
-- it must name the column (without this, PostgreSQL refuses the ambiguous reference).
#variable_conflict use_column
DECLARE
  it bundling.items%ROWTYPE;
  lang text;
  tr jsonb;
  cfg regconfig;
BEGIN
  SELECT * INTO it FROM bundling.items WHERE id = p_id;
  IF NOT FOUND OR it.status <> 'published' THEN
    DELETE FROM bundling.search_documents WHERE kind = 'item' AND entity_id = p_id;
    RETURN;
  END IF;
  FOREACH lang IN ARRAY ARRAY['en', 'it', 'de', 'fr', 'es'] LOOP
    tr := bundling.search_translation(it.translations, it.default_language, lang);
    cfg := bundling.search_config(lang);
    INSERT INTO bundling.search_documents AS d (
      kind, entity_id, lang, partner_id, title, summary, place, region_code, latitude, longitude,
      region_codes, latitudes, longitudes, item_kinds, tags, currency, from_price, duration_minutes,
      duration_days, published_at, document, updated_at)
    VALUES (
      'item', it.id, lang, it.partner_id, coalesce(tr ->> 'title', ''), left(coalesce(tr ->> 'description', ''), 280),
      it.place, it.region_code, it.latitude, it.longitude,
      ARRAY[it.region_code], ARRAY[it.latitude], ARRAY[it.longitude], ARRAY[it.kind], it.tags, it.currency,
      coalesce(
        (SELECT (u ->> 'priceMinor')::bigint FROM jsonb_array_elements(it.units) u WHERE u ->> 'code' = 'adult'),
        (SELECT min((u ->> 'priceMinor')::bigint) FROM jsonb_array_elements(it.units) u), 0),
      it.duration_minutes, NULL, it.published_at,
      setweight(to_tsvector(cfg, coalesce(tr ->> 'title', '')), 'A')
        || setweight(to_tsvector(cfg, it.place), 'B')
        || setweight(to_tsvector(cfg, bundling.search_tag_words(it.tags, lang)), 'C')
        || setweight(to_tsvector(cfg, coalesce(tr ->> 'description', '')), 'D'),
      now())
    ON CONFLICT (lang, kind, entity_id) DO UPDATE SET
      partner_id = excluded.partner_id, title = excluded.title, summary = excluded.summary,
      place = excluded.place, region_code = excluded.region_code, latitude = excluded.latitude,
      longitude = excluded.longitude, region_codes = excluded.region_codes, latitudes = excluded.latitudes,
      longitudes = excluded.longitudes, item_kinds = excluded.item_kinds, tags = excluded.tags,
      currency = excluded.currency, from_price = excluded.from_price,
      duration_minutes = excluded.duration_minutes, duration_days = excluded.duration_days,
      published_at = excluded.published_at, document = excluded.document, updated_at = excluded.updated_at;
  END LOOP;
  PERFORM bundling.search_learn_terms(
    it.place || ' ' || coalesce((SELECT string_agg(value ->> 'title', ' ') FROM jsonb_each(it.translations)), ''));
END
$$;--> statement-breakpoint
-- (Re)writes the package's five documents when it is published; removes them otherwise. Its
-- destinations, kinds and line titles come from its lines' items.
CREATE FUNCTION bundling.search_index_package(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  pk bundling.packages%ROWTYPE;
  lang text;
  tr jsonb;
  cfg regconfig;
  first_item bundling.items%ROWTYPE;
  places text;
  codes text[];
  lats double precision[];
  lngs double precision[];
  kinds text[];
  line_titles text;
BEGIN
  SELECT * INTO pk FROM bundling.packages WHERE id = p_id;
  IF NOT FOUND OR pk.status <> 'published' THEN
    DELETE FROM bundling.search_documents WHERE kind = 'package' AND entity_id = p_id;
    RETURN;
  END IF;
  SELECT i.* INTO first_item FROM bundling.items i WHERE i.id = (pk.items -> 0 ->> 'itemId')::uuid;
  IF NOT FOUND THEN
    DELETE FROM bundling.search_documents WHERE kind = 'package' AND entity_id = p_id;
    RETURN;
  END IF;
  SELECT string_agg(DISTINCT i.place, ' '), array_agg(i.region_code ORDER BY l.ord),
         array_agg(i.latitude ORDER BY l.ord), array_agg(i.longitude ORDER BY l.ord),
         array_agg(DISTINCT i.kind)
    INTO places, codes, lats, lngs, kinds
  FROM jsonb_array_elements(pk.items) WITH ORDINALITY AS l(line, ord)
  JOIN bundling.items i ON i.id = (l.line ->> 'itemId')::uuid;
  FOREACH lang IN ARRAY ARRAY['en', 'it', 'de', 'fr', 'es'] LOOP
    tr := bundling.search_translation(pk.translations, pk.default_language, lang);
    cfg := bundling.search_config(lang);
    SELECT string_agg(bundling.search_translation(i.translations, i.default_language, lang) ->> 'title', ' ')
      INTO line_titles
    FROM jsonb_array_elements(pk.items) AS l(line) JOIN bundling.items i ON i.id = (l.line ->> 'itemId')::uuid;
    INSERT INTO bundling.search_documents AS d (
      kind, entity_id, lang, partner_id, title, summary, place, region_code, latitude, longitude,
      region_codes, latitudes, longitudes, item_kinds, tags, currency, from_price, duration_minutes,
      duration_days, published_at, document, updated_at)
    VALUES (
      'package', pk.id, lang, pk.partner_id, coalesce(tr ->> 'title', ''), left(coalesce(tr ->> 'description', ''), 280),
      first_item.place, first_item.region_code, first_item.latitude, first_item.longitude,
      codes, lats, lngs, kinds, pk.tags, pk.currency, pk.base_price, NULL,
      (SELECT max((l ->> 'dayOffset')::int + (l ->> 'days')::int) FROM jsonb_array_elements(pk.items) l),
      pk.published_at,
      setweight(to_tsvector(cfg, coalesce(tr ->> 'title', '')), 'A')
        || setweight(to_tsvector(cfg, coalesce(places, '')), 'B')
        || setweight(to_tsvector(cfg, bundling.search_tag_words(pk.tags, lang) || ' ' || coalesce(line_titles, '')), 'C')
        || setweight(to_tsvector(cfg, coalesce(tr ->> 'description', '')), 'D'),
      now())
    ON CONFLICT (lang, kind, entity_id) DO UPDATE SET
      partner_id = excluded.partner_id, title = excluded.title, summary = excluded.summary,
      place = excluded.place, region_code = excluded.region_code, latitude = excluded.latitude,
      longitude = excluded.longitude, region_codes = excluded.region_codes, latitudes = excluded.latitudes,
      longitudes = excluded.longitudes, item_kinds = excluded.item_kinds, tags = excluded.tags,
      currency = excluded.currency, from_price = excluded.from_price,
      duration_minutes = excluded.duration_minutes, duration_days = excluded.duration_days,
      published_at = excluded.published_at, document = excluded.document, updated_at = excluded.updated_at;
  END LOOP;
  PERFORM bundling.search_learn_terms(
    coalesce(places, '') || ' ' || coalesce((SELECT string_agg(value ->> 'title', ' ') FROM jsonb_each(pk.translations)), ''));
END
$$;--> statement-breakpoint
CREATE FUNCTION bundling.search_items_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM bundling.search_documents WHERE kind = 'item' AND entity_id = OLD.id;
    RETURN NULL;
  END IF;
  PERFORM bundling.search_index_item(NEW.id);
  -- A package's documents carry its items' places, kinds and titles.
  IF TG_OP = 'UPDATE' AND (NEW.translations, NEW.default_language, NEW.place, NEW.region_code, NEW.latitude,
      NEW.longitude, NEW.kind) IS DISTINCT FROM (OLD.translations, OLD.default_language, OLD.place,
      OLD.region_code, OLD.latitude, OLD.longitude, OLD.kind) THEN
    PERFORM bundling.search_index_package(p.id)
    FROM bundling.package_items pi JOIN bundling.packages p ON p.id = pi.package_id
    WHERE pi.item_id = NEW.id AND p.status = 'published'
    ORDER BY p.id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION bundling.search_packages_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM bundling.search_documents WHERE kind = 'package' AND entity_id = OLD.id;
    RETURN NULL;
  END IF;
  PERFORM bundling.search_index_package(NEW.id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER search_items_sync AFTER INSERT OR UPDATE OR DELETE ON bundling.items
  FOR EACH ROW EXECUTE FUNCTION bundling.search_items_sync();--> statement-breakpoint
CREATE TRIGGER search_packages_sync AFTER INSERT OR UPDATE OR DELETE ON bundling.packages
  FOR EACH ROW EXECUTE FUNCTION bundling.search_packages_sync();--> statement-breakpoint
-- What was published before this migration.
SELECT bundling.search_index_item(id) FROM bundling.items WHERE status = 'published' ORDER BY id;--> statement-breakpoint
SELECT bundling.search_index_package(id) FROM bundling.packages WHERE status = 'published' ORDER BY id;
