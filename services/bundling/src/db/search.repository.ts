import { sql, type SQL } from 'drizzle-orm';
import type { ItemKind, Locale, Party } from '@tourconnect/contracts/http';
import type { Executor } from '@tourconnect/db';

/**
 * Search over bundling's search index (table `search_documents`, kept by the triggers of
 * migration 0002) in ONE statement: text and destination match, the availability and price of
 * every match for the party on the dates (packages: every line on its days, the cheapest
 * fitting slot, discount rules as the pricing engine applies them), filters, facet counts and
 * one page. services/bundling/README.md ("Search and Discover") says what each part means.
 */

export interface SearchSpec {
  lang: Locale;
  /** The query's text search (resolveTerms); null or empty: no text filter. */
  query: ResolvedTerms | null;
  /** The destination by name (resolveTerms, titles and places only) and/or a region code ("IT-32") or country ("IT"). */
  dest: ResolvedTerms | null;
  destCode: string | null;
  near: { latitude: number; longitude: number; radiusKm: number } | null;
  kind: 'package' | 'item' | null;
  itemKind: ItemKind | null;
  tags: readonly string[];
  verifiedOnly: boolean;
  price: { min: number | null; max: number | null; currency: string } | null;
  /** Start dates (inclusive); null: no availability filter, from-prices. */
  dates: { from: string; to: string } | null;
  party: Party;
  sort: 'relevance' | 'price' | 'newest';
  limit: number;
  offset: number;
  /** Only these entities (Discover's trending section). */
  onlyIds?: readonly string[] | undefined;
  /** Skip the facet counts (Discover). */
  facets: boolean;
  /** Sponsored candidates: these entities' rows and organic ranks in the whole result, and the top score. */
  rankIds?: readonly string[] | undefined;
  now: Date;
}

export interface SearchRow {
  kind: 'package' | 'item';
  entityId: string;
  partnerId: string;
  partnerName: string;
  partnerVerified: boolean;
  title: string;
  summary: string;
  place: string;
  regionCode: string;
  latitude: number;
  longitude: number;
  itemKinds: ItemKind[];
  tags: string[];
  currency: string;
  priceMinor: number;
  startDate: string | null;
  durationMinutes: number | null;
  durationDays: number | null;
  publishedAt: string | null;
  score: number;
  distanceKm: number | null;
  imageId: string | null;
}

export interface SearchCounts {
  kind: Record<string, number>;
  itemKind: Record<string, number>;
  tags: Record<string, number>;
  verified: { verified: number; all: number };
}

export interface SearchOutcome {
  total: number;
  rows: SearchRow[];
  facets: SearchCounts | null;
  /** With `rankIds`: those found, with their 0-based rank in the whole ordered result. */
  ranked?: (SearchRow & { rank: number })[];
  /** With `rankIds`: the best score of the whole result (0 when empty). */
  topScore?: number;
  /** What the answer can say of its own freshness (src/domain/search/search-freshness.ts). */
  clock: {
    /** Some other transaction held a transaction id (may have written) just before the statement. */
    writesInFlight: boolean;
    /**
     * With dates: the earliest cut-off (epoch ms) among the rows the statement found open —
     * the first moment the clock alone can take a slot out of the answer; null when none.
     */
    closesAt: number | null;
  };
}

/** A corrected word needs at least this trigram similarity to a catalogue word. */
const CORRECTION_SIMILARITY = 0.4;
const CORRECTIONS_PER_WORD = 3;
const EARTH_RADIUS_KM = 6371;

/**
 * Per query word: the word itself; when no document in the language has it (a typo, another
 * spelling), up to three words of the catalogue close to it by trigram similarity ("dolomitti"
 * → dolomiti) that the language's dictionary does not reduce to the word's own stem; and for
 * any word the longest catalogue word it starts with, as a compound's head ("gardasee" →
 * garda). `fuzzy` requires every word (or one of its alternatives); `exact` is any of the words
 * as typed, which ranks exact matches above corrected ones. `weights` restricts the match to
 * weighted parts of the documents ('AB': titles and places).
 */
