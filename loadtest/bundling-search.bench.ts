import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { buildBundlingService } from '@tourconnect/bundling';
import { settingsSchema as bundlingSettingsSchema } from '@tourconnect/bundling/config';
import { createDatabase } from '@tourconnect/db';
import { createTestDatabase } from '@tourconnect/db/testing';
import { createInProcessTransport } from '@tourconnect/events';
import { buildGateway } from '@tourconnect/gateway';
import { createLogger, jwtConsumerConfigSchema, type ServiceApp } from '@tourconnect/service-kit';
import {
  clientAddress,
  figuresRow,
  loadFigures,
  runClientsInChild,
  sendRequest,
  serveClientsInChild,
  statusText,
  type LoadFigures,
} from './child-load.ts';

/**
 * Search and Discover through the gateway on a catalogue of a few thousand items: PARTNERS
 * verified partners, ITEMS items in 25 Italian destinations (titles in Italian and English,
 * many also in German, French and Spanish), PACKAGES packages of a stay and a tour (some bundled
 * from another partner, some with a discount rule) and DAYS days of availability per item.
 * Seeded straight into bundling's tables (the search index follows through its triggers, as it
 * does for the API), then measured in one run:
 *
 * - baseline: GET /api/packages (the public list, newest first) — the same service, no search;
 * - search: a rotation of typical searches (words in five languages, typos, destination by name,
 *   region or radius, a date or a week for a party, filters, sorts, pages);
 * - discover: GET /api/discover;
 * - search at a fixed 200 requests/s (open loop: latency counted from when each request was due).
 *
 * Only bundling and the gateway run (bundling as its distributed entry runs it: a pool of 10,
 * the gateway's secret, so it believes the forwarded client address). The load comes from a
 * child process (this file with --load-clients) that measures every request itself
 * (autocannon reports no p95), each request from another client address behind an ingress, so
 * the per-client rate limits (gateway and search) apply as in production without one client
 * filling them.
 */

export interface SearchBench {
  catalogue: {
    partners: number;
    items: number;
    packages: number;
    availabilityRows: number;
    searchDocuments: number;
    learnedBookings: number;
    seedSeconds: number;
  };
  connections: number;
  durationSec: number;
  baseline: LoadFigures;
  search: LoadFigures;
  discover: LoadFigures;
  /** GET /api/packages/suggest, a rotation of trips. */
  suggest: LoadFigures;
  /** Searches that never repeat in the run (other dates and parties): no cached answer to reuse. */
  searchDistinct: LoadFigures;
  /** `search` at a fixed rate (open loop). */
  searchAtRate: LoadFigures & { targetPerSec: number };
  /**
   * The same while bookings move availability's counters: HOLDS_PER_SEC holds of one place on
   * rows of the rotation's dates, each released 50 ms later (the statements a booking and its
   * expiry run on the hot rows).
   */
  searchAtRateWithHolds: LoadFigures & { targetPerSec: number; holdsPerSec: number };
  /** Per kind of search in the rotation (closed loop, same connections). */
  byQuery: { label: string; figures: LoadFigures }[];
  loadAverage: number;
}

/** BENCH_SEARCH_SCALE=0.1 seeds a tenth of the catalogue (a quick check of the benchmark itself). */
const SCALE = Number(process.env.BENCH_SEARCH_SCALE ?? 1);
const PARTNERS = 60;
const ITEMS = Math.round(3_000 * SCALE);
const PACKAGES = Math.round(10_000 * SCALE);
/** Confirmed bookings the suggestion engine has learned from (its counts, seeded in bulk). */
const LEARNED_BOOKINGS = Math.round(20_000 * SCALE);
const DAYS = 35;
const CLIENTS = 5_000;
const RATE = 200;
const HOLDS_PER_SEC = 10;

