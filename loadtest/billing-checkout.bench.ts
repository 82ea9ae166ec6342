import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { createTestDatabase } from '@tourconnect/db/testing';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { Mailbox } from '../scripts/all-in-one/mailbox.ts';
import {
  expectStatus,
  platformApi,
  signIn,
  signUpVerified,
  type PlatformApi,
} from '../scripts/all-in-one/platform-api.ts';
import { startPlatform } from '../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings, type AllInOneSettings } from '../scripts/all-in-one/settings.ts';
import { ingressGateway, payoutReadyPartner, pool, sleep, untilStatus } from './bench-world.ts';
import { clientAddress } from './child-load.ts';

/**
 * Paid checkouts end to end through the gateway, on the all-in-one platform with the bundled
 * Stripe emulator (webhooks signed and delivered back through the platform's gateway, as Stripe
 * would): `connections` clients each loop the traveller's whole saga for `durationSec` —
 * book a two-partner package (POST /api/packages/:id/book), open the checkout (POST
 * /api/billing/packages/:id/checkout, retried while billing has not yet heard of the hold), pay
 * with the emulator's Visa (POST /api/billing/payments/:id/confirm) and poll GET
 * /api/bookings/:id until bundling confirmed it (after the payment_intent.succeeded webhook and
 * billing's event). Billing then sends each partner its transfer, paced by
 * TRANSFER_REQUESTS_PER_SECOND (Stripe's rate limit): a saga is complete when both transfers
 * are `sent`, read from billing.transfers once the load ends. Afterwards the admin runs the
 * reconciliation of the ledger with Stripe, which must find 0 mismatches.
 *
 * Beside it, in the same run, raw `pgbench` (built-in TPC-B-like, 10 clients, 10 s) against a
 * scratch database on the same PostgreSQL: what the database alone does on this machine now.
 *
 * The load comes from a child process (this file with --load-clients), as the bundling benches'.
 */

export interface CheckoutBench {
  connections: number;
  durationSec: number;
  travellers: number;
  /** Sagas that reached `confirmed` in the measured window, per second and their latency (book → confirmed). */
  confirmed: { sagas: number; perSec: number; p50Ms: number; p95Ms: number; p99Ms: number };
  /** Confirmed sagas whose two transfers were sent; rate over the time from the start to the last transfer. */
  complete: {
    sagas: number;
    perSec: number;
    p50Ms: number;
    p95Ms: number;
    drainSec: number;
    /** CPU time of the platform's process (every service, both gateways, the emulator; not PostgreSQL, not the clients) per completed saga. */
    platformCpuMsPerSaga: number;
  };
  /** Median time of each step of the sagas that reached `confirmed`. */
  stepsP50Ms: Record<Step, number>;
  /** Failed steps, e.g. "book 409": 2. */
  errors: Record<string, number>;
  /** HTTP requests the clients sent in the measured window (polls included). */
  requests: number;
  reconciliation: {
    status: string;
    bookingsChecked: number;
    mismatchCount: number;
    mismatchKinds: Record<string, number>;
    durationMs: number;
  };
  unbalancedJournals: number;
  pgbench: { tps: number; latencyMs: number; clients: number; durationSec: number; scale: number };
  transferRequestsPerSecond: number;
  loadAverage: { start: number; end: number };
}

const CLIENTS = 5_000;
// Sign-ups are limited to 20 a minute per address (the services see the gateway's): 2 owners + 12.
const TRAVELLERS = 12;
const CAPACITY = 100_000;
const PARTNERS_PER_BOOKING = 2;

