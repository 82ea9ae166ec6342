import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { createTestDatabase } from '@tourconnect/db/testing';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { Mailbox } from '../scripts/all-in-one/mailbox.ts';
import { expectStatus, platformApi, signIn, signUpVerified } from '../scripts/all-in-one/platform-api.ts';
import { startPlatform } from '../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings, type AllInOneSettings } from '../scripts/all-in-one/settings.ts';
import { ingressGateway, payoutReadyPartner, pool, untilStatus } from './bench-world.ts';
import { startServiceProcess } from './distributed-processes.ts';
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
 * Holds on one hot item through the gateway: 50 clients book the same one-line package on the
 * same 09:00 slot for 10 s (capacity large enough that none is refused), so every booking
 * queues on one availability row's lock. Beside it, in the same run and through the same
 * gateway, the package's page (GET /api/packages/:id) as the baseline of a read. Afterwards the
 * row is read back: held must equal the bookings answered 201, and never pass capacity.
 *
 * The load comes from a child process (this file with --load-clients), so the clients do not
 * share the event loop of the platform; it measures every request's latency itself (autocannon
 * reports no p95).
 */

export interface HoldsBench {
  connections: number;
  durationSec: number;
  travellers: number;
  baseline: LoadFigures;
  book: LoadFigures & { holdsPerSec: number };
  /**
   * The window's bookings over the window plus the time the held event's consumers (e-mails,
   * audit entries, billing's projection) took to catch up afterwards: the rate at which the
   * platform finishes a booking's whole work, which a load longer than the window would settle at.
   */
  sustainedPerSec: number;
  /** The platform process's event loop and database pools during the window. */
  waits: ProcessWaits;
  /** The hot row afterwards (warm-up included). */
  row: { capacity: number; held: number; sold: number };
  /** Bookings answered 201 (warm-up included) and pending in the database. */
  booked: { answered201: number; pendingRows: number };
  oversold: number;
  loadAverage: number;
  /**
   * The platform process's CPU (user + system) and the SQL statements it sent during the
   * measured booking window, per booking answered 201 (downstream consumers of the held event
   * included: they run in the same process). PostgreSQL's own CPU is not in it.
   */
  perBooking: {
    cpuMs: number;
    queries: number;
    /**
     * The same from the window's start until the held event's consumers have caught up (every
     * outbox relayed, no event waiting for a durable): the window alone leaves out the consumer
     * work still queued when the load stops, which is more the busier the process. `drainMs`:
     * how long after the window that took.
     */
    drained: { cpuMs: number; queries: number; drainMs: number };
  };
  /** PostgreSQL during the measured window (sampled from pg_stat_activity). */
  database: DatabaseSample;
  /**
   * The same booking load with the gateway and bundling each in their own process (their
   * distributed entries; events over NATS), on the same database right after; the rest of the
   * platform (identity for the keys, billing and notifications) stays in the all-in-one. Both
   * bundling relays drain the one outbox: the all-in-one's hands its share of the held events
   * to its in-process consumers, the bundling process publishes the rest on NATS under its own
   * prefix, where only bundling's own consumers (the audit entry) listen. Undefined with
   * HOLDS_DISTRIBUTED=false.
   */
  distributed?:
    | {
        book: LoadFigures & { holdsPerSec: number };
        oversold: number;
        loadAverage: number;
        /** Each process's CPU (user + system, from /proc) in the measured window, per booking answered 201. */
        cpuMsPerBooking: {
          gateway: number;
          bundling: number;
          /** bundling's until its share of the held events was relayed and every booking audited (`drainMs` later). */
          bundlingDrained: number;
          drainMs: number;
        };
        database: DatabaseSample;
      }
    | undefined;
}

/**
 * Backends of the bench database, sampled every 20 ms: on average how many were running a
 * statement, and how many of those waited for a lock (the hot row's, mostly).
 */
export interface DatabaseSample {
  avgActive: number;
  avgLockWaiting: number;
}

const CLIENTS = 5_000;
const TRAVELLERS = 10;
const CAPACITY = 100_000;