function termsCte(name: string, words: readonly string[], lang: Locale, weights = ''): SQL {
  const suffix = weights ? `:${weights}` : '';
  const id = sql.raw(name);
  return sql`
    ${id}_words AS (
      SELECT ord, w FROM (
        SELECT t.ord, regexp_replace(lower(unaccent(t.raw)), '[^[:alnum:]]+', '', 'g') AS w
        FROM unnest(${sql.param([...words])}::text[]) WITH ORDINALITY AS t(raw, ord)
      ) x WHERE w <> ''
    ),
    ${id}_alts AS (
      SELECT qw.ord, qw.w, alt.term, alt.corrected
      FROM ${id}_words qw
      CROSS JOIN LATERAL (
        SELECT qw.w AS term, false AS corrected
        UNION
        (SELECT st.term, true FROM bundling.search_terms st
          WHERE length(qw.w) >= 4
            -- a word some document in this language has is no typo
            -- (OFFSET 0 fences the lookup: planned alone it uses the GIN index; under EXISTS the
            -- planner expects an early hit and scans the table, all of it for a typo)
            AND NOT EXISTS (SELECT 1 FROM (SELECT known.lang FROM bundling.search_documents known
              WHERE known.document @@ plainto_tsquery(bundling.search_config(${lang}), qw.w) OFFSET 0) k
              WHERE k.lang = ${lang})
            AND st.term % qw.w AND similarity(st.term, qw.w) >= ${CORRECTION_SIMILARITY}
            -- another form of the same word ("escursioni" / "escursione") is no correction
            AND plainto_tsquery(bundling.search_config(${lang}), st.term)::text
              <> plainto_tsquery(bundling.search_config(${lang}), qw.w)::text
          ORDER BY st.term <-> qw.w, st.term
          LIMIT ${CORRECTIONS_PER_WORD})
        UNION
        -- the head of a compound the catalogue knows ("gardasee" → garda, "dolomitenwanderung" → dolomiten)
        (SELECT st.term, true FROM generate_series(4, length(qw.w) - 3) AS n
          JOIN bundling.search_terms st ON st.term = left(qw.w, n)
          ORDER BY length(st.term) DESC LIMIT 1)
      ) alt
    ),
    ${id}_groups AS (
      SELECT ord, w,
        string_agg(term || ${suffix}::text, ' | ' ORDER BY corrected, term) AS alts,
        array_agg(term ORDER BY term) FILTER (WHERE corrected) AS corrections
      FROM ${id}_alts GROUP BY ord, w
    ),
    ${id} AS (
      SELECT
        to_tsquery(bundling.search_config(${lang}), coalesce(string_agg('(' || alts || ')', ' & ' ORDER BY ord), ''))::text AS fuzzy,
        to_tsquery(bundling.search_config(${lang}), coalesce(string_agg(w || ${suffix}::text, ' | ' ORDER BY ord), ''))::text AS exact,
        coalesce(json_agg(json_build_object('word', w, 'alternatives', corrections) ORDER BY ord)
          FILTER (WHERE corrections IS NOT NULL), '[]'::json) AS corrections
      FROM ${id}_groups
    )`;
}

export interface ResolvedTerms {
  /** tsquery text (already normalised by the language's dictionary); '' when nothing searchable is left. */
  fuzzy: string;
  exact: string;
  corrections: { word: string; alternatives: string[] }[];
}

/**
 * The text search queries for the query words and the destination words, with their typo
 * corrections, in one round trip. Words that are all stop words leave an empty query (no text
 * filter).
 */
export async function resolveTerms(
  executor: Executor,
  lang: Locale,
  words: readonly string[],
  destWords: readonly string[],
): Promise<{ query: ResolvedTerms | null; dest: ResolvedTerms | null }> {
  if (words.length === 0 && destWords.length === 0) return { query: null, dest: null };
  const ctes = [termsCte('q', words, lang), termsCte('dq', destWords, lang, 'AB')];
  const result = await executor.execute<{
    q_fuzzy: string;
    q_exact: string;
    q_corrections: ResolvedTerms['corrections'];
    d_fuzzy: string;
    d_exact: string;
    d_corrections: ResolvedTerms['corrections'];
  }>(sql`
    WITH ${sql.join(ctes, sql`,`)}
    SELECT q.fuzzy AS q_fuzzy, q.exact AS q_exact, q.corrections AS q_corrections,
      dq.fuzzy AS d_fuzzy, dq.exact AS d_exact, dq.corrections AS d_corrections
    FROM q CROSS JOIN dq`);
  const row = result.rows[0]!;
  const pick = (fuzzy: string, exact: string, corrections: ResolvedTerms['corrections'], given: number) =>
    given === 0 ? null : { fuzzy, exact, corrections };
  return {
    query: pick(row.q_fuzzy, row.q_exact, row.q_corrections, words.length),
    dest: pick(row.d_fuzzy, row.d_exact, row.d_corrections, destWords.length),
  };
}