export async function runBillingCheckoutBench(opts = { connections: 10, durationSec: 20 }): Promise<CheckoutBench> {
  const loadStart = Number(loadavg()[0]!.toFixed(1));
  const baseline = await runPgbench();

  const db = await createTestDatabase('bench_billing_checkout');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tc-bench-checkout-'));
  const settings = loadAllInOneSettings({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    STRIPE_EMULATOR_PORT: '0',
    OCTO_SIMULATOR_PORT: '0',
  });
  const platform = await startPlatform(settings);
  const sql = new pg.Pool({ connectionString: db.url, max: 2 });
  let gateway: ServiceApp | undefined;
  try {
    gateway = await ingressGateway(platform, settings);
    const base = await gateway.listen({ port: 0, host: '127.0.0.1' });
    const world = await seed(base, platform.mailbox, settings, sql);
    const load = (connections: number, durationSec: number) =>
      runSagasInChild({
        base,
        packageId: world.packageId,
        date: world.date,
        tokens: world.tokens,
        clients: CLIENTS,
        connections,
        durationSec,
      });

    // Warm-up (JIT, pools, the emulator's accounts), drained before the measured run.
    const warm = await load(2, 3);
    await drain(
      sql,
      warm.sagas.map((s) => s.bookingId),
      120_000,
    );

    const cpu0 = process.cpuUsage();
    const run = await load(opts.connections, opts.durationSec);
    const ids = run.sagas.map((s) => s.bookingId);
    const drained = await drain(sql, ids, 300_000);
    const drainSec = Math.max(0, (drained.lastSentAt - run.endedAt) / 1000);
    const cpu = process.cpuUsage(cpu0);

    const sentAt = new Map(drained.perBooking.map((b) => [b.bookingId, b]));
    const complete = run.sagas.filter((s) => sentAt.get(s.bookingId)?.sent === PARTNERS_PER_BOOKING);
    const toTransfers = complete.map((s) => sentAt.get(s.bookingId)!.lastSentAt - s.startedAt);
    const confirmedLatency = percentiles(run.sagas.map((s) => s.confirmedMs));
    const completeLatency = percentiles(toTransfers);
    const untilLastTransferSec = Math.max(opts.durationSec, (drained.lastSentAt - run.startedAt) / 1000);

    const reconciliation = await reconcile(base, settings);
    const unbalanced = await sql.query(
      'SELECT journal_id FROM billing.ledger_entries GROUP BY journal_id, currency HAVING sum(debit_minor) <> sum(credit_minor)',
    );
    return {
      ...opts,
      travellers: TRAVELLERS,
      confirmed: {
        sagas: run.sagas.length,
        perSec: round1(run.sagas.length / run.elapsedSec),
        ...confirmedLatency,
      },
      complete: {
        sagas: complete.length,
        perSec: round1(complete.length / untilLastTransferSec),
        p50Ms: completeLatency.p50Ms,
        p95Ms: completeLatency.p95Ms,
        drainSec: round1(drainSec),
        platformCpuMsPerSaga: complete.length ? Math.round((cpu.user + cpu.system) / 1000 / complete.length) : 0,
      },
      stepsP50Ms: Object.fromEntries(
        steps.map((step) => [step, percentiles(run.sagas.map((s) => s.steps[step])).p50Ms]),
      ) as Record<Step, number>,
      errors: run.errors,
      requests: run.requests,
      reconciliation,
      unbalancedJournals: unbalanced.rowCount ?? 0,
      pgbench: baseline,
      transferRequestsPerSecond: Number(process.env.TRANSFER_REQUESTS_PER_SECOND ?? 25),
      loadAverage: { start: loadStart, end: Number(loadavg()[0]!.toFixed(1)) },
    };
  } finally {
    await sql.end();
    await gateway?.close();
    await platform.stop();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}

// ─── Baseline: pgbench on the same PostgreSQL ────────────────────────────────────────────

const run = promisify(execFile);

/** pgbench -i -s 1, then the built-in TPC-B-like script with 10 clients, 2 threads, 10 s, on a scratch database. */
async function runPgbench(clients = 10, durationSec = 10, scale = 1): Promise<CheckoutBench['pgbench']> {
  const scratch = await createTestDatabase('bench_pgbench');
  try {
    const pgbench = process.env.PGBENCH ?? 'pgbench';
    await run(pgbench, ['-i', '-q', '-s', String(scale), scratch.url]);
    const { stdout } = await run(pgbench, ['-c', String(clients), '-j', '2', '-T', String(durationSec), scratch.url]);
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
    const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return { tps: Math.round(Number(tps)), latencyMs: Number(latency ?? 0), clients, durationSec, scale };
  } finally {
    await scratch.drop();
  }
}

// ─── Seed ────────────────────────────────────────────────────────────────────────────────

interface World {
  packageId: string;
  date: string;
  tokens: string[];
}

/**
 * Through the public API: two partners sign up, are approved and set up their Stripe payout
 * accounts (the demo seed's helper, on the emulator): a DMO with a guided walk (one 09:00 slot)
 * and a hotel whose room it may bundle at a net rate. The DMO sells a package of both 30 days
 * ahead, capacity never the limit; TRAVELLERS travellers sign up (verified).
 */
async function seed(base: string, mailbox: Mailbox, settings: AllInOneSettings, sql: pg.Pool): Promise<World> {
  const adminApi = platformApi(base, '10.252.0.1');
  const adminToken = await signIn(adminApi, { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD });
  const dmoApi = platformApi(base, '10.252.0.2');
  const dmo = await payoutReadyPartner(dmoApi, adminToken, mailbox, sql, {
    body: {
      type: 'dmo',
      name: 'Bench Garda Tours',
      country: 'IT',
      vatId: 'IT01234567897',
      legalName: 'Bench Garda Tours S.r.l.',
      description: 'Guided walks above Riva for the checkout benchmark.',
      regions: ['IT-32'],
      languages: ['it', 'en'],
    },
    logoColour: [255, 102, 0],
    submit: true,
  });
  const hotelApi = platformApi(base, '10.252.0.3');
  const hotel = await payoutReadyPartner(hotelApi, adminToken, mailbox, sql, {
    body: {
      type: 'hotel',
      name: 'Bench Albergo Riva',
      country: 'IT',
      vatId: 'IT07654321095',
      legalName: 'Bench Albergo Riva S.r.l.',
      description: 'Lake-view rooms in Riva for the checkout benchmark.',
    },
    logoColour: [51, 51, 51],
    submit: true,
  });

  const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const walk = await publishedItem(dmoApi, dmo.token, date, {
    kind: 'tour',
    translations: { en: { title: 'Bench walk above Riva', description: 'Three hours with a guide.' } },
    destination: GARDA,
    durationMinutes: 180,
    tags: ['lake'],
    currency: 'EUR',
    units: [{ code: 'adult', priceMinor: 4500 }],
    capacityModel: 'slots',
    cutoffHours: 0,
    startTimes: ['09:00'],
  });
  const room = await publishedItem(hotelApi, hotel.token, date, {
    kind: 'service',
    translations: { en: { title: 'Bench lake-view room', description: 'Breakfast included.' } },
    destination: GARDA,
    durationMinutes: 1440,
    tags: ['couple'],
    currency: 'EUR',
    units: [{ code: 'room', priceMinor: 12_000, netRateMinor: 10_000 }],
    capacityModel: 'daily',
    cutoffHours: 0,
    bundleTerms: { kind: 'net_rate' },
  });
  const pkg = (await expectStatus(
    await dmoApi('POST', '/api/packages', dmo.token, {
      translations: { en: { title: 'Bench night and walk', description: '' } },
      lines: [
        { itemId: room, qty: 1, dayOffset: 0, days: 1 },
        { itemId: walk, qty: 1, dayOffset: 0 },
      ],
      policy: { tiers: [{ hoursBefore: 48, refundPercent: 100 }] },
    }),
    201,
    'create package',
  )) as { id: string };
  await expectStatus(await dmoApi('POST', `/api/packages/${pkg.id}/publish`, dmo.token), 200, 'publish package');

  const tokens = await pool(TRAVELLERS, 2, (i) =>
    signUpVerified(platformApi(base, `10.252.1.${i + 1}`), mailbox, {
      email: `checkout-traveller-${i}-${randomUUID().slice(0, 8)}@example.com`,
      password: 'Bench-traveller-2026',
      displayName: `Traveller ${i}`,
    }),
  );
  return { packageId: pkg.id, date, tokens };
}

const GARDA = { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.8856, longitude: 10.8406 };

/** Creates the item, opens `date` with CAPACITY and publishes it (once bundling has heard of the verification). */
async function publishedItem(api: PlatformApi, token: string, date: string, body: object): Promise<string> {
  const item = (await expectStatus(await api('POST', '/api/catalogue/items', token, body), 201, 'create item')) as {
    id: string;
  };
  await expectStatus(
    await api('PUT', `/api/catalogue/items/${item.id}/availability`, token, {
      from: date,
      to: date,
      capacity: CAPACITY,
    }),
    200,
    'open the date',
  );
  await untilStatus(() => api('POST', `/api/catalogue/items/${item.id}/publish`, token), 200, 'publish item');
  return item.id;
}

// ─── After the load: transfers drained, reconciliation ──────────────────────────────────

interface Drained {
  perBooking: { bookingId: string; sent: number; lastSentAt: number }[];
  lastSentAt: number;
}

/** Waits until every booking in `ids` has its transfers sent (or `timeoutMs` passed); when each was sent. */
async function drain(sql: pg.Pool, ids: string[], timeoutMs: number): Promise<Drained> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql.query<{ booking_id: string; sent: string; last_sent_at: Date | null }>(
      `SELECT booking_id, count(*) FILTER (WHERE status = 'sent') AS sent, max(sent_at) AS last_sent_at
         FROM billing.transfers WHERE booking_id = ANY($1::uuid[]) GROUP BY booking_id`,
      [ids],
    );
    const perBooking = rows.map((r) => ({
      bookingId: r.booking_id,
      sent: Number(r.sent),
      lastSentAt: r.last_sent_at?.getTime() ?? 0,
    }));
    const done = perBooking.filter((b) => b.sent === PARTNERS_PER_BOOKING).length;
    if (done === ids.length || Date.now() > deadline) {
      if (done < ids.length)
        console.error(`!!! ${ids.length - done} of ${ids.length} confirmed bookings still lack their transfers`);
      return { perBooking, lastSentAt: Math.max(0, ...perBooking.map((b) => b.lastSentAt)) };
    }
    await sleep(250);
  }
}

