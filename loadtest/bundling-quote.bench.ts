import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { priceBundle, type PricingInput } from '@tourconnect/bundling/pricing';

// The pricing engine alone, in-process: how many quotes per second one core prices for a
// realistic package (Garda family weekend: own hotel nights, a ferry at net rates, a guided tour
// and bike rental on commission; 10 % for three or more items and €20 for a family), beside two
// baselines measured in the same run: the same package priced with no rules, and a naive
// Σ quantity × price. Variants are interleaved round by round so a busy neighbour on the shared
// machine slows all of them alike; the median round is reported.

export interface QuoteBenchRow {
  variant: string;
  opsPerSec: number;
  microsPerOp: number;
}

export interface QuoteBenchResult {
  rows: QuoteBenchRow[];
  /** 1-minute load average when the run ended: the machine is shared, read figures with it. */
  loadAverage: number;
}

export interface QuoteBenchOptions {
  /** Measured rounds per variant (default 5). */
  rounds?: number;
  /** Length of one round in ms (default 1,000). */
  roundMs?: number;
}

export const gardaFamilyWeekend: PricingInput = {
  currency: 'EUR',
  sellerPartnerId: 'hotel-lago',
  lines: [
    {
      position: 0,
      itemId: 'room',
      itemKind: 'service',
      partnerId: 'hotel-lago',
      supplier: { kind: 'own' },
      units: [{ code: 'room', quantity: 2, unitPriceMinor: 12900 }],
    },
    {
      position: 1,
      itemId: 'ferry',
      itemKind: 'transport',
      partnerId: 'navigazione-garda',
      supplier: { kind: 'net_rate', netRateMinor: 2500 },
      units: [
        { code: 'adult', quantity: 2, unitPriceMinor: 1200 },
        { code: 'child', quantity: 1, unitPriceMinor: 600 },
      ],
    },
    {
      position: 2,
      itemId: 'tour',
      itemKind: 'tour',
      partnerId: 'garda-guides',
      supplier: { kind: 'commission', commissionBps: 1500 },
      units: [
        { code: 'adult', quantity: 2, unitPriceMinor: 3500 },
        { code: 'child', quantity: 1, unitPriceMinor: 1500 },
      ],
    },
    {
      position: 3,
      itemId: 'bikes',
      itemKind: 'extra',
      partnerId: 'riva-bikes',
      supplier: { kind: 'commission', commissionBps: 2000 },
      units: [
        { code: 'adult', quantity: 2, unitPriceMinor: 1800 },
        { code: 'child', quantity: 1, unitPriceMinor: 1200 },
      ],
    },
  ],
  rules: [
    { id: 'bundle-10', type: 'percentage', bps: 1000, conditions: { minDistinctItems: 3 } },
    { id: 'family-20', type: 'fixed', amountMinor: 2000, conditions: { minAdults: 2, minChildren: 1 } },
  ],
  context: { travelDate: '2027-06-12', bookingDate: '2027-05-01', party: { adult: 2, child: 1, infant: 0, senior: 0 } },
};

function naiveSum(input: PricingInput): number {
  let total = 0;
  for (const line of input.lines) for (const u of line.units) total += u.quantity * u.unitPriceMinor;
  return total;
}

const noRules: PricingInput = { ...gardaFamilyWeekend, rules: [] };
const variants: [string, () => number][] = [
  ['priceBundle, 4 lines, 2 rules', () => priceBundle(gardaFamilyWeekend).totalMinor],
  ['baseline: priceBundle, same lines, no rules', () => priceBundle(noRules).totalMinor],
  ['baseline: naive Σ quantity × price', () => naiveSum(gardaFamilyWeekend)],
];

let sink = 0;

/** Calls `fn` in batches until `ms` have passed; ops per second. */
function measure(fn: () => number, ms: number): number {
  const batch = 200;
  const end = process.hrtime.bigint() + BigInt(ms) * 1_000_000n;
  const start = process.hrtime.bigint();
  let ops = 0;
  let now = start;
  while (now < end) {
    for (let i = 0; i < batch; i++) sink += fn();
    ops += batch;
    now = process.hrtime.bigint();
  }
  return (ops * 1e9) / Number(now - start);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function runBundlingQuoteBench(options: QuoteBenchOptions = {}): QuoteBenchResult {
  const rounds = options.rounds ?? 5;
  const roundMs = options.roundMs ?? 1_000;
  // The Garda weekend's known total (see pricing-examples.test.ts): a wrong engine is not benchmarked.
  if (priceBundle(gardaFamilyWeekend).totalMinor !== 35_890) throw new Error('priceBundle gives an unexpected total');
  for (const [, fn] of variants) measure(fn, 300); // JIT warm-up
  const samples = variants.map((): number[] => []);
  for (let r = 0; r < rounds; r++) variants.forEach(([, fn], i) => samples[i]!.push(measure(fn, roundMs)));
  const rows = variants.map(([variant], i) => {
    const opsPerSec = median(samples[i]!);
    return { variant, opsPerSec: Math.round(opsPerSec), microsPerOp: Number((1e6 / opsPerSec).toFixed(2)) };
  });
  if (sink === -1) console.log(sink); // keeps the results observable
  return { rows, loadAverage: Number(loadavg()[0]!.toFixed(1)) };
}

export function printBundlingQuoteBench(result: QuoteBenchResult): void {
  console.log('\nBundling quote: priceBundle in-process, one core (median of the rounds)');
  console.table(result.rows.map((r) => ({ variant: r.variant, 'ops/s': r.opsPerSec, 'µs/op': r.microsPerOp })));
  console.log(`load average ${result.loadAverage}`);
}

export function bundlingQuoteMarkdown(result: QuoteBenchResult): string[] {
  return [
    '**Bundling quote engine** (`priceBundle` in-process on a 4-line, 4-partner package with 2 applicable rules; baselines in the same run):',
    '',
    '| variant | ops/s | µs/op |',
    '|---|---|---|',
    ...result.rows.map((r) => `| ${r.variant} | ${r.opsPerSec} | ${r.microsPerOp} |`),
    '',
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printBundlingQuoteBench(runBundlingQuoteBench());
  process.exit(0);
}