/** Great-circle distance in km from (lat, lng) to the point columns. */
function haversine(lat: SQL, lng: SQL, near: { latitude: number; longitude: number }): SQL {
  return sql`(2 * ${EARTH_RADIUS_KM} * asin(sqrt(
    power(sin(radians(${lat} - ${near.latitude}::float8) / 2), 2)
    + cos(radians(${near.latitude}::float8)) * cos(radians(${lat}))
      * power(sin(radians(${lng} - ${near.longitude}::float8) / 2), 2))))`;
}

/** The matching documents of sellable partners with their text score and distance. */
function candidatesCte(spec: SearchSpec): SQL {
  const where: SQL[] = [sql`d.lang = ${spec.lang}`, sql`pr.status = 'verified'`, sql`pr.verified`];
  const query = spec.query?.fuzzy ? spec.query : null;
  const dest = spec.dest?.fuzzy ? spec.dest : null;
  if (query) where.push(sql`d.document @@ ${query.fuzzy}::tsquery`);
  if (dest || spec.destCode) {
    const byName = dest ? sql`d.document @@ ${dest.fuzzy}::tsquery` : sql`false`;
    const byCode = spec.destCode
      ? sql`EXISTS (SELECT 1 FROM unnest(d.region_codes) rc WHERE rc = ${spec.destCode} OR rc LIKE ${`${spec.destCode}-%`})`
      : sql`false`;
    where.push(sql`(${byName} OR ${byCode})`);
  }
  if (spec.onlyIds) where.push(sql`d.entity_id = ANY(${sql.param([...spec.onlyIds])}::uuid[])`);
  let distance = sql`NULL::float8`;
  if (spec.near) {
    distance = sql`(SELECT min(${haversine(sql`pt.lat`, sql`pt.lng`, spec.near)}) FROM unnest(d.latitudes, d.longitudes) AS pt(lat, lng))`;
  }
  const scores: SQL[] = [sql`0`];
  if (query) {
    scores.push(sql`ts_rank(d.document, ${query.fuzzy}::tsquery)`);
    if (query.exact) scores.push(sql`2 * ts_rank(d.document, ${query.exact}::tsquery)`);
  }
  if (dest) scores.push(sql`ts_rank(d.document, ${dest.fuzzy}::tsquery)`);
  return sql`
    cand0 AS (
      SELECT d.kind, d.entity_id, d.partner_id, d.title, d.summary, d.place, d.region_code, d.latitude,
        d.longitude, d.item_kinds, d.tags, d.currency, d.from_price, d.duration_minutes, d.duration_days,
        d.published_at, pr.name AS partner_name, (pr.verified AND pr.status = 'verified') AS partner_verified,
        (${sql.join(scores, sql` + `)})::float8 AS score, ${distance} AS distance_km
      FROM bundling.search_documents d
      JOIN bundling.partners pr ON pr.id = d.partner_id
      WHERE ${sql.join(where, sql` AND `)}
    ),
    cand AS MATERIALIZED (
      SELECT * FROM cand0
      WHERE ${spec.near ? sql`distance_km <= ${spec.near.radiusKm}` : sql`true`}
        AND ${facetReach(spec, 'cand0')}
    )`;
}

/** Each filter a facet may leave out, as a condition on a candidate row (`at`: its table's alias). */
function facetFilters(spec: SearchSpec, at: string): SQL[] {
  const t = sql.raw(at);
  return [
    spec.kind ? sql`${t}.kind = ${spec.kind}` : sql`true`,
    spec.itemKind ? sql`${spec.itemKind} = ANY(${t}.item_kinds)` : sql`true`,
    spec.tags.length > 0 ? sql`${t}.tags @> ${sql.param([...spec.tags])}::text[]` : sql`true`,
    spec.verifiedOnly ? sql`${t}.partner_verified` : sql`true`,
  ];
}

/**
 * Which candidates the answer can count at all: a facet count leaves out one filter (its own),
 * the results and the total none, so a candidate failing two or more of kind, item kind, tags
 * and verified is in no figure of the answer — it is not priced (without facets: every filter
 * must pass). Exact: the counts are the same as pricing everything.
 */