/** POST /api/admin/billing/reconcile as the admin, then polls the view until the run finished. */
async function reconcile(base: string, settings: AllInOneSettings): Promise<CheckoutBench['reconciliation']> {
  const api = platformApi(base, '10.252.0.9');
  const token = await signIn(api, { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD });
  const t0 = performance.now();
  const { runId } = (await expectStatus(
    await api('POST', '/api/admin/billing/reconcile', token),
    202,
    'start the reconciliation',
  )) as { runId: string };
  const deadline = Date.now() + 300_000;
  for (;;) {
    const view = (await expectStatus(
      await api('GET', '/api/admin/billing/reconciliation', token),
      200,
      'reconciliation view',
    )) as {
      runs: { id: string; status: string; bookingsChecked: number; mismatchCount: number; error: string | null }[];
      latest: { runId: string; mismatches: { kind: string }[] } | null;
    };
    const runRow = view.runs.find((r) => r.id === runId);
    if (runRow && runRow.status !== 'running') {
      const mismatchKinds: Record<string, number> = {};
      if (view.latest?.runId === runId)
        for (const m of view.latest.mismatches) mismatchKinds[m.kind] = (mismatchKinds[m.kind] ?? 0) + 1;
      if (runRow.error) console.error(`!!! the reconciliation failed: ${runRow.error}`);
      return {
        status: runRow.status,
        bookingsChecked: runRow.bookingsChecked,
        mismatchCount: runRow.mismatchCount,
        mismatchKinds,
        durationMs: Math.round(performance.now() - t0),
      };
    }
    if (Date.now() > deadline) throw new Error(`the reconciliation ${runId} did not finish in 5 minutes`);
    await sleep(250);
  }
}