export async function runBundlingHoldsBench(opts = { connections: 50, durationSec: 10 }): Promise<HoldsBench> {
  const db = await createTestDatabase('bench_bundling_holds');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tc-bench-holds-'));
  const settings = loadAllInOneSettings({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    // 0 turns the background events' holding back off (for a before/after on the same code).
    ...(process.env.BACKGROUND_EVENTS_MAX_WAIT_MS
      ? { BACKGROUND_EVENTS_MAX_WAIT_MS: process.env.BACKGROUND_EVENTS_MAX_WAIT_MS }
      : {}),
    STRIPE_EMULATOR_PORT: '0',
    OCTO_SIMULATOR_PORT: '0',
  });
  const platform = await startPlatform(settings);
  const sql = new pg.Pool({ connectionString: db.url, max: 1 });
  let gateway: ServiceApp | undefined;
  try {
    gateway = await ingressGateway(platform, settings);
    const base = await gateway.listen({ port: 0, host: '127.0.0.1' });
    const world = await seed(base, platform.mailbox, settings, sql);
    const bookUrl = `${base}/api/packages/${world.packageId}/book`;
    const bookBody = JSON.stringify({ date: world.date, party: { adult: 1 } });
    const load = (
      url: string,
      method: 'GET' | 'POST',
      body: string | undefined,
      seconds: number,
      connections: number,
    ) => runClients({ url, method, body, tokens: world.tokens, clients: CLIENTS, connections, durationSec: seconds });

    const warm = await load(bookUrl, 'POST', bookBody, 2, 10);
    await load(`${base}/api/packages/${world.packageId}`, 'GET', undefined, 2, 10);
    const baseline = await load(
      `${base}/api/packages/${world.packageId}`,
      'GET',
      undefined,
      opts.durationSec,
      opts.connections,
    );
    const probe = await startProbe();
    const sampler = sampleDatabase(db.url);
    const watch = watchProcess();
    const book = await load(bookUrl, 'POST', bookBody, opts.durationSec, opts.connections);
    const waits = watch.stop();
    const database = await sampler.stop();
    const probed = probe.read();
    const drainMs = await untilConsumersCaughtUp(platform, sql);
    const throughDrain = await probe.stop();

    const { rows } = await sql.query<{ capacity: number; held: number; sold: number }>(
      'SELECT capacity, held, sold FROM bundling.availability WHERE item_id = $1',
      [world.itemId],
    );
    const pending = await sql.query<{ n: string }>(
      "SELECT count(*) AS n FROM bundling.package_bookings WHERE package_id = $1 AND status = 'pending_payment'",
      [world.packageId],
    );
    const row = rows[0]!;
    const answered201 = (warm.statuses['201'] ?? 0) + (book.statuses['201'] ?? 0);
    const perBooking = (total: number) => Number((total / Math.max(1, book.statuses['201'] ?? 0)).toFixed(1));
    const distributed =
      process.env.HOLDS_DISTRIBUTED === 'false'
        ? undefined
        : await runDistributed({ dbUrl: db.url, platform, sql, world, bookBody, opts, heldBefore: row.held });
    return {
      ...opts,
      travellers: TRAVELLERS,
      baseline,
      book: { ...book, holdsPerSec: Math.round((book.statuses['201'] ?? 0) / opts.durationSec) },
      sustainedPerSec: Math.round((book.statuses['201'] ?? 0) / (opts.durationSec + drainMs / 1000)),
      waits,
      row,
      booked: { answered201, pendingRows: Number(pending.rows[0]!.n) },
      oversold: Math.max(0, row.held + row.sold - row.capacity, row.held - answered201),
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
      perBooking: {
        cpuMs: perBooking(probed.cpuMs),
        queries: perBooking(probed.queries),
        drained: { cpuMs: perBooking(throughDrain.cpuMs), queries: perBooking(throughDrain.queries), drainMs },
      },
      database,
      distributed,
    };
  } finally {
    await sql.end();
    await gateway?.close();
    await platform.stop();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The booking load again, through a gateway process in front of a bundling process. */
async function runDistributed(input: {
  dbUrl: string;
  platform: Awaited<ReturnType<typeof startPlatform>>;
  sql: pg.Pool;
  world: World;
  bookBody: string;
  opts: { connections: number; durationSec: number };
  heldBefore: number;
}): Promise<NonNullable<HoldsBench['distributed']>> {
  const natsUrl = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
  const prefix = `benchholds${Date.now().toString(36)}`;
  const secret = randomUUID();
  const jwksUrl = `${input.platform.services.identity}/.well-known/jwks.json`;
  const uploads = await mkdtemp(path.join(tmpdir(), 'tc-bench-holds-dist-'));
  const bundling = await startServiceProcess('services/bundling/src/server.ts', {
    DATABASE_URL: input.dbUrl,
    NATS_URL: natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
    JWKS_URL: jwksUrl,
    UPLOADS_DIR: uploads,
    SWEEPER_INTERVAL_SECONDS: '0',
    GATEWAY_SECRET: secret,
  });
  let gateway: Awaited<ReturnType<typeof startServiceProcess>> | undefined;
  try {
    gateway = await startServiceProcess('services/gateway/src/server.ts', {
      NATS_URL: natsUrl,
      NATS_SUBJECT_PREFIX: prefix,
      IDENTITY_URL: input.platform.services.identity!,
      BUNDLING_URL: bundling.url,
      JWKS_URL: jwksUrl,
      RATE_LIMIT_MAX: '100000000',
      TRUST_PROXY_HOPS: '1',
      GATEWAY_SECRET: secret,
      WEB_DIST_DIR: 'web/dist',
    });
    const bookUrl = `${gateway.url}/api/packages/${input.world.packageId}/book`;
    const load = (seconds: number, connections: number) =>
      runClients({
        url: bookUrl,
        method: 'POST',
        body: input.bookBody,
        tokens: input.world.tokens,
        clients: CLIENTS,
        connections,
        durationSec: seconds,
      });
    const warm = await load(2, 10);
    const cpu0 = { gateway: processCpuMs(gateway.child.pid), bundling: processCpuMs(bundling.child.pid) };
    const sampler = sampleDatabase(input.dbUrl);
    const book = await load(input.opts.durationSec, input.opts.connections);
    const database = await sampler.stop();
    const booked = Math.max(1, book.statuses['201'] ?? 0);
    const perBooking = (ms: number) => Number((ms / booked).toFixed(1));
    const windowCpu = {
      gateway: perBooking(processCpuMs(gateway.child.pid) - cpu0.gateway),
      bundling: perBooking(processCpuMs(bundling.child.pid) - cpu0.bundling),
    };
    const drainMs = await untilBookingsAudited(input.sql);
    const cpuMsPerBooking = {
      ...windowCpu,
      bundlingDrained: perBooking(processCpuMs(bundling.child.pid) - cpu0.bundling),
      drainMs,
    };
    const { rows } = await input.sql.query<{ capacity: number; held: number; sold: number }>(
      'SELECT capacity, held, sold FROM bundling.availability WHERE item_id = $1',
      [input.world.itemId],
    );
    const row = rows[0]!;
    const answered = (warm.statuses['201'] ?? 0) + (book.statuses['201'] ?? 0);
    return {
      book: { ...book, holdsPerSec: Math.round((book.statuses['201'] ?? 0) / input.opts.durationSec) },
      oversold: Math.max(0, row.held + row.sold - row.capacity, row.held - input.heldBefore - answered),
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
      cpuMsPerBooking,
      database,
    };
  } finally {
    await gateway?.stop();
    await bundling.stop();
    await rm(uploads, { recursive: true, force: true });
  }
}

/**
 * Waits (up to 120 s) until every outbox of the platform's database is relayed and no service
 * has an event waiting for one of its durables (in-process transport); the milliseconds it took.
 */
async function untilConsumersCaughtUp(platform: { transport: object }, sql: pg.Pool): Promise<number> {
  const started = Date.now();
  const transport = platform.transport as { serviceBacklog?: (service: string) => number };
  const services = ['bundling', 'billing', 'notifications', 'partners', 'identity'];
  const unsent = services.map((s) => `(SELECT count(*) FROM ${s}.event_outbox WHERE sent_at IS NULL)`).join(' + ');
  while (Date.now() - started < 120_000) {
    const backlog = services.reduce((sum, s) => sum + (transport.serviceBacklog?.(s) ?? 0), 0);
    const { rows } = await sql.query<{ n: string }>(`${SAMPLER_MARK} SELECT ${unsent} AS n`);
    if (backlog === 0 && Number(rows[0]!.n) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

/**
 * Waits (up to 120 s) until bundling's outbox is relayed and every booking has its
 * `booking.held` audit entry (written by bundling's consumer of the held event, in whichever
 * process took the event); the milliseconds it took.
 */
async function untilBookingsAudited(sql: pg.Pool): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    const { rows } = await sql.query<{ unsent: string; unaudited: string }>(
      `${SAMPLER_MARK} SELECT (SELECT count(*) FROM bundling.event_outbox WHERE sent_at IS NULL) AS unsent,
         (SELECT count(*) FROM bundling.package_bookings)
           - (SELECT count(*) FROM bundling.audit_log WHERE action = 'booking.held') AS unaudited`,
    );
    if (Number(rows[0]!.unsent) === 0 && Number(rows[0]!.unaudited) <= 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

/**
 * Counts this process's CPU time and SQL statements (every pg client of every service) from now
 * to `stop()` (`read()` gives them so far); with HOLDS_CPU_PROFILE=<file.cpuprofile> also writes
 * a CPU profile, which ends at the first `read()` (the measured window), or at `stop()` with
 * HOLDS_CPU_PROFILE_UNTIL=drained (the consumers' catching up included).
 */
async function startProbe(): Promise<{
  read(): { cpuMs: number; queries: number };
  stop(): Promise<{ cpuMs: number; queries: number }>;
}> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let queries = 0;
  const sqlLog = process.env.HOLDS_SQL_LOG;
  const texts = new Map<string, number>();
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const full = typeof first === 'string' ? first : (first?.text ?? '?');
    if (full.startsWith(SAMPLER_MARK)) return original.apply(this, args);
    queries++;
    if (sqlLog) {
      const text = full.slice(0, 160);
      texts.set(text, (texts.get(text) ?? 0) + 1);
    }
    return original.apply(this, args);
  };
  const profileFile = process.env.HOLDS_CPU_PROFILE;
  const session = profileFile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const read = () => {
    const cpu = process.cpuUsage(cpu0);
    return { cpuMs: (cpu.user + cpu.system) / 1000, queries };
  };
  let window: Promise<void> | undefined;
  const endWindow = () =>
    (window ??= (async () => {
      if (sqlLog) {
        const lines = [...texts].sort((a, b) => b[1] - a[1]).map(([text, n]) => `${n}\t${text}`);
        await writeFile(sqlLog, lines.join('\n'));
      }
      if (session && profileFile) {
        const { profile } = await session.post('Profiler.stop');
        await writeFile(profileFile, JSON.stringify(profile));
        session.disconnect();
      }
    })());
  return {
    read() {
      // The SQL log and the profile are of the window: both are taken now (the log synchronously).
      if (process.env.HOLDS_CPU_PROFILE_UNTIL !== 'drained') void endWindow().catch(() => {});
      return read();
    },
    async stop() {
      const figures = read();
      proto.query = original;
      await endWindow();
      return figures;
    },
  };
}

/**
 * The platform process in the measured window: its event loop's delay (how long a ready callback
 * waited for the loop) and, per database pool (by application name), how long a statement waited
 * for a connection. A connection is busy until the loop has read its answer, so under load the
 * two go together: on 5 connections the booking path queued 138 ms per statement while the loop
 * was idle a quarter of the time (2026-12-03).
 */
export interface ProcessWaits {
  loopDelayMs: { p50: number; p99: number; mean: number };
  poolWaitMs: Record<string, { acquisitions: number; mean: number; max: number }>;
}

function watchProcess(): { stop(): ProcessWaits } {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  type Connect = (this: pg.Pool, ...args: unknown[]) => unknown;
  const proto = pg.Pool.prototype as unknown as { connect: Connect };
  const original = proto.connect;
  const waits = new Map<string, { acquisitions: number; totalMs: number; max: number }>();
  const record = (pool: pg.Pool, started: number) => {
    const name = (pool.options as { application_name?: string }).application_name ?? 'unnamed';
    const wait = waits.get(name) ?? { acquisitions: 0, totalMs: 0, max: 0 };
    const ms = performance.now() - started;
    wait.acquisitions++;
    wait.totalMs += ms;
    wait.max = Math.max(wait.max, ms);
    waits.set(name, wait);
  };
  proto.connect = function (this: pg.Pool, ...args: unknown[]) {
    const started = performance.now();
    const callback = args[0];
    if (typeof callback === 'function') {
      return original.call(this, (...result: unknown[]) => {
        record(this, started);
        return (callback as (...a: unknown[]) => unknown)(...result);
      });
    }
    return (original.apply(this, args) as Promise<unknown>).then((client) => {
      record(this, started);
      return client;
    });
  };
  const ms = (ns: number) => Number((ns / 1e6).toFixed(1));
  return {
    stop() {
      loop.disable();
      proto.connect = original;
      return {
        loopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), mean: ms(loop.mean) },
        poolWaitMs: Object.fromEntries(
          [...waits].map(([name, w]) => [
            name,
            {
              acquisitions: w.acquisitions,
              mean: Number((w.totalMs / w.acquisitions).toFixed(2)),
              max: Number(w.max.toFixed(1)),
            },
          ]),
        ),
      };
    },
  };
}

/** A child process's CPU so far (user + system), from /proc/<pid>/stat; 0 where /proc is missing. */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces, inside parentheses): utime is the 14th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

// USER_HZ: 100 on every Linux this runs on.
const CLOCK_TICKS = 100;

/** Marks the sampler's own statements, which the probe does not count as the platform's. */
const SAMPLER_MARK = '/* holds-bench sampler */';

function sampleDatabase(url: string): { stop(): Promise<DatabaseSample> } {
  const client = new pg.Client({ connectionString: url });
  let samples = 0;
  let active = 0;
  let waiting = 0;
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ active: number; waiting: number }>(
        `${SAMPLER_MARK} SELECT count(*) FILTER (WHERE state = 'active')::int AS active,
                count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock')::int AS waiting
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      samples++;
      active += rows[0]!.active;
      waiting += rows[0]!.waiting;
      await new Promise((r) => setTimeout(r, 20));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await done;
      const avg = (n: number) => Number((n / Math.max(1, samples)).toFixed(1));
      return { avgActive: avg(active), avgLockWaiting: avg(waiting) };
    },
  };
}

interface World {
  packageId: string;
  itemId: string;
  date: string;
  tokens: string[];
}

/**
 * Through the public API: an owner signs up, onboards and is approved by the admin, and sets up
 * its Stripe payout account (bundling sells only packages whose partners can be paid); it
 * publishes a tour with one 09:00 slot of CAPACITY places 30 days ahead and a one-line package
 * of it; TRAVELLERS travellers sign up (verified).
 */
async function seed(base: string, mailbox: Mailbox, settings: AllInOneSettings, sql: pg.Pool): Promise<World> {
  const api = platformApi(base, '10.253.0.1');
  const adminApi = platformApi(base, '10.253.0.2');
  const adminToken = await signIn(adminApi, { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD });
  const { token } = await payoutReadyPartner(api, adminToken, mailbox, sql, {
    body: {
      type: 'dmo',
      name: 'Bench Garda Tours',
      country: 'IT',
      vatId: 'IT01234567897',
      legalName: 'Bench Garda Tours S.r.l.',
      description: 'Guided walks above Riva for the holds benchmark.',
      regions: ['IT-32'],
      languages: ['it', 'en'],
    },
    logoColour: [255, 102, 0],
    submit: true,
  });

  const item = (await expectStatus(
    await api('POST', '/api/catalogue/items', token, {
      kind: 'tour',
      translations: { en: { title: 'Bench walk above Riva', description: 'One hot slot.' } },
      destination: { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.8856, longitude: 10.8406 },
      durationMinutes: 180,
      tags: ['lake'],
      currency: 'EUR',
      units: [{ code: 'adult', priceMinor: 4500 }],
      capacityModel: 'slots',
      cutoffHours: 0,
      startTimes: ['09:00'],
    }),
    201,
    'create item',
  )) as { id: string };
  // bundling learns of the verification from partners' event: publish once it has.
  await untilStatus(() => api('POST', `/api/catalogue/items/${item.id}/publish`, token), 200, 'publish item');
  const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await expectStatus(
    await api('PUT', `/api/catalogue/items/${item.id}/availability`, token, {
      from: date,
      to: date,
      capacity: CAPACITY,
    }),
    200,
    'open the slot',
  );
  const pkg = (await expectStatus(
    await api('POST', '/api/packages', token, {
      translations: { en: { title: 'Bench hot package', description: '' } },
      lines: [{ itemId: item.id, qty: 1 }],
      policy: { tiers: [{ hoursBefore: 48, refundPercent: 100 }] },
    }),
    201,
    'create package',
  )) as { id: string };
  await expectStatus(await api('POST', `/api/packages/${pkg.id}/publish`, token), 200, 'publish package');

  const tokens = await pool(TRAVELLERS, 2, (i) =>
    signUpVerified(platformApi(base, `10.253.1.${i + 1}`), mailbox, {
      email: `holds-traveller-${i}-${randomUUID().slice(0, 8)}@example.com`,
      password: 'Bench-traveller-2026',
      displayName: `Traveller ${i}`,
    }),
  );
  return { packageId: pkg.id, itemId: item.id, date, tokens };
}

// ─── The load clients (a child process) ──────────────────────────────────────────────────

interface ClientOptions {
  url: string;
  method: 'GET' | 'POST';
  body: string | undefined;
  tokens: string[];
  clients: number;
  connections: number;
  durationSec: number;
}

function runClients(options: ClientOptions): Promise<LoadFigures> {
  return runClientsInChild(import.meta.url, options);
}

/**
 * `connections` loops, each one request at a time, every request from the next client address
 * and traveller. Plain node:http on a keep-alive agent, not fetch: fetch (undici behind WHATWG
 * streams) cost the client process most of a core at 50 loops, a core the platform under test
 * shares on this machine.
 */
async function clientLoop(options: ClientOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(options.url);
  const body = options.body ? Buffer.from(options.body) : undefined;
  let sent = 0;
  const started = performance.now();
  const end = started + options.durationSec * 1000;
  const send = (n: number) => {
    const headers: Record<string, string | number> = {
      [CSRF_HEADER]: '1',
      'x-forwarded-for': clientAddress(1 + (n % options.clients)),
      authorization: `Bearer ${options.tokens[n % options.tokens.length]}`,
    };
    if (body) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = body.length;
    }
    return sendRequest(agent, url, { method: options.method, headers, ...(body ? { body } : {}) });
  };
  const loop = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await send(sent++);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  agent.destroy();
  return loadFigures(latencies, statuses, (performance.now() - started) / 1000);
}

// ─── Report ──────────────────────────────────────────────────────────────────────────────

export function printBundlingHoldsBench(r: HoldsBench): void {
  console.log(`\nBundling holds: one hot slot, ${r.connections} clients through the gateway, ${r.durationSec} s`);
  console.table({
    'GET /api/packages/:id (baseline)': figuresRow(r.baseline),
    'POST /api/packages/:id/book': { ...figuresRow(r.book), 'holds/s': r.book.holdsPerSec },
  });
  console.log(
    `hot row afterwards: capacity ${r.row.capacity}, held ${r.row.held}, sold ${r.row.sold}; 201 answers ${r.booked.answered201}, pending bookings ${r.booked.pendingRows}; oversold ${r.oversold}; load average ${r.loadAverage}; per booking: ${r.perBooking.cpuMs} ms platform CPU, ${r.perBooking.queries} SQL statements (until the consumers caught up, ${r.perBooking.drained.drainMs} ms later: ${r.perBooking.drained.cpuMs} ms, ${r.perBooking.drained.queries}); PostgreSQL: ${r.database.avgActive} backends active, ${r.database.avgLockWaiting} waiting for a lock (average)`,
  );
  console.log(
    `sustained (window + catching up): ${r.sustainedPerSec} bookings/s; event loop delay p50 ${r.waits.loopDelayMs.p50} / p99 ${r.waits.loopDelayMs.p99} / mean ${r.waits.loopDelayMs.mean} ms; waits for a database connection: ${poolWaitsText(r.waits)}`,
  );
  if (r.distributed) {
    console.log(
      `distributed (gateway and bundling in their own processes): ${JSON.stringify(figuresRow(r.distributed.book))}, ${r.distributed.book.holdsPerSec} holds/s, oversold ${r.distributed.oversold}, load average ${r.distributed.loadAverage}; CPU per booking: gateway ${r.distributed.cpuMsPerBooking.gateway} ms, bundling ${r.distributed.cpuMsPerBooking.bundling} ms (${r.distributed.cpuMsPerBooking.bundlingDrained} ms until every booking was audited, ${r.distributed.cpuMsPerBooking.drainMs} ms later); PostgreSQL: ${r.distributed.database.avgActive} backends active, ${r.distributed.database.avgLockWaiting} waiting for a lock (average)`,
    );
  }
}

function poolWaitsText(waits: ProcessWaits): string {
  return Object.entries(waits.poolWaitMs)
    .filter(([, w]) => w.acquisitions >= 10)
    .sort(([, a], [, b]) => b.acquisitions - a.acquisitions)
    .map(([name, w]) => `${name} ${w.mean} ms mean (max ${w.max}, ${w.acquisitions} statements)`)
    .join(', ');
}

export function bundlingHoldsMarkdown(r: HoldsBench): string[] {
  return [
    `**Bundling holds** (one hot slot, ${r.connections} clients through the gateway for ${r.durationSec} s, one adult per booking, capacity never the limit; goal ≥ 300 holds/s with 0 oversold; the package page through the same gateway as the baseline):`,
    '',
    '| request | req/s | holds/s | p50 | p95 | p99 | answers |',
    '|---|---|---|---|---|---|---|',
    `| GET /api/packages/:id (baseline) | ${r.baseline.perSec} | – | ${r.baseline.p50Ms} ms | ${r.baseline.p95Ms} ms | ${r.baseline.p99Ms} ms | ${statusText(r.baseline)} |`,
    `| POST /api/packages/:id/book | ${r.book.perSec} | **${r.book.holdsPerSec}** | ${r.book.p50Ms} ms | **${r.book.p95Ms} ms** | ${r.book.p99Ms} ms | ${statusText(r.book)} |`,
    ...(r.distributed
      ? [
          `| POST …/book, gateway and bundling in their own processes | ${r.distributed.book.perSec} | **${r.distributed.book.holdsPerSec}** | ${r.distributed.book.p50Ms} ms | **${r.distributed.book.p95Ms} ms** | ${r.distributed.book.p99Ms} ms | ${statusText(r.distributed.book)} (${r.distributed.oversold} oversold) |`,
        ]
      : []),
    '',
    `Afterwards the hot row holds ${r.row.held} of ${r.row.capacity} for ${r.booked.answered201} bookings answered 201 (${r.booked.pendingRows} pending rows): **${r.oversold} oversold**. Per booking the platform process spent ${r.perBooking.cpuMs} ms of CPU and sent ${r.perBooking.queries} SQL statements in the window (the held event's consumers included, as far as they had caught up); until they had handled every held event (${r.perBooking.drained.drainMs} ms after the window) ${r.perBooking.drained.cpuMs} ms and ${r.perBooking.drained.queries} statements, so the platform finished **${r.sustainedPerSec} bookings/s** whole (the window's bookings over the window and the catching up). In the window the event loop's delay was p50 ${r.waits.loopDelayMs.p50} / p99 ${r.waits.loopDelayMs.p99} ms and a statement waited for a database connection: ${poolWaitsText(r.waits)}.`,
    '',
  ];
}

if (process.argv.includes('--load-clients')) {
  await serveClientsInChild(clientLoop);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printBundlingHoldsBench(await runBundlingHoldsBench());
  process.exit(0);
}