function facetReach(spec: SearchSpec, at: string): SQL {
  const failed = facetFilters(spec, at).map((f) => sql`(NOT (${f}))::int`);
  return sql`(${sql.join(failed, sql` + `)}) <= ${spec.facets ? 1 : 0}`;
}

/**
 * For every candidate and start date in the range: bookable for the party, and at what price.
 * An item is a one-line package of itself (qty 1, one day). A line needs, on each of its days,
 * an open row (not closed, not past the item's cut-off) with room for the party (travellers but
 * infants × qty for person-priced items, qty for rooms and vehicles) and a price for every age
 * band in the party; the cheapest fitting slot is taken. Supplier shares and the seller's margin
 * follow the pricing engine (net rate per unit, or gross − floor(gross × commission)); the
 * applicable discount rules (conditions on distinct items, travel dates, days before, adults,
 * children) are summed on the subtotal and capped at the margin, which is what the engine's
 * in-order capping adds up to. Then, per candidate, the cheapest start date.
 */
function pricedCte(spec: SearchSpec, dates: { from: string; to: string }): SQL {
  const { adult: a, child: c, infant: i, senior: s } = spec.party;
  const override = (code: string) => sql`(av.price_overrides ->> ${code})::bigint`;
  const band = (code: 'adult' | 'child' | 'infant' | 'senior', count: number) =>
    count === 0
      ? { gross: sql`0`, net: sql`0` }
      : {
          gross: sql`${count} * coalesce(${override(code)}, li.p_${sql.raw(code)}, 0)`,
          net: sql`${count} * coalesce(li.n_${sql.raw(code)}, ${override(code)}, li.p_${sql.raw(code)}, 0)`,
        };
  const bands = [band('adult', a), band('child', c), band('infant', i), band('senior', s)];
  const personGross = sql.join(
    bands.map((b) => b.gross),
    sql` + `,
  );
  const personNet = sql.join(
    bands.map((b) => b.net),
    sql` + `,
  );
  const unitOverride = sql`(av.price_overrides ->> li.unit_code)::bigint`;
  const priceable = sql.join(
    (
      [
        ['adult', a],
        ['child', c],
        ['infant', i],
        ['senior', s],
      ] as const
    )
      .filter(([, count]) => count > 0)
      .map(([code]) => sql`li.p_${sql.raw(code)} IS NOT NULL`),
    sql` AND `,
  );
  const cond = (key: string) => sql`(r.rule -> 'conditions' ->> ${key})`;
  return sql`
    lines AS (
      SELECT c.kind, c.entity_id, c.partner_id AS seller_id, 0 AS pos, c.entity_id AS item_id, 1 AS qty,
        0 AS day_offset, 1 AS days
      FROM cand c WHERE c.kind = 'item'
      UNION ALL
      SELECT c.kind, c.entity_id, c.partner_id, (l.ord - 1)::int, (l.line ->> 'itemId')::uuid,
        (l.line ->> 'qty')::int, coalesce((l.line ->> 'dayOffset')::int, 0), coalesce((l.line ->> 'days')::int, 1)
      FROM cand c
      JOIN bundling.packages pk ON pk.id = c.entity_id
      CROSS JOIN LATERAL jsonb_array_elements(pk.items) WITH ORDINALITY AS l(line, ord)
      WHERE c.kind = 'package'
    ),
    line_items AS MATERIALIZED (
      SELECT l.*, it.cutoff_hours, it.time_zone,
        (it.status = 'published' AND coalesce(ip.verified AND ip.status = 'verified', false)) AS on_sale,
        CASE WHEN it.partner_id = l.seller_id OR it.bundle_terms IS NULL THEN 'own'
          ELSE it.bundle_terms ->> 'kind' END AS terms,
        coalesce((it.bundle_terms ->> 'commissionBps')::bigint, 0) AS commission_bps,
        u.*
      FROM lines l
      JOIN bundling.items it ON it.id = l.item_id
      LEFT JOIN bundling.partners ip ON ip.id = it.partner_id
      CROSS JOIN LATERAL (
        SELECT
          bool_and(x.code IN ('adult', 'child', 'infant', 'senior')) AS person,
          max(x."priceMinor") FILTER (WHERE x.code = 'adult') AS p_adult,
          max(x."priceMinor") FILTER (WHERE x.code = 'child') AS p_child,
          max(x."priceMinor") FILTER (WHERE x.code = 'infant') AS p_infant,
          max(x."priceMinor") FILTER (WHERE x.code = 'senior') AS p_senior,
          max(x."netRateMinor") FILTER (WHERE x.code = 'adult') AS n_adult,
          max(x."netRateMinor") FILTER (WHERE x.code = 'child') AS n_child,
          max(x."netRateMinor") FILTER (WHERE x.code = 'infant') AS n_infant,
          max(x."netRateMinor") FILTER (WHERE x.code = 'senior') AS n_senior,
          max(x.code) FILTER (WHERE x.code NOT IN ('adult', 'child', 'infant', 'senior')) AS unit_code,
          max(x."priceMinor") FILTER (WHERE x.code NOT IN ('adult', 'child', 'infant', 'senior')) AS p_unit,
          max(x."netRateMinor") FILTER (WHERE x.code NOT IN ('adult', 'child', 'infant', 'senior')) AS n_unit
        FROM jsonb_to_recordset(it.units) AS x(code text, "priceMinor" bigint, "netRateMinor" bigint)
      ) u
    ),
    item_need AS (
      -- Each (item, qty) once, however many packages' lines share it (a hotel's room is in dozens
      -- of packages), over every day one of those lines may need; the item's columns are the
      -- item's own, so grouping by them splits nothing.
      SELECT li.item_id, li.qty, li.person, li.cutoff_hours, li.unit_code, li.p_unit, li.n_unit,
        li.p_adult, li.p_child, li.p_infant, li.p_senior, li.n_adult, li.n_child, li.n_infant, li.n_senior,
        min(li.day_offset) AS first_offset, max(li.day_offset + li.days - 1) AS last_offset
      FROM line_items li WHERE li.on_sale
      GROUP BY li.item_id, li.qty, li.person, li.cutoff_hours, li.unit_code, li.p_unit, li.n_unit,
        li.p_adult, li.p_child, li.p_infant, li.p_senior, li.n_adult, li.n_child, li.n_infant, li.n_senior
    ),
    item_day AS MATERIALIZED (
      -- Per (item, qty) and day, the cheapest fitting row: one index range scan each (materialized:
      -- inlined, the planner joined the lines first and ran the scan once per line, not per item).
      SELECT li.item_id, li.qty, best.date, best.gross, best.supplier_net, best.closes_at
      FROM item_need li
      CROSS JOIN LATERAL (
        -- closes_at: the first cut-off among every row the scan found open, chosen or not (a
        -- window over the scan, before DISTINCT ON): until then the clock alone changes nothing.
        SELECT DISTINCT ON (av.date) av.date, g.gross, g.supplier_net,
          min(av.starts_at - make_interval(hours => li.cutoff_hours)) OVER () AS closes_at
        FROM bundling.availability av
        CROSS JOIN LATERAL (
          SELECT
            CASE WHEN li.person THEN li.qty * (${personGross})
              ELSE li.qty * coalesce(${unitOverride}, li.p_unit) END AS gross,
            CASE WHEN li.person THEN li.qty * (${personNet})
              ELSE li.qty * coalesce(li.n_unit, ${unitOverride}, li.p_unit) END AS supplier_net
        ) g
        WHERE av.item_id = li.item_id
          AND av.date BETWEEN ${dates.from}::date + li.first_offset AND ${dates.to}::date + li.last_offset
          AND NOT av.closed
          AND av.capacity - av.held - av.sold >= CASE WHEN li.person THEN ${a + c + s} * li.qty ELSE li.qty END
          AND av.starts_at - make_interval(hours => li.cutoff_hours) >= ${spec.now}::timestamptz
        ORDER BY av.date, g.gross
      ) best
      WHERE NOT li.person OR (${priceable})
    ),
    line_day AS (
      -- Per line and day of it, its item's cheapest fitting row.
      SELECT li.kind, li.entity_id, li.pos, li.day_offset, li.days, d.date, d.gross, d.supplier_net
      FROM line_items li
      JOIN item_day d ON d.item_id = li.item_id AND d.qty = li.qty
        AND d.date BETWEEN ${dates.from}::date + li.day_offset AND ${dates.to}::date + li.day_offset + li.days - 1
      WHERE li.on_sale
    ),
    line_start AS (
      -- A one-day line's day is its start (most lines): no grouping needed.
      SELECT ld.kind, ld.entity_id, ld.pos, ld.date - ld.day_offset AS start_date,
        ld.gross::numeric AS gross, ld.supplier_net::numeric AS supplier_net, 1::bigint AS n
      FROM line_day ld WHERE ld.days = 1
      UNION ALL
      SELECT ld.kind, ld.entity_id, ld.pos, ld.date - ld.day_offset - k.k AS start_date,
        sum(ld.gross) AS gross, sum(ld.supplier_net) AS supplier_net, count(*) AS n
      FROM line_day ld CROSS JOIN LATERAL generate_series(0, ld.days - 1) AS k(k)
      WHERE ld.days > 1
      GROUP BY 1, 2, 3, 4
    ),
    line_priced AS (
      SELECT ls.kind, ls.entity_id, ls.pos, ls.start_date, ls.gross,
        CASE li.terms WHEN 'own' THEN 0 WHEN 'net_rate' THEN ls.supplier_net
          ELSE ls.gross - (ls.gross * li.commission_bps) / 10000 END AS share
      FROM line_start ls
      JOIN line_items li ON li.kind = ls.kind AND li.entity_id = ls.entity_id AND li.pos = ls.pos
      WHERE ls.n = li.days AND ls.start_date BETWEEN ${dates.from}::date AND ${dates.to}::date
    ),
    entity_meta AS (
      SELECT kind, entity_id, count(*) AS n_lines, count(DISTINCT item_id) AS distinct_items,
        (array_agg(time_zone ORDER BY pos))[1] AS tz
      FROM line_items GROUP BY 1, 2
    ),
    entity_start AS (
      SELECT lp.kind, lp.entity_id, lp.start_date, count(*) AS n_lines, sum(lp.gross) AS subtotal,
        sum(lp.gross - lp.share) AS margin, bool_and(lp.share <= lp.gross) AS shares_ok
      FROM line_priced lp GROUP BY 1, 2, 3
    ),
    priced AS (
      SELECT DISTINCT ON (es.kind, es.entity_id) es.kind, es.entity_id, es.start_date,
        (es.subtotal - LEAST(es.margin, coalesce(rules.discount, 0)))::bigint AS total
      FROM entity_start es
      JOIN entity_meta em ON em.kind = es.kind AND em.entity_id = es.entity_id
      LEFT JOIN bundling.packages pk ON es.kind = 'package' AND pk.id = es.entity_id
      LEFT JOIN LATERAL (
        SELECT sum(CASE WHEN r.rule ->> 'type' = 'percentage'
            THEN (es.subtotal * (r.rule ->> 'bps')::bigint) / 10000
            ELSE (r.rule ->> 'amountMinor')::bigint END) AS discount
        FROM jsonb_array_elements(coalesce(pk.discount_rules, '[]'::jsonb)) AS r(rule)
        WHERE (${cond('minDistinctItems')} IS NULL OR em.distinct_items >= ${cond('minDistinctItems')}::int)
          AND (${cond('travelFrom')} IS NULL OR es.start_date >= ${cond('travelFrom')}::date)
          AND (${cond('travelTo')} IS NULL OR es.start_date <= ${cond('travelTo')}::date)
          AND (${cond('minDaysBefore')} IS NULL
            OR es.start_date - (${spec.now}::timestamptz AT TIME ZONE em.tz)::date >= ${cond('minDaysBefore')}::int)
          AND (${cond('minAdults')} IS NULL OR ${a + s} >= ${cond('minAdults')}::int)
          AND (${cond('minChildren')} IS NULL OR ${c + i} >= ${cond('minChildren')}::int)
      ) rules ON true
      WHERE es.n_lines = em.n_lines AND es.shares_ok
        AND (pk.id IS NULL OR (
          (pk.availability ->> 'from' IS NULL OR es.start_date >= (pk.availability ->> 'from')::date)
          AND (pk.availability ->> 'to' IS NULL OR es.start_date <= (pk.availability ->> 'to')::date)))
      ORDER BY es.kind, es.entity_id, total, es.start_date
    )`;
}

