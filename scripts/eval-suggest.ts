/**
 * Offline evaluation of the AI Suggest Bundles engine (`npm run eval:suggest`).
 *
 * A synthetic catalogue and booking history with preferences the engine never sees: traveller
 * types with hidden tastes for item tags (plus a hidden per-item appeal), seasonal items that
 * are only open part of the year, destinations busier in their season, and item combinations
 * that travellers take together. Train on the first 80 % of the bookings by time; on each
 * booking of the last 20 %, hide one item and ask for the top 5 given the other items, the
 * traveller type and the travel month, among the items open that month. Report hit-rate@5 and
 * NDCG@5 for the engine and for popularity baselines, and fail (exit 1) unless the engine's
 * hit-rate@5 beats the most-booked-items baseline by at least 20 % (relative).
 *
 * Deterministic: one seeded PRNG (SEED, default 20261), no clock in the results.
 * Options (environment): SEED, BOOKINGS (default 24000), ITEMS_PER_DEST (default 40).
 */
import { travellerTypes, type ItemTag, type TravellerType } from '@tourconnect/contracts/http';
import {
  byScore,
  defaultParams,
  emptyModel,
  learn,
  type EngineParams,
  rankItems,
  type LearnedBooking,
  type ScorableItem,
  type SuggestModel,
} from '../services/bundling/src/domain/suggest/index.ts';

const SEED = Number(process.env.SEED ?? 20261);
const BOOKINGS = Number(process.env.BOOKINGS ?? 24_000);
const ITEMS_PER_DEST = Number(process.env.ITEMS_PER_DEST ?? 40);
const K = 5;
const MIN_RELATIVE_GAIN = 0.2;

// ─── Seeded randomness ───────────────────────────────────────────────────────────────────

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = prng(SEED);
const uniform = (n: number) => Math.floor(random() * n);
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
function pickWeighted<T>(values: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((s, w) => s + w, 0);
  let r = random() * total;
  for (let i = 0; i < values.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}
function pickSome<T>(values: readonly T[], n: number): T[] {
  const pool = [...values];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(uniform(pool.length), 1)[0]!);
  return out;
}

// ─── The hidden world ────────────────────────────────────────────────────────────────────

type Season = 'summer' | 'winter' | 'shoulder' | 'all';
/** Relative demand per month (Jan..Dec) and the months an item of that season is open. */
const seasonDemand: Record<Season, number[]> = {
  summer: [0.2, 0.2, 0.3, 0.5, 0.9, 1.6, 2.2, 2.2, 1.3, 0.6, 0.2, 0.2],
  winter: [2.0, 2.0, 1.5, 0.6, 0.2, 0.2, 0.3, 0.3, 0.2, 0.3, 0.8, 1.8],
  shoulder: [0.5, 0.5, 1.0, 1.6, 1.6, 1.0, 0.8, 0.8, 1.6, 1.6, 0.8, 0.5],
  all: Array<number>(12).fill(1),
};
const seasonOpen: Record<Season, (month: number) => boolean> = {
  summer: (m) => m >= 5 && m <= 10,
  winter: (m) => m >= 11 || m <= 4,
  shoulder: (m) => m >= 3 && m <= 11,
  all: () => true,
};

interface Destination {
  code: string;
  themes: ItemTag[];
  season: Season;
  popularity: number;
}
const destinations: Destination[] = [
  { code: 'IT-32-garda', themes: ['lake', 'nature', 'relax'], season: 'summer', popularity: 1.6 },
  { code: 'IT-32-dolomiti', themes: ['mountain', 'adventure', 'nature'], season: 'winter', popularity: 1.3 },
  { code: 'IT-25-como', themes: ['lake', 'relax', 'culture'], season: 'summer', popularity: 1.1 },
  { code: 'IT-52-firenze', themes: ['culture', 'food'], season: 'shoulder', popularity: 1.5 },
  { code: 'IT-21-langhe', themes: ['food', 'relax', 'nature'], season: 'shoulder', popularity: 0.8 },
  { code: 'IT-34-venezia', themes: ['culture', 'food', 'relax'], season: 'all', popularity: 1.4 },
  { code: 'IT-72-amalfi', themes: ['relax', 'food', 'nature'], season: 'summer', popularity: 1.0 },
  { code: 'IT-23-aosta', themes: ['mountain', 'adventure'], season: 'winter', popularity: 0.7 },
];

/** Hidden tastes: how much each traveller type likes each tag (log scale). */
const affinity: Record<TravellerType, Partial<Record<ItemTag, number>>> = {
  family: { family: 1.4, nature: 0.6, lake: 0.5, accessible: 0.3, adventure: 0.2, food: 0.1, relax: -0.2 },
  couple: { couple: 1.4, relax: 0.9, food: 0.7, culture: 0.4, family: -0.8, group: -0.6 },
  solo: { solo: 1.2, adventure: 0.9, culture: 0.7, mountain: 0.5, family: -0.8, couple: -0.6 },
  group: { group: 1.4, food: 0.8, adventure: 0.6, culture: 0.2, couple: -0.6 },
};
const typeShare: Record<TravellerType, number> = { family: 0.35, couple: 0.3, solo: 0.15, group: 0.2 };