export async function runBundlingSearchBench(
  opts = { connections: 16, durationSec: Number(process.env.BENCH_SEARCH_SECONDS ?? 10) },
): Promise<SearchBench> {
  const db = await createTestDatabase('bench_bundling_search');
  const uploads = await mkdtemp(path.join(tmpdir(), 'tc-bench-search-'));
  const transport = createInProcessTransport();
  const logger = createLogger('bench', 'error');
  const secret = randomBytes(32).toString('base64url');
  // No identity runs: anonymous searches verify no token.
  const jwks = jwtConsumerConfigSchema.parse({ ...process.env, JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json' });
  const sql = new pg.Pool({ connectionString: db.url, max: 2 });
  const apps: ServiceApp[] = [];
  try {
    const bundling = await buildBundlingService({
      settings: bundlingSettingsSchema.parse({ ...jwks, UPLOADS_DIR: uploads, SWEEPER_INTERVAL_SECONDS: '0' }),
      database: createDatabase({ url: db.url, schema: 'bundling', max: 10 }),
      transport,
      logger,
      processMetrics: false,
      gatewaySecret: secret,
    });
    apps.push(bundling);
    const bundlingUrl = await bundling.listen({ port: 0, host: '127.0.0.1' });
    const gateway = await buildGateway({
      settings: {
        IDENTITY_URL: 'http://127.0.0.1:9',
        BUNDLING_URL: bundlingUrl,
        ...jwks,
        WEB_DIST_DIR: path.join(uploads, 'no-portal'),
        CORS_ORIGINS: [],
        RATE_LIMIT_MAX: 600,
        UPSTREAM_TIMEOUT_MS: 15_000,
        TRUST_PROXY_HOPS: 1,
        GATEWAY_SECRET: secret,
      },
      transport,
      logger,
      processMetrics: false,
    });
    apps.unshift(gateway);
    const base = await gateway.listen({ port: 0, host: '127.0.0.1' });
    const started = performance.now();
    const catalogue = await seedCatalogue(sql);
    const seedSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    await sql.query(
      'ANALYZE bundling.search_documents, bundling.search_terms, bundling.availability, bundling.items, bundling.packages',
    );
    const queries = searchQueries();
    const urls = queries.map((q) => `${base}/api/packages/search?${q.query}`);
    const load = (list: string[], seconds: number, rate?: number) =>
      runClients({
        urls: list,
        clients: CLIENTS,
        connections: rate ? 64 : opts.connections,
        durationSec: seconds,
        rate,
      });

    await load(urls, 3);
    await load([`${base}/api/packages?page=1`, `${base}/api/discover?lang=en`], 2);
    const baseline = await load([`${base}/api/packages?page=1`], opts.durationSec);
    const search = await load(urls, opts.durationSec);
    const discover = await load(
      [`${base}/api/discover?lang=en`, `${base}/api/discover?lang=it&near=45.88,10.84`],
      opts.durationSec,
    );
    const suggest = await load(
      suggestQueries().map((q) => `${base}/api/packages/suggest?${q}`),
      opts.durationSec,
    );
    const searchAtRate = { ...(await load(urls, opts.durationSec, RATE)), targetPerSec: RATE };
    const holds = startHolds(sql, HOLDS_PER_SEC);
    const withHolds = await load(urls, opts.durationSec, RATE);
    const holdsMade = await holds.stop();
    const searchAtRateWithHolds = { ...withHolds, targetPerSec: RATE, holdsPerSec: holdsMade.perSec };
    const byQuery = [];
    for (const q of queries) {
      byQuery.push({ label: q.label, figures: await load([`${base}/api/packages/search?${q.query}`], 3) });
    }
    // Last: requests the gateway gave up on (504 after 15 s) still run in bundling for a while.
    const searchDistinct = await load(
      distinctSearchQueries().map((q) => `${base}/api/packages/search?${q}`),
      opts.durationSec,
    );
    const counts = await sql.query<{ docs: string; rows: string }>(
      `SELECT (SELECT count(*) FROM bundling.search_documents) AS docs, (SELECT count(*) FROM bundling.availability) AS rows`,
    );
    return {
      catalogue: {
        ...catalogue,
        availabilityRows: Number(counts.rows[0]!.rows),
        searchDocuments: Number(counts.rows[0]!.docs),
        seedSeconds,
      },
      ...opts,
      baseline,
      search,
      discover,
      suggest,
      searchDistinct,
      searchAtRate,
      searchAtRateWithHolds,
      byQuery,
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
    };
  } finally {
    await sql.end();
    for (const app of apps) await app.close().catch(() => {});
    await transport.close().catch(() => {});
    await db.drop();
    await rm(uploads, { recursive: true, force: true });
  }
}

// ─── The catalogue ───────────────────────────────────────────────────────────────────────

const DESTINATIONS: [place: string, region: string, lat: number, lng: number][] = [
  ['Riva del Garda', 'IT-32', 45.885, 10.841],
  ['Malcesine', 'IT-34', 45.763, 10.809],
  ['Sirmione', 'IT-25', 45.497, 10.606],
  ['Limone sul Garda', 'IT-25', 45.813, 10.792],
  ['Torbole', 'IT-32', 45.87, 10.873],
  ["Cortina d'Ampezzo", 'IT-34', 46.538, 12.137],
  ['Ortisei', 'IT-32', 46.574, 11.671],
  ['Bolzano', 'IT-32', 46.498, 11.354],
  ['Merano', 'IT-32', 46.671, 11.159],
  ['Trento', 'IT-32', 46.067, 11.121],
  ['Como', 'IT-25', 45.808, 9.085],
  ['Bellagio', 'IT-25', 45.987, 9.261],
  ['Stresa', 'IT-21', 45.884, 8.533],
  ['Verona', 'IT-34', 45.438, 10.992],
  ['Venezia', 'IT-34', 45.44, 12.316],
  ['Firenze', 'IT-52', 43.769, 11.256],
  ['Siena', 'IT-52', 43.318, 11.331],
  ['Roma', 'IT-62', 41.902, 12.496],
  ['Napoli', 'IT-72', 40.852, 14.268],
  ['Amalfi', 'IT-72', 40.634, 14.603],
  ['Palermo', 'IT-82', 38.116, 13.361],
  ['Cagliari', 'IT-88', 39.223, 9.121],
  ['Bologna', 'IT-45', 44.494, 11.343],
  ['Genova', 'IT-42', 44.405, 8.946],
  ['Monterosso al Mare', 'IT-42', 44.146, 9.655],
];

type Lang = 'it' | 'en' | 'de' | 'fr' | 'es';
const THEMES: { kind: string; tags: string[]; title: Record<Lang, string>; text: Record<Lang, string> }[] = [
  {
    kind: 'tour',
    tags: ['nature', 'adventure', 'mountain'],
    title: {
      it: 'Escursione guidata',
      en: 'Guided hike',
      de: 'Geführte Wanderung',
      fr: 'Randonnée guidée',
      es: 'Excursión guiada',
    },
    text: {
      it: 'sentieri e panorami',
      en: 'trails and views',
      de: 'Wege und Aussichten',
      fr: 'sentiers et panoramas',
      es: 'senderos y vistas',
    },
  },
  {
    kind: 'tour',
    tags: ['food', 'couple'],
    title: {
      it: 'Degustazione di vini',
      en: 'Wine tasting',
      de: 'Weinprobe',
      fr: 'Dégustation de vins',
      es: 'Cata de vinos',
    },
    text: {
      it: 'cantine locali',
      en: 'local cellars',
      de: 'lokale Keller',
      fr: 'caves locales',
      es: 'bodegas locales',
    },
  },
  {
    kind: 'tour',
    tags: ['lake', 'relax', 'family'],
    title: { it: 'Giro in barca', en: 'Boat tour', de: 'Bootsfahrt', fr: 'Balade en bateau', es: 'Paseo en barco' },
    text: {
      it: 'sul lago al tramonto',
      en: 'on the lake at sunset',
      de: 'auf dem See bei Sonnenuntergang',
      fr: 'sur le lac au coucher du soleil',
      es: 'por el lago al atardecer',
    },
  },
  {
    kind: 'tour',
    tags: ['adventure', 'nature'],
    title: { it: 'Tour in bicicletta', en: 'Bike tour', de: 'Radtour', fr: 'Balade à vélo', es: 'Ruta en bicicleta' },
    text: {
      it: 'e-bike inclusa',
      en: 'e-bike included',
      de: 'E-Bike inklusive',
      fr: 'vélo électrique inclus',
      es: 'bicicleta eléctrica incluida',
    },
  },
  {
    kind: 'tour',
    tags: ['culture', 'group'],
    title: {
      it: 'Visita guidata del centro storico',
      en: 'Old town walking tour',
      de: 'Altstadtführung',
      fr: 'Visite guidée de la vieille ville',
      es: 'Visita guiada al casco antiguo',
    },
    text: {
      it: 'storia e monumenti',
      en: 'history and monuments',
      de: 'Geschichte und Denkmäler',
      fr: 'histoire et monuments',
      es: 'historia y monumentos',
    },
  },
  {
    kind: 'tour',
    tags: ['food', 'family'],
    title: {
      it: 'Corso di cucina',
      en: 'Cooking class',
      de: 'Kochkurs',
      fr: 'Cours de cuisine',
      es: 'Clase de cocina',
    },
    text: {
      it: 'pasta fatta a mano',
      en: 'handmade pasta',
      de: 'handgemachte Pasta',
      fr: 'pâtes faites main',
      es: 'pasta hecha a mano',
    },
  },
];
const STAY = {
  title: { it: 'Camera doppia', en: 'Double room', de: 'Doppelzimmer', fr: 'Chambre double', es: 'Habitación doble' },
  text: {
    it: 'colazione inclusa',
    en: 'breakfast included',
    de: 'Frühstück inklusive',
    fr: 'petit-déjeuner inclus',
    es: 'desayuno incluido',
  },
};
const IN: Record<Lang, string> = { it: 'a', en: 'in', de: 'in', fr: 'à', es: 'en' };

/** A small deterministic generator, so every run seeds the same catalogue. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface SeedItem {
  id: string;
  partner: number;
  destination: number;
  stay: boolean;
  adult: number;
}

/** Partners, items, availability and packages straight into bundling's tables. */
export async function seedCatalogue(
  sql: pg.Pool,
): Promise<{ partners: number; items: number; packages: number; learnedBookings: number }> {
  const rnd = random(20_261_202);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const partnerIds = Array.from({ length: PARTNERS }, () => randomUUID());
  await insertRows(
    sql,
    'bundling.partners',
    '(id uuid, name text, type text, status text, verified boolean)',
    'id, name, type, status, verified',
    partnerIds.map((id, i) => ({
      id,
      name: `Bench partner ${i + 1}`,
      type: i % 3 === 0 ? 'hotel' : 'agency',
      status: 'verified',
      verified: true,
    })),
  );

  const items: SeedItem[] = [];
  const itemRows = [];
  for (let i = 0; i < ITEMS; i += 1) {
    const destination = i % DESTINATIONS.length;
    const [place, regionCode, lat, lng] = DESTINATIONS[destination]!;
    const stay = i % 4 === 0;
    const theme = pick(THEMES);
    const langs: Lang[] = ['it', 'en', ...(['de', 'fr', 'es'] as const).filter(() => rnd() < 0.5)];
    const translations = Object.fromEntries(
      langs.map((l) => [
        l,
        stay
          ? { title: `${STAY.title[l]} ${IN[l]} ${place}`, description: STAY.text[l] }
          : { title: `${theme.title[l]} ${IN[l]} ${place}`, description: theme.text[l] },
      ]),
    );
    const adult = 2000 + Math.floor(rnd() * 80) * 100;
    const item: SeedItem = { id: randomUUID(), partner: i % PARTNERS, destination, stay, adult };
    items.push(item);
    itemRows.push({
      id: item.id,
      partner_id: partnerIds[item.partner],
      kind: stay ? 'service' : theme.kind,
      status: 'published',
      translations,
      default_language: 'it',
      place,
      region_code: regionCode,
      latitude: lat + (rnd() - 0.5) * 0.05,
      longitude: lng + (rnd() - 0.5) * 0.05,
      duration_minutes: stay ? 1440 : 180,
      tags: stay ? ['couple', 'relax'] : theme.tags,
      currency: 'EUR',
      units: stay
        ? [{ code: 'room', priceMinor: adult * 4, netRateMinor: adult * 3 }]
        : [
            { code: 'adult', priceMinor: adult, netRateMinor: null },
            { code: 'child', priceMinor: Math.round(adult / 2), netRateMinor: null },
          ],
      capacity_model: stay ? 'daily' : 'slots',
      cutoff_hours: stay ? 0 : 12,
      start_times: stay ? [] : ['09:00'],
      bundle_terms: stay ? { kind: 'net_rate' } : rnd() < 0.5 ? { kind: 'commission', commissionBps: 1500 } : null,
      published_at: new Date(Date.now() - Math.floor(rnd() * 90) * 86_400_000).toISOString(),
    });
  }
  await insertRows(
    sql,
    'bundling.items',
    `(id uuid, partner_id uuid, kind text, status text, translations jsonb, default_language text, place text,
      region_code text, latitude float8, longitude float8, duration_minutes int, tags text[], currency text,
      units jsonb, capacity_model text, cutoff_hours int, start_times text[], bundle_terms jsonb, published_at timestamptz)`,
    `id, partner_id, kind, status, translations, default_language, place, region_code, latitude, longitude,
     duration_minutes, tags, currency, units, capacity_model, cutoff_hours, start_times, bundle_terms, published_at`,
    itemRows,
  );
  // DAYS days from tomorrow, one 09:00 slot per tour, a nightly allotment per room; some
  // closed days and weekend prices.
  await sql.query(
    `INSERT INTO bundling.availability (id, item_id, date, start_time, starts_at, capacity, closed, price_overrides)
     SELECT gen_random_uuid(), i.id, d::date, CASE WHEN i.capacity_model = 'slots' THEN '09:00' ELSE '' END,
       (d::date + CASE WHEN i.capacity_model = 'slots' THEN time '09:00' ELSE time '00:00' END) AT TIME ZONE 'Europe/Rome',
       20, random() < 0.05,
       CASE WHEN extract(isodow FROM d) >= 6 AND i.capacity_model = 'daily'
         THEN jsonb_build_object('room', ((i.units -> 0 ->> 'priceMinor')::bigint * 5) / 4) ELSE '{}'::jsonb END
     FROM bundling.items i
     CROSS JOIN generate_series(current_date + 1, current_date + ${DAYS}, interval '1 day') AS d`,
  );

  const stays = items.filter((i) => i.stay);
  const tours = items.filter((i) => !i.stay);
  const packageRows = [];
  const packageItemRows = [];
  for (let p = 0; p < PACKAGES; p += 1) {
    const tour = tours[p % tours.length]!;
    const sameDestination = stays.filter((s) => s.destination === tour.destination);
    const stay = pick(sameDestination);
    const nights = 1 + Math.floor(rnd() * 2);
    const [place] = DESTINATIONS[tour.destination]!;
    const id = randomUUID();
    const partnerId = partnerIds[tour.partner]!;
    const lines = [
      { itemId: stay.id, qty: 1, dayOffset: 0, days: nights },
      { itemId: tour.id, qty: 1, dayOffset: Math.floor(rnd() * nights), days: 1 },
    ];
    packageRows.push({
      id,
      partner_id: partnerId,
      status: 'published',
      translations: {
        it: { title: `Weekend a ${place}: ${nights} notti ed escursione`, description: 'Soggiorno e attività' },
        en: { title: `${place} weekend: ${nights} nights and a tour`, description: 'Stay and activity' },
        de: { title: `Wochenende in ${place}`, description: 'Aufenthalt und Ausflug' },
      },
      default_language: 'it',
      items: lines,
      currency: 'EUR',
      base_price: stay.adult * 4 * nights + tour.adult,
      discount_rules:
        rnd() < 0.3 ? [{ id: 'bundle', type: 'percentage', bps: 1000, conditions: { minDistinctItems: 2 } }] : [],
      policy: { tiers: [{ hoursBefore: 48, refundPercent: 100 }] },
      tags: ['family', 'lake'].filter(() => rnd() < 0.5),
      published_at: new Date(Date.now() - Math.floor(rnd() * 60) * 86_400_000).toISOString(),
    });
    packageItemRows.push(
      { package_id: id, item_id: stay.id, item_partner_id: partnerIds[stay.partner] },
      { package_id: id, item_id: tour.id, item_partner_id: partnerId },
    );
  }
  await insertRows(
    sql,
    'bundling.packages',
    `(id uuid, partner_id uuid, status text, translations jsonb, default_language text, items jsonb, currency text,
      base_price bigint, discount_rules jsonb, policy jsonb, tags text[], published_at timestamptz)`,
    'id, partner_id, status, translations, default_language, items, currency, base_price, discount_rules, policy, tags, published_at',
    packageRows,
  );
  await insertRows(
    sql,
    'bundling.package_items',
    '(package_id uuid, item_id uuid, item_partner_id uuid)',
    'package_id, item_id, item_partner_id',
    packageItemRows,
  );
  await seedLearnedBookings(sql, rnd);
  return { partners: PARTNERS, items: ITEMS, packages: PACKAGES, learnedBookings: LEARNED_BOOKINGS };
}

/**
 * The suggestion engine's counts as LEARNED_BOOKINGS confirmed bookings of random packages
 * would leave them (ledger, per-subject counts, item pairs), recounted in bulk the way
 * rebuildSuggestModel does.
 */
async function seedLearnedBookings(sql: pg.Pool, rnd: () => number): Promise<void> {
  await sql.query(
    `INSERT INTO bundling.suggest_bookings (booking_id, package_id, item_ids, month, traveller_type, state)
     SELECT gen_random_uuid(), p.id,
       ARRAY(SELECT DISTINCT (l ->> 'itemId')::uuid FROM jsonb_array_elements(p.items) l ORDER BY 1),
       1 + (n % 12), (ARRAY['family', 'couple', 'solo', 'group'])[1 + (n * 7 + $2::int) % 4], 'learned'
     FROM generate_series(1, $1::int) AS n
     JOIN (SELECT id, items, row_number() OVER (ORDER BY id) - 1 AS k FROM bundling.packages) p
       ON p.k = (n * 7919) % ${PACKAGES}`,
    [LEARNED_BOOKINGS, Math.floor(rnd() * 4)],
  );
  const byMonth = Array.from({ length: 12 }, (_, m) => `count(*) FILTER (WHERE f.month = ${m + 1})::int`).join(', ');
  const byType = ['family', 'couple', 'solo', 'group']
    .map((t) => `count(*) FILTER (WHERE f.traveller_type = '${t}')::int`)
    .join(', ');
  await sql.query(
    `INSERT INTO bundling.suggest_stats (subject_kind, subject_id, bookings, months, types)
     SELECT f.kind, f.id, count(*)::int, ARRAY[${byMonth}], ARRAY[${byType}]
     FROM (
       SELECT 'all' AS kind, '00000000-0000-0000-0000-000000000000'::uuid AS id, s.month, s.traveller_type
         FROM bundling.suggest_bookings s
       UNION ALL SELECT 'package', s.package_id, s.month, s.traveller_type FROM bundling.suggest_bookings s
       UNION ALL SELECT 'item', i.id, s.month, s.traveller_type FROM bundling.suggest_bookings s, unnest(s.item_ids) i(id)
     ) f GROUP BY f.kind, f.id`,
  );
  await sql.query(
    `INSERT INTO bundling.suggest_pairs (item_a, item_b, bookings)
     SELECT a.id, b.id, count(*)::int
     FROM bundling.suggest_bookings s, unnest(s.item_ids) a(id), unnest(s.item_ids) b(id)
     WHERE a.id < b.id GROUP BY a.id, b.id`,
  );
}

/** Rows as one JSON array per 500, through jsonb_to_recordset. */
async function insertRows(
  sql: pg.Pool,
  table: string,
  recordType: string,
  columns: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await sql.query(
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_to_recordset($1::jsonb) AS r${recordType}`,
      [JSON.stringify(rows.slice(i, i + 500))],
    );
  }
}

/** The rotation: what travellers typically ask. */
export function searchQueries(): { label: string; query: string }[] {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return [
    { label: 'words (it): escursioni lago', query: 'q=escursioni%20lago&lang=it' },
    { label: 'words (de): Wanderung Gardasee', query: 'q=Wanderung%20Gardasee&lang=de' },
    { label: 'typo (it): dolomitti', query: 'q=dolomitti&lang=it' },
    { label: 'words (en) + verified + packages', query: 'q=wine%20tasting&lang=en&verifiedOnly=true&kind=package' },
    { label: 'dest by name + date + party 2a1c', query: `dest=Riva%20del%20Garda&date=${day(10)}&party=2a1c&lang=en` },
    {
      label: 'region + week + party, packages by price',
      query: `dest=IT-32&from=${day(7)}&to=${day(13)}&party=2a&kind=package&sort=price`,
    },
    {
      label: 'radius 30 km + date, packages',
      query: `near=45.88,10.84&radiusKm=30&date=${day(12)}&kind=package&lang=it`,
    },
    { label: 'tags + item kind, page 2', query: 'tags=lake&kind=item&itemKind=tour&page=2&lang=fr' },
    { label: 'date only (whole catalogue), newest', query: `date=${day(14)}&party=2a&sort=newest&lang=es` },
  ];
}

/**
 * The rotation's searches on other start dates (1–15 days ahead) and for other parties, shuffled:
 * 1,200 different requests, so a 10 s run at the rates seen repeats none — each is computed.
 */
export function distinctSearchQueries(): string[] {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const parties = ['1a', '2a', '2a1c', '3a', '2a2c', '4a', '1a1c', '2a1s', '2a1c1i', '3a1c'];
  const shapes = [
    (d: number, p: string) => `q=escursioni%20lago&lang=it&date=${day(d)}&party=${p}`,
    (d: number, p: string) => `dest=Riva%20del%20Garda&date=${day(d)}&party=${p}&lang=en`,
    (d: number, p: string) => `dest=IT-32&from=${day(d)}&to=${day(d + 6)}&party=${p}&kind=package&sort=price`,
    (d: number, p: string) => `near=45.88,10.84&radiusKm=30&date=${day(d)}&party=${p}&kind=package&lang=it`,
    (d: number, p: string) => `date=${day(d)}&party=${p}&sort=newest&lang=es`,
    (d: number, p: string) => `q=wine%20tasting&lang=en&kind=package&date=${day(d)}&party=${p}`,
    (d: number, p: string) => `tags=lake&kind=item&itemKind=tour&lang=fr&date=${day(d)}&party=${p}`,
    (d: number, p: string) => `q=Wanderung%20Gardasee&lang=de&date=${day(d)}&party=${p}&sort=price`,
  ];
  const all: string[] = [];
  for (let d = 1; d <= 15; d += 1) for (const p of parties) for (const shape of shapes) all.push(shape(d, p));
  const rnd = random(7);
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

/** Suggest rotation: a destination or none, dates or none, a traveller type, a party. */
export function suggestQueries(): string[] {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  return [
    `dest=Riva%20del%20Garda&from=${day(7)}&to=${day(10)}&travellerType=family&party=2a2c&lang=it`,
    `dest=Firenze&from=${day(14)}&to=${day(16)}&travellerType=couple&party=2a&lang=en`,
    `dest=IT-32&from=${day(5)}&to=${day(9)}&party=2a1c&lang=de`,
    `from=${day(3)}&to=${day(5)}&travellerType=group&party=4a&lang=fr`,
    `dest=Roma&travellerType=solo&party=1a&lang=es`,
  ];
}

/**
 * Holds `perSec` times a second one place of a random open row on the rotation's dates (7–14
 * days ahead), released 50 ms later: what bookings and expiries write to availability, straight
 * in SQL. `stop()` answers how many holds were made, and how many a second.
 */
function startHolds(sql: pg.Pool, perSec: number): { stop(): Promise<{ made: number; perSec: number }> } {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  let made = 0;
  let stopped = false;
  const started = performance.now();
  const rows = sql.query<{ id: string }>(
    'SELECT id FROM bundling.availability WHERE date BETWEEN $1 AND $2 AND NOT closed AND capacity - held - sold >= 2',
    [day(7), day(14)],
  );
  const running = (async () => {
    const ids = (await rows).rows.map((r) => r.id);
    const rnd = random(11);
    while (!stopped && ids.length > 0) {
      const id = ids[Math.floor(rnd() * ids.length)]!;
      await sql.query(
        'UPDATE bundling.availability SET held = held + 1 WHERE id = $1 AND capacity - held - sold >= 1',
        [id],
      );
      made += 1;
      setTimeout(() => {
        void sql.query('UPDATE bundling.availability SET held = held - 1 WHERE id = $1 AND held >= 1', [id]);
      }, 50);
      await new Promise((resolve) => setTimeout(resolve, 1000 / perSec));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await running;
      const seconds = (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { made, perSec: Number((made / seconds).toFixed(1)) };
    },
  };
}

// ─── The load clients (a child process) ──────────────────────────────────────────────────

interface ClientOptions {
  urls: string[];
  clients: number;
  connections: number;
  durationSec: number;
  /** Open loop at this many requests/s (latency from when each was due); closed loop without. */
  rate?: number | undefined;
}

function runClients(options: ClientOptions): Promise<LoadFigures> {
  return runClientsInChild(import.meta.url, options);
}

/** `connections` loops; request n goes to urls[n % urls.length] from client address n % clients. */
async function clientLoop(options: ClientOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  let sent = 0;
  const started = performance.now();
  const end = started + options.durationSec * 1000;
  const loop = async () => {
    for (;;) {
      const n = sent++;
      // Open loop: request n is due at started + n / rate, whether or not earlier ones answered.
      const due = options.rate ? started + (n * 1000) / options.rate : performance.now();
      if (due >= end) return;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const status = await sendRequest(agent, options.urls[n % options.urls.length]!, {
        headers: { 'x-forwarded-for': clientAddress(1 + (n % options.clients)) },
      });
      latencies.push(performance.now() - due);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  agent.destroy();
  return loadFigures(latencies, statuses, (performance.now() - started) / 1000);
}

// ─── Report ──────────────────────────────────────────────────────────────────────────────

export function printBundlingSearchBench(r: SearchBench): void {
  const c = r.catalogue;
  console.log(
    `\nBundling search: ${c.items} items, ${c.packages} packages, ${c.availabilityRows} availability rows, ${c.searchDocuments} search documents, ${c.learnedBookings} learned bookings (seeded in ${c.seedSeconds} s); ${r.connections} connections through the gateway, ${r.durationSec} s each`,
  );
  console.table({
    'GET /api/packages (baseline)': figuresRow(r.baseline),
    'GET /api/packages/search (rotation)': figuresRow(r.search),
    'GET /api/discover': figuresRow(r.discover),
    'GET /api/packages/suggest (rotation)': figuresRow(r.suggest),
    'search, never repeated (computed each time)': figuresRow(r.searchDistinct),
    [`search at ${r.searchAtRate.targetPerSec}/s (open loop)`]: figuresRow(r.searchAtRate),
    [`the same with ${r.searchAtRateWithHolds.holdsPerSec} holds/s`]: figuresRow(r.searchAtRateWithHolds),
  });
  console.table(Object.fromEntries(r.byQuery.map((q) => [q.label, figuresRow(q.figures)])));
  console.log(`load average ${r.loadAverage}`);
}

export function bundlingSearchMarkdown(r: SearchBench): string[] {
  const c = r.catalogue;
  const row = (label: string, f: LoadFigures) =>
    `| ${label} | ${f.perSec} | ${f.p50Ms} ms | ${f.p95Ms} ms | ${f.p99Ms} ms | ${statusText(f)} |`;
  return [
    `**Bundling search and Discover** (${c.items} items, ${c.packages} packages, ${c.availabilityRows} availability rows, ${c.searchDocuments} search documents, ${c.learnedBookings} learned bookings; through the gateway, ${r.connections} connections, ${r.durationSec} s each; the public package list through the same gateway as the baseline; goal: search p95 < 50 ms at ${r.searchAtRate.targetPerSec} req/s with 0 errors; suggest p95 < 100 ms):`,
    '',
    '| request | req/s | p50 | p95 | p99 | answers |',
    '|---|---|---|---|---|---|',
    row('GET /api/packages (baseline)', r.baseline),
    row('GET /api/packages/search (rotation of 9)', r.search),
    row('GET /api/discover', r.discover),
    row('GET /api/packages/suggest (rotation of 5)', r.suggest),
    row('search, never the same twice (1,200 variants: computed every time)', r.searchDistinct),
    row(`search at a fixed ${r.searchAtRate.targetPerSec} req/s (open loop)`, r.searchAtRate),
    row(
      `the same while ${r.searchAtRateWithHolds.holdsPerSec} holds/s (and their releases) move availability`,
      r.searchAtRateWithHolds,
    ),
    '',
    '| search in the rotation (alone, 3 s) | req/s | p50 | p95 |',
    '|---|---|---|---|',
    ...r.byQuery.map((q) => `| ${q.label} | ${q.figures.perSec} | ${q.figures.p50Ms} ms | ${q.figures.p95Ms} ms |`),
    '',
  ];
}

if (process.argv.includes('--load-clients')) {
  await serveClientsInChild(clientLoop);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printBundlingSearchBench(await runBundlingSearchBench());
  process.exit(0);
}