function orderBy(sort: SearchSpec['sort']): SQL {
  switch (sort) {
    case 'price':
      return sql`price ASC, score DESC, published_at DESC NULLS LAST, kind, entity_id`;
    case 'newest':
      return sql`published_at DESC NULLS LAST, kind, entity_id`;
    default:
      return sql`score DESC, distance_km ASC NULLS LAST, published_at DESC NULLS LAST, kind, entity_id`;
  }
}

/**
 * The search versions: `catalogue` (migration 0006) moves with every statement that changes what
 * is on sale, where, when and at what price; `counts` (migration 0007) with bookings' counters.
 */
export async function searchVersion(executor: Executor): Promise<{ catalogue: string; counts: string }> {
  const result = await executor.execute<{ catalogue: string; counts: string }>(
    sql`SELECT (SELECT last_value::text || ':' || is_called::text FROM bundling.search_version) AS catalogue,
      (SELECT last_value::text || ':' || is_called::text FROM bundling.search_counts_version) AS counts`,
  );
  return result.rows[0]!;
}

/** The search in one statement; see the module comment. */
export async function searchIndex(executor: Executor, spec: SearchSpec): Promise<SearchOutcome> {
  // JIT compilation costs more than the statement saves by it (its planner estimate of the CTEs
  // is large, the rows it touches are few): measured 0.2–0.45 s compiling per search.
  //
  // Before the statement (so before its snapshot), whether any other transaction holds a
  // transaction id, i.e. may have written: one that moved the search version before the caller
  // read it and commits after the snapshot is still running now, so "none" proves the version
  // covers everything the answer missed (src/domain/search/search-freshness.ts). The snapshot's
  // own list cannot say it: it leaves out running ids past the last completed one.
  const result = await executor.transaction(async (tx) => {
    const before = await tx.execute<{ writes_in_flight: boolean }>(
      sql`SELECT set_config('jit', 'off', true),
        EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()) AS writes_in_flight`,
    );
    const found = await tx.execute<{
      total: string | number;
      items: RawRow[] | null;
      facets: SearchCounts | null;
      ranked?: (RawRow & { ord: number })[] | null;
      top_score?: number | null;
      closes_at: number | null;
    }>(searchStatement(spec));
    return { ...found, writesInFlight: before.rows[0]!.writes_in_flight };
  });
  const row = result.rows[0]!;
  const outcome: SearchOutcome = {
    total: Number(row.total),
    rows: (row.items ?? []).map(toSearchRow),
    facets: row.facets,
    clock: {
      writesInFlight: result.writesInFlight,
      closesAt: row.closes_at === null ? null : Number(row.closes_at),
    },
  };
  if (spec.rankIds) {
    outcome.ranked = (row.ranked ?? []).map((raw) => ({ ...toSearchRow(raw), rank: Number(raw.ord) - 1 }));
    outcome.topScore = Number(row.top_score ?? 0);
  }
  return outcome;
}