interface SyntheticItem extends ScorableItem {
  dest: number;
  season: Season;
  popularity: number;
  /** Hidden appeal per traveller type (already exponentiated). */
  appeal: Record<TravellerType, number>;
  /** The combination it belongs to (items travellers take together), or -1. */
  combo: number;
  tags: ItemTag[];
}

const items: SyntheticItem[] = [];
const combos: number[][] = [];
for (let d = 0; d < destinations.length; d += 1) {
  const dest = destinations[d]!;
  const first = items.length;
  for (let k = 0; k < ITEMS_PER_DEST; k += 1) {
    const typeTags = pickSome(travellerTypes, random() < 0.5 ? 1 : 2) as ItemTag[];
    const themeTags = pickSome(dest.themes, 1 + uniform(2));
    const extra: ItemTag[] = random() < 0.2 ? [pickWeighted<ItemTag>(['accessible', 'pet_friendly'], [1, 1])] : [];
    const tags = [...new Set([...typeTags, ...themeTags, ...extra])];
    const season: Season =
      random() < 0.55 ? dest.season : pickWeighted<Season>(['summer', 'winter', 'shoulder', 'all'], [1, 1, 1, 2]);
    const noise = 0.6;
    const appeal = Object.fromEntries(
      travellerTypes.map((type) => [
        type,
        Math.exp(tags.reduce((s, tag) => s + (affinity[type][tag] ?? 0), 0) + noise * gaussian()),
      ]),
    ) as Record<TravellerType, number>;
    items.push({
      id: `item-${String(items.length).padStart(4, '0')}`,
      dest: d,
      season,
      popularity: Math.exp(0.9 * gaussian()),
      appeal,
      combo: -1,
      tags,
    });
  }
  // Combinations: about a third of the destination's items, in groups of 2–3.
  const pool = pickSome(
    Array.from({ length: ITEMS_PER_DEST }, (_, k) => first + k),
    Math.round(ITEMS_PER_DEST / 3),
  );
  while (pool.length >= 2) {
    const group = pool.splice(0, pool.length >= 3 && random() < 0.5 ? 3 : 2);
    for (const index of group) items[index]!.combo = combos.length;
    combos.push(group);
  }
}

const openIn = (item: SyntheticItem, month: number) => seasonOpen[item.season](month);

// ─── The booking history ─────────────────────────────────────────────────────────────────

interface SyntheticBooking extends LearnedBooking {
  travellerType: TravellerType;
  dest: number;
}

const START = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
const bookings: SyntheticBooking[] = [];
for (let i = 0; i < BOOKINGS; i += 1) {
  // Booked on day i·730/N of two years, travelling 0–60 days later.
  const bookedDay = Math.floor((i * 730) / BOOKINGS);
  const travel = new Date(START + (bookedDay + uniform(61)) * DAY);
  const month = travel.getUTCMonth() + 1;
  const type = pickWeighted(
    travellerTypes,
    travellerTypes.map((t) => typeShare[t]),
  );
  const dest = pickWeighted(
    destinations.map((_, d) => d),
    destinations.map((d) => d.popularity * seasonDemand[d.season][month - 1]!),
  );
  const open = items.filter((item) => item.dest === dest && openIn(item, month));
  const weight = (item: SyntheticItem) => item.popularity * item.appeal[type] * seasonDemand[item.season][month - 1]!;
  const size = pickWeighted([2, 3, 4], [0.45, 0.35, 0.2]);
  const chosen: SyntheticItem[] = [pickWeighted(open, open.map(weight))];
  while (chosen.length < size) {
    const partners = chosen
      .filter((c) => c.combo >= 0)
      .flatMap((c) => combos[c.combo]!.map((index) => items[index]!))
      .filter((p) => !chosen.includes(p) && openIn(p, month));
    if (partners.length > 0 && random() < 0.55) {
      chosen.push(partners[uniform(partners.length)]!);
      continue;
    }
    const rest = open.filter((item) => !chosen.includes(item));
    if (rest.length === 0) break;
    chosen.push(pickWeighted(rest, rest.map(weight)));
  }
  bookings.push({
    bookingId: `booking-${i}`,
    packageId: `package-${i}`,
    itemIds: [...new Set(chosen.map((c) => c.id))].sort(),
    month,
    travellerType: type,
    dest,
  });
}

// ─── Train on the first 80 %, test on the rest ───────────────────────────────────────────

const started = performance.now();
const split = Math.floor(bookings.length * 0.8);
const model: SuggestModel = emptyModel();
for (const booking of bookings.slice(0, split)) learn(model, booking);
const trainedMs = performance.now() - started;

const bookedCount = (id: string) => model.items.get(id)?.bookings ?? 0;
const byPopularity = [...items].sort((a, b) => bookedCount(b.id) - bookedCount(a.id) || (a.id < b.id ? -1 : 1));
const itemById = new Map(items.map((item) => [item.id, item]));

