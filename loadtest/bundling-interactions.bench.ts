/**
 * What recording search interactions costs a search request (issue 13: "without slowing the
 * request (p95 overhead ≤ 2 ms)").
 *
 * One bundling service on real PostgreSQL (the test harness: a fresh schema, the real routes,
 * requests injected in-process so no network noise), a small catalogue of 60 published items.
 * The same word search is asked 6 × 2 rounds, alternating between the recorder as built
 * (`record` appends each search's interaction and its impressions to the buffer; a timer writes
 * them as one outbox event a second later, inside the measured window) and the recorder's
 * `record` replaced by a no-op — the baseline, in the same run. Rounds alternate so drift in the
 * machine's load hits both. Also timed alone: the `record` call itself.
 */
import { performance } from 'node:perf_hooks';
import { interactionRecorderOf } from '../services/bundling/src/domain/search/recorder-of.ts';
import type { Interaction } from '../services/bundling/src/domain/search/interactions.ts';
import { insertSearchItem } from '../services/bundling/test/integration/search-fixtures.ts';
import { givenPartner } from '../services/bundling/test/support/builders.ts';
import { nextIp, startBundlingHarness } from '../services/bundling/test/support/harness.ts';

export interface InteractionsBench {
  requestsPerRound: number;
  rounds: number;
  withRecording: Percentiles;
  baseline: Percentiles;
  /** p95(with) − p95(baseline), in ms. */
  p95OverheadMs: number;
  /** The synchronous `record` call of one search (1 search interaction with its impressions). */
  recordCall: Percentiles;
  /** Node CPU (user + system) per search, ms: with recording (flushes included) and the baseline. */
  cpuPerSearchMs: { withRecording: number; baseline: number };
  /** Interactions the recorder wrote to the outbox during the measured rounds. */
  recordedEvents: number;
}

interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

const ITEMS = 60;
const PER_ROUND = Number(process.env.BENCH_INTERACTIONS_REQUESTS ?? 300);
const ROUNDS = 6;

export async function runInteractionsBench(): Promise<InteractionsBench> {
  const h = await startBundlingHarness('bench_interactions');
  try {
    const partner = await givenPartner(h, { name: 'Garda Walks' });
    for (let i = 0; i < ITEMS; i++) {
      await insertSearchItem(h, partner.partnerId, {
        translations: {
          it: { title: `Escursione sul lago numero ${i}`, description: 'Tre ore sul sentiero sopra Riva' },
          en: { title: `Lake walk number ${i}`, description: 'Three hours on the path above Riva' },
        },
        place: 'Riva del Garda',
        regionCode: 'IT-32',
        latitude: 45.885,
        longitude: 10.841,
        tags: ['lake', 'nature'],
      });
    }
    const url = '/api/packages/search?q=escursione%20lago&lang=it&kind=item';
    const ask = async () => {
      const started = performance.now();
      // A new client address each time: the route's rate limit (per address) is not what is measured.
      const res = await h.call('GET', url, { ip: nextIp() });
      if (res.status !== 200) throw new Error(`search answered ${res.status}: ${JSON.stringify(res.body)}`);
      return performance.now() - started;
    };
    // Warm-up (JIT, plans, the recorder's creation), then find the app's one recorder.
    for (let i = 0; i < 100; i++) await ask();
    const recorder = interactionRecorderOf(h.app, undefined as never);
    const record = recorder.record.bind(recorder);
    const noOp = () => {};
    // What one search records, captured as the route passes it.
    let sample: Interaction[] = [];
    recorder.record = (...interactions: Interaction[]) => {
      sample = interactions;
      record(...interactions);
    };
    await ask();
    if (sample.length === 0) throw new Error('the search recorded nothing');

    const before = await outboxInteractions(h);
    const withRecording: number[] = [];
    const baseline: number[] = [];
    const cpuMicros = { on: 0, off: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['on', 'off'] as const) {
        recorder.record = mode === 'on' ? record : noOp;
        const into = mode === 'on' ? withRecording : baseline;
        const cpu = process.cpuUsage();
        for (let i = 0; i < PER_ROUND; i++) into.push(await ask());
        // The 'on' round's last batch is written inside its own window.
        if (mode === 'on') await recorder.flush();
        const used = process.cpuUsage(cpu);
        cpuMicros[mode] += used.user + used.system;
      }
    }
    recorder.record = record;
    await recorder.close();
    const recordedEvents = (await outboxInteractions(h)) - before;

    // The call alone, with what one search records.
    const calls: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const started = performance.now();
      record(...sample);
      calls.push(performance.now() - started);
    }
    await recorder.close();

    const on = percentiles(withRecording);
    const off = percentiles(baseline);
    return {
      requestsPerRound: PER_ROUND,
      rounds: ROUNDS,
      withRecording: on,
      baseline: off,
      p95OverheadMs: round3(on.p95Ms - off.p95Ms),
      recordCall: percentiles(calls),
      cpuPerSearchMs: {
        withRecording: round3(cpuMicros.on / 1000 / (ROUNDS * PER_ROUND)),
        baseline: round3(cpuMicros.off / 1000 / (ROUNDS * PER_ROUND)),
      },
      recordedEvents,
    };
  } finally {
    await h.close();
  }
}

async function outboxInteractions(h: Awaited<ReturnType<typeof startBundlingHarness>>): Promise<number> {
  const [row] = await h.database.pool
    .query<{ n: string }>(
      "SELECT count(*) AS n FROM bundling.event_outbox WHERE subject = 'bundling.interactions.recorded.v1'",
    )
    .then((r) => r.rows);
  return Number(row?.n ?? 0);
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round3(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function printInteractionsBench(r: InteractionsBench): void {
  console.log(
    `\nSearch interaction recording: ${r.rounds} × ${r.requestsPerRound} searches each way, alternating; ${r.recordedEvents} interaction events written`,
  );
  console.log(
    `CPU per search: ${r.cpuPerSearchMs.withRecording} ms with recording, ${r.cpuPerSearchMs.baseline} ms without`,
  );
  console.table({
    'search, recording on': r.withRecording,
    'search, record() a no-op (baseline)': r.baseline,
    'record() call alone': r.recordCall,
  });
}

export function interactionsMarkdown(r: InteractionsBench): string[] {
  const row = (name: string, p: Percentiles) => `| ${name} | ${p.p50Ms} ms | ${p.p95Ms} ms | ${p.p99Ms} ms |`;
  return [
    `**Search interaction recording** (bundling in-process on PostgreSQL, one word search asked ${r.rounds} × ${r.requestsPerRound} times each way, rounds alternating; goal: p95 overhead ≤ 2 ms):`,
    '',
    '| | p50 | p95 | p99 |',
    '|---|---|---|---|',
    row('search with recording', r.withRecording),
    row('baseline: same search, `record` a no-op', r.baseline),
    row('the `record` call alone', r.recordCall),
    '',
    `p95 overhead: **${r.p95OverheadMs} ms**. Node CPU per search (this process: the service, its outbox relay and the harness): ${r.cpuPerSearchMs.withRecording} ms with recording, ${r.cpuPerSearchMs.baseline} ms without. ${r.recordedEvents} interaction events written by the recorder during the rounds.`,
    '',
  ];
}