/** The statement searchIndex runs (one row: total, items as JSON, facets as JSON). */
export function searchStatement(spec: SearchSpec): SQL {
  const ctes: SQL[] = [candidatesCte(spec)];
  if (spec.dates) ctes.push(pricedCte(spec, spec.dates));

  const price = spec.dates ? sql`p.total` : sql`c.from_price`;
  const priceFilter = spec.price
    ? sql.join(
        [
          sql`c.currency = ${spec.price.currency}`,
          spec.price.min !== null ? sql`${price} >= ${spec.price.min}` : sql`true`,
          spec.price.max !== null ? sql`${price} <= ${spec.price.max}` : sql`true`,
        ],
        sql` AND `,
      )
    : sql`true`;
  const [fKind, fItemKind, fTags, fVerified] = facetFilters(spec, 'c');
  ctes.push(sql`
    res AS MATERIALIZED (
      SELECT c.*, ${price}::bigint AS price, ${spec.dates ? sql`to_char(p.start_date, 'YYYY-MM-DD')` : sql`NULL::text`} AS start_date,
        ${fKind} AS f_kind, ${fItemKind} AS f_item_kind, ${fTags} AS f_tags, ${fVerified} AS f_verified,
        (${priceFilter}) AS f_price
      FROM cand c
      ${spec.dates ? sql`JOIN priced p ON p.kind = c.kind AND p.entity_id = c.entity_id` : sql``}
    )`);

  const all = sql`f_kind AND f_item_kind AND f_tags AND f_verified AND f_price`;
  const facets = spec.facets
    ? sql`json_build_object(
        'kind', (SELECT coalesce(json_object_agg(kind, n), '{}'::json) FROM (
          SELECT kind, count(*) AS n FROM res WHERE f_item_kind AND f_tags AND f_verified AND f_price GROUP BY kind) k),
        'itemKind', (SELECT coalesce(json_object_agg(ik, n), '{}'::json) FROM (
          SELECT ik, count(*) AS n FROM res CROSS JOIN LATERAL unnest(item_kinds) AS ik
          WHERE f_kind AND f_tags AND f_verified AND f_price GROUP BY ik) k),
        'tags', (SELECT coalesce(json_object_agg(tag, n), '{}'::json) FROM (
          SELECT tag, count(*) AS n FROM res CROSS JOIN LATERAL unnest(tags) AS tag WHERE ${all} GROUP BY tag) k),
        'verified', (SELECT json_build_object('verified', count(*) FILTER (WHERE partner_verified), 'all', count(*))
          FROM res WHERE f_kind AND f_item_kind AND f_tags AND f_price)
      )`
    : sql`NULL::json`;

  const order = orderBy(spec.sort);
  const columns = sql`r.ord, r.kind, r.entity_id, r.partner_id, r.partner_name, r.partner_verified,
          r.title, r.summary, r.place, r.region_code, r.latitude, r.longitude, r.item_kinds, r.tags, r.currency,
          r.price, r.start_date, r.duration_minutes, r.duration_days, r.published_at, r.score, r.distance_km,
          CASE WHEN r.kind = 'item'
            THEN (SELECT im.id FROM bundling.images im WHERE im.item_id = r.entity_id
                  ORDER BY im.position, im.created_at LIMIT 1)
            ELSE (SELECT im.id FROM bundling.images im WHERE im.package_id = r.entity_id
                  ORDER BY im.position, im.created_at LIMIT 1) END AS image_id`;
  // Sponsored candidates (src/domain/campaigns): their rows wherever they rank, and the best score.
  const ranked = spec.rankIds
    ? sql`,
      (SELECT json_agg(rk ORDER BY rk.ord) FROM (
        SELECT ${columns} FROM (
          SELECT x.* FROM (SELECT res.*, row_number() OVER (ORDER BY ${order}) AS ord FROM res WHERE ${all}) x
          WHERE x.entity_id = ANY(${sql.param([...spec.rankIds])}::uuid[])
        ) r
      ) rk) AS ranked,
      (SELECT max(score) FROM res WHERE ${all}) AS top_score`
    : sql``;
  return sql`
    WITH ${sql.join(ctes, sql`,`)}
    SELECT
      (SELECT count(*) FROM res WHERE ${all}) AS total,
      (SELECT json_agg(pg ORDER BY pg.ord) FROM (
        SELECT ${columns}
        FROM (
          SELECT res.*, row_number() OVER (ORDER BY ${order}) AS ord FROM res WHERE ${all}
          ORDER BY ${order} LIMIT ${spec.limit} OFFSET ${spec.offset}
        ) r
      ) pg) AS items,
      ${facets} AS facets${ranked},
      -- The answer's own freshness (src/domain/search/search-freshness.ts).
      ${spec.dates ? sql`(SELECT (extract(epoch FROM min(closes_at)) * 1000)::float8 FROM item_day)` : sql`NULL::float8`} AS closes_at`;
}