// ─── The load clients (a child process) ──────────────────────────────────────────────────

interface SagaOptions {
  base: string;
  packageId: string;
  date: string;
  tokens: string[];
  clients: number;
  connections: number;
  durationSec: number;
}

interface SagaFigures {
  /** Sagas that reached `confirmed`: their booking, when the saga started (epoch ms) and how long it took. */
  sagas: { bookingId: string; startedAt: number; confirmedMs: number; steps: Record<Step, number> }[];
  errors: Record<string, number>;
  requests: number;
  startedAt: number;
  endedAt: number;
  elapsedSec: number;
}

function runSagasInChild(options: SagaOptions): Promise<SagaFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--load-clients'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`saga clients: ${err.slice(-2000)}`)),
    );
    child.stdin.end(JSON.stringify(options));
  });
}

/** The saga's steps, each timed: the checkout includes its retries, `confirmed` the polls after paying. */
const steps = ['book', 'checkout', 'pay', 'confirmed'] as const;
type Step = (typeof steps)[number];

class StepFailed extends Error {
  constructor(readonly step: string) {
    super(step);
  }
}

/** `connections` loops, each running one traveller's saga after another until the time is up. */
async function sagaLoop(options: SagaOptions): Promise<SagaFigures> {
  const sagas: SagaFigures['sagas'] = [];
  const errors: Record<string, number> = {};
  let requests = 0;
  let started = 0;
  const t0 = performance.now();
  const startedAt = Date.now();
  const end = t0 + options.durationSec * 1000;

  const saga = async (n: number) => {
    const headers: Record<string, string> = {
      [CSRF_HEADER]: '1',
      'x-forwarded-for': clientAddress(1 + (n % options.clients)),
      authorization: `Bearer ${options.tokens[n % options.tokens.length]}`,
    };
    const call = async (step: string, method: string, url: string, body?: unknown) => {
      requests += 1;
      let res: Response;
      try {
        res = await fetch(options.base + url, {
          method,
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch {
        throw new StepFailed(`${step} error`);
      }
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      return { status: res.status, body: json };
    };
    const expect = (step: string, res: { status: number }, ok: number[]) => {
      if (!ok.includes(res.status)) throw new StepFailed(`${step} ${res.status}`);
    };
    const stepDeadline = () => Date.now() + 30_000;

    const sagaStart = Date.now();
    const s0 = performance.now();
    const booked = await call('book', 'POST', `/api/packages/${options.packageId}/book`, {
      date: options.date,
      party: { adult: 1 },
    });
    expect('book', booked, [201]);
    const timed: Record<Step, number> = { book: performance.now() - s0, checkout: 0, pay: 0, confirmed: 0 };
    let lap = performance.now();
    const split = (step: Step) => {
      timed[step] = performance.now() - lap;
      lap = performance.now();
    };
    const bookingId = booked.body.id as string;

    // billing opens the checkout once it has heard of the hold (bundling's event).
    let checkout = await call('checkout', 'POST', `/api/billing/packages/${options.packageId}/checkout`, { bookingId });
    for (const deadline = stepDeadline(); checkout.status === 404 && Date.now() < deadline;) {
      await sleep(20);
      checkout = await call('checkout', 'POST', `/api/billing/packages/${options.packageId}/checkout`, { bookingId });
    }
    expect('checkout', checkout, [200, 201]);
    split('checkout');

    const paid = await call('confirm', 'POST', `/api/billing/payments/${checkout.body.paymentId as string}/confirm`, {
      paymentMethod: 'pm_card_visa',
    });
    expect('confirm', paid, [200]);
    split('pay');

    for (const deadline = stepDeadline(); ;) {
      const booking = await call('booking', 'GET', `/api/bookings/${bookingId}`);
      expect('booking', booking, [200]);
      if (booking.body.status === 'confirmed') break;
      if (booking.body.status !== 'pending_payment') throw new StepFailed(`booking ${String(booking.body.status)}`);
      if (Date.now() > deadline) throw new StepFailed('booking not confirmed in 30 s');
      await sleep(20);
    }
    split('confirmed');
    sagas.push({ bookingId, startedAt: sagaStart, confirmedMs: performance.now() - s0, steps: timed });
  };

  const loop = async () => {
    while (performance.now() < end) {
      try {
        await saga(started++);
      } catch (error) {
        const key = error instanceof StepFailed ? error.step : String(error);
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  return {
    sagas,
    errors,
    requests,
    startedAt,
    endedAt: Date.now(),
    elapsedSec: (performance.now() - t0) / 1000,
  };
}

// ─── Report ──────────────────────────────────────────────────────────────────────────────

export function printBillingCheckoutBench(r: CheckoutBench): void {
  console.log(
    `\nBilling checkout: ${r.connections} clients loop book → checkout → confirm (emulator Visa) → webhook → confirmed → transfers, through the gateway, ${r.durationSec} s`,
  );
  console.table({
    'book → confirmed': {
      sagas: r.confirmed.sagas,
      'sagas/s': r.confirmed.perSec,
      p50: r.confirmed.p50Ms,
      p95: r.confirmed.p95Ms,
      p99: r.confirmed.p99Ms,
    },
    'book → both transfers sent': {
      sagas: r.complete.sagas,
      'sagas/s': r.complete.perSec,
      p50: r.complete.p50Ms,
      p95: r.complete.p95Ms,
      p99: '',
    },
    'pgbench (TPC-B-like, same PostgreSQL)': {
      sagas: '',
      'sagas/s': `${r.pgbench.tps} tps`,
      p50: `${r.pgbench.latencyMs} avg`,
      p95: '',
      p99: '',
    },
  });
  console.log(`median per step (ms): ${JSON.stringify(r.stepsP50Ms)}`);
  console.log(
    `requests ${r.requests}; errors ${JSON.stringify(r.errors)}; transfers drained ${r.complete.drainSec} s after the load; platform CPU ${r.complete.platformCpuMsPerSaga} ms per saga; unbalanced journals ${r.unbalancedJournals}; load average ${r.loadAverage.start} → ${r.loadAverage.end}`,
  );
  const rec = r.reconciliation;
  const line = `reconciliation: ${rec.status}, ${rec.bookingsChecked} bookings checked in ${rec.durationMs} ms, ${rec.mismatchCount} mismatches ${JSON.stringify(rec.mismatchKinds)}`;
  if (rec.status !== 'succeeded' || rec.mismatchCount !== 0 || r.unbalancedJournals !== 0) {
    console.error(
      `\n${'!'.repeat(80)}\n!!! ${line}\n!!! unbalanced journals: ${r.unbalancedJournals}\n${'!'.repeat(80)}\n`,
    );
  } else console.log(line);
}

export function billingCheckoutMarkdown(r: CheckoutBench): string[] {
  const rec = r.reconciliation;
  const errors = Object.entries(r.errors)
    .map(([step, n]) => `${n} × ${step}`)
    .join(', ');
  return [
    `**Billing checkout** (\`BENCH_ONLY=checkout npm run bench\`: ${r.connections} clients through the gateway for ${r.durationSec} s, each looping a traveller's paid checkout of a two-partner package — book → checkout → confirm with the Stripe emulator's Visa → webhook → bundling confirms → one transfer per partner; all-in-one platform, in-process events, transfers paced at TRANSFER_REQUESTS_PER_SECOND = ${r.transferRequestsPerSecond}; load average ${r.loadAverage.start} → ${r.loadAverage.end}):`,
    '',
    '| | completed | per second | p50 | p95 |',
    '|---|---|---|---|---|',
    `| book → confirmed (what the traveller waits for) | ${r.confirmed.sagas} | ${r.confirmed.perSec} sagas/s | ${r.confirmed.p50Ms} ms | ${r.confirmed.p95Ms} ms |`,
    `| book → both transfers sent (end to end) | ${r.complete.sagas} | **${r.complete.perSec} sagas/s** | ${r.complete.p50Ms} ms | ${r.complete.p95Ms} ms |`,
    `| baseline: \`pgbench\` TPC-B-like, ${r.pgbench.clients} clients, ${r.pgbench.durationSec} s, same PostgreSQL | | ${r.pgbench.tps} tps | ${r.pgbench.latencyMs} ms (mean) | |`,
    '',
    `Median per step: book ${r.stepsP50Ms.book} ms · checkout (retried until billing heard of the hold) ${r.stepsP50Ms.checkout} ms · pay ${r.stepsP50Ms.pay} ms · paid → confirmed (webhook, billing's event, bundling) ${r.stepsP50Ms.confirmed} ms.`,
    '',
    `Errors: ${errors || 'none'}; ${r.requests} requests (polls included); the last transfer went out ${r.complete.drainSec} s after the load stopped; the platform's process (every service, both gateways, the emulator; not PostgreSQL) spent ${r.complete.platformCpuMsPerSaga} ms of CPU per completed saga. Then the admin's reconciliation checked ${rec.bookingsChecked} bookings against Stripe in ${(rec.durationMs / 1000).toFixed(1)} s: **${rec.mismatchCount} mismatches** (${rec.status}); ${r.unbalancedJournals} unbalanced ledger journals.`,
    '',
  ];
}

if (process.argv.includes('--load-clients')) {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk;
  process.stdout.write(JSON.stringify(await sagaLoop(JSON.parse(input) as SagaOptions)));
  process.exit(0);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printBillingCheckoutBench(await runBillingCheckoutBench());
  process.exit(0);
}