interface Tally {
  hits: number;
  ndcg: number;
}
const tally = (): Tally => ({ hits: 0, ndcg: 0 });
const results = { engine: tally(), popularity: tally(), destination: tally() };
/** The engine with one signal switched off, to show what each brings. */
const ablations: { name: string; params: EngineParams; tally: Tally }[] = (
  [
    ['without co-occurrence', 'association'],
    ['without traveller type', 'type'],
    ['without season', 'season'],
  ] as const
).map(([name, signal]) => ({
  name: `  engine ${name}`,
  params: { ...defaultParams, weights: { ...defaultParams.weights, [signal]: 0 } },
  tally: tally(),
}));
function score(t: Tally, ranked: readonly string[], hidden: string): void {
  const rank = ranked.slice(0, K).indexOf(hidden);
  if (rank < 0) return;
  t.hits += 1;
  t.ndcg += 1 / Math.log2(rank + 2);
}

const tests = bookings.slice(split).filter((b) => b.itemIds.length >= 2);
const openByMonth = new Map<number, SyntheticItem[]>();
for (let m = 1; m <= 12; m += 1)
  openByMonth.set(
    m,
    items.filter((item) => openIn(item, m)),
  );
const rankStarted = performance.now();
for (const booking of tests) {
  const hidden = booking.itemIds[uniform(booking.itemIds.length)]!;
  const context = booking.itemIds.filter((id) => id !== hidden);
  const inContext = new Set(context);
  const candidates = openByMonth.get(booking.month)!;
  const engine = rankItems(model, candidates, {
    travellerType: booking.travellerType,
    month: booking.month,
    contextItemIds: context,
  });
  score(
    results.engine,
    engine.slice(0, K).map((f) => f.id),
    hidden,
  );
  // Ablations: the same signals re-weighted (weights do not change the signals themselves).
  for (const ablation of ablations) {
    const w = ablation.params.weights;
    const rescored = engine
      .map((f) => ({
        id: f.id,
        score:
          w.popularity * f.popularity +
          w.association * f.association +
          w.type * Math.log(f.typeLift) +
          w.season * Math.log(f.seasonLift),
      }))
      .sort(byScore);
    score(
      ablation.tally,
      rescored.slice(0, K).map((f) => f.id),
      hidden,
    );
  }
  // Baseline: the most-booked open items (training counts), leaving out what the traveller has.
  const popular: string[] = [];
  for (const item of byPopularity) {
    if (popular.length === K) break;
    if (!inContext.has(item.id) && openIn(item, booking.month)) popular.push(item.id);
  }
  score(results.popularity, popular, hidden);
  // A stronger reference: the most-booked open items of the context items' destination.
  const dest = itemById.get(context[0]!)!.dest;
  const local: string[] = [];
  for (const item of byPopularity) {
    if (local.length === K) break;
    if (item.dest === dest && !inContext.has(item.id) && openIn(item, booking.month)) local.push(item.id);
  }
  score(results.destination, local, hidden);
}
const rankMs = performance.now() - rankStarted;

// ─── Report ──────────────────────────────────────────────────────────────────────────────

const n = tests.length;
const rate = (t: Tally) => t.hits / n;
const fmt = (v: number) => v.toFixed(4);
const rows: [string, Tally][] = [
  ['engine (co-occurrence lift + type + season)', results.engine],
  ...ablations.map((a): [string, Tally] => [a.name, a.tally]),
  ['baseline: most-booked items', results.popularity],
  ['reference: most-booked in the destination', results.destination],
];
console.log(
  `AI Suggest Bundles — offline evaluation (seed ${SEED}; ${items.length} items in ${destinations.length} destinations, ${combos.length} hidden combinations)`,
);
console.log(
  `bookings: ${bookings.length} (train ${split}, test ${n}); top ${K} among the items open in the travel month\n`,
);
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`${'model'.padEnd(width)}  hit-rate@${K}  NDCG@${K}`);
for (const [name, t] of rows)
  console.log(`${name.padEnd(width)}  ${fmt(rate(t)).padStart(10)}  ${fmt(t.ndcg / n).padStart(6)}`);
const gain = rate(results.engine) / rate(results.popularity) - 1;
console.log(
  `\nrelative hit-rate@${K} gain over the most-booked baseline: ${(gain * 100).toFixed(1)} % (required ≥ ${MIN_RELATIVE_GAIN * 100} %)`,
);
console.log(
  `training ${trainedMs.toFixed(0)} ms; ranking ${n} test bookings ${rankMs.toFixed(0)} ms (${((rankMs / n) * 1000).toFixed(0)} µs each)`,
);
if (!(gain >= MIN_RELATIVE_GAIN)) {
  console.error(
    `FAIL: the engine beats the baseline by ${(gain * 100).toFixed(1)} %, less than ${MIN_RELATIVE_GAIN * 100} %`,
  );
  process.exit(1);
}
console.log('PASS');