interface RawRow {
  kind: 'package' | 'item';
  entity_id: string;
  partner_id: string;
  partner_name: string;
  partner_verified: boolean;
  title: string;
  summary: string;
  place: string;
  region_code: string;
  latitude: number;
  longitude: number;
  item_kinds: ItemKind[];
  tags: string[];
  currency: string;
  price: number;
  start_date: string | null;
  duration_minutes: number | null;
  duration_days: number | null;
  published_at: string | null;
  score: number;
  distance_km: number | null;
  image_id: string | null;
}

function toSearchRow(raw: RawRow): SearchRow {
  return {
    kind: raw.kind,
    entityId: raw.entity_id,
    partnerId: raw.partner_id,
    partnerName: raw.partner_name,
    partnerVerified: raw.partner_verified,
    title: raw.title,
    summary: raw.summary,
    place: raw.place,
    regionCode: raw.region_code,
    latitude: raw.latitude,
    longitude: raw.longitude,
    itemKinds: raw.item_kinds,
    tags: raw.tags,
    currency: raw.currency,
    priceMinor: Number(raw.price),
    startDate: raw.start_date,
    durationMinutes: raw.duration_minutes,
    durationDays: raw.duration_days,
    publishedAt: raw.published_at ? new Date(raw.published_at).toISOString() : null,
    score: Number(raw.score),
    distanceKm: raw.distance_km === null ? null : Math.round(raw.distance_km * 10) / 10,
    imageId: raw.image_id,
  };
}
