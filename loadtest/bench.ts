import { execFileSync } from 'node:child_process';
import os from 'node:os';
import {
  billingCheckoutMarkdown,
  printBillingCheckoutBench,
  runBillingCheckoutBench,
} from './billing-checkout.bench.ts';
import { interactionsMarkdown, printInteractionsBench, runInteractionsBench } from './bundling-interactions.bench.ts';
import { bundlingHoldsMarkdown, printBundlingHoldsBench, runBundlingHoldsBench } from './bundling-holds.bench.ts';
import { bundlingSearchMarkdown, printBundlingSearchBench, runBundlingSearchBench } from './bundling-search.bench.ts';
import { bundlingQuoteMarkdown, printBundlingQuoteBench, runBundlingQuoteBench } from './bundling-quote.bench.ts';
import { runColdStartBench } from './cold-start.bench.ts';
import { printEventBusBench, runEventBusBench } from './event-bus.bench.ts';
import { runGatewayOverheadBench } from './gateway-overhead.bench.ts';
import { partnersMarkdown, printPartnersBench } from './partners-report.ts';
import { runPartnersBench } from './partners.bench.ts';
import { runPortalBench } from './portal.bench.ts';

// `npm run bench`: every benchmark, one after the other (they would skew each other in
// parallel on two cores), printed as tables and as the Markdown the README quotes.
const only = process.env.BENCH_ONLY?.split(',');
const want = (name: string) => !only || only.includes(name);
const md: string[] = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}; load average ${os.loadavg()[0]!.toFixed(1)} at the start (the machine is shared).`,
  '',
];

if (want('events')) {
  const rows = await runEventBusBench();
  printEventBusBench(rows);
  md.push(
    '**Event bus** (outbox → relay → transport → durable consumer with inbox, one process; goal ≥ 2,000 events/s, p99 < 100 ms):',
    '',
  );
  md.push(
    '| transport | run | events | end-to-end events/s | lag p50 | lag p99 | lag from commit p99 |',
    '|---|---|---|---|---|---|---|',
  );
  for (const r of rows)
    md.push(
      `| ${r.transport} | ${r.mode} | ${r.events} | ${r.endToEndPerSec} | ${r.lagP50Ms} ms | ${r.lagP99Ms} ms | ${r.commitLagP99Ms} ms |`,
    );
  md.push('');
}

if (want('gateway')) {
  md.push(
    '**Gateway overhead** (`GET /api/auth/me`: JWT check + one query, 20 connections, 10 s, direct and through the gateway side by side; goal ≤ 1.2×):',
    '',
  );
  md.push('| layout | path | req/s | p50 | p99 |', '|---|---|---|---|---|');
  for (const g of await runGatewayOverheadBench()) {
    console.log(`\nGateway overhead, ${g.layout}: GET /api/auth/me direct vs through the gateway`);
    console.table({ direct: g.direct, 'via gateway': g.viaGateway });
    md.push(
      `| ${g.layout} | direct to identity | ${g.direct.requestsPerSec} | ${g.direct.p50Ms} ms | ${g.direct.p99Ms} ms |`,
    );
    md.push(
      `| | through the gateway | ${g.viaGateway.requestsPerSec} | ${g.viaGateway.p50Ms} ms | ${g.viaGateway.p99Ms} ms |`,
    );
    md.push(`| | **ratio** | **${g.throughputRatio}×** | **${g.latencyRatioP50}×** | **${g.latencyRatioP99}×** |`);
  }
  md.push('');
}

if (want('start')) {
  const s = await runColdStartBench();
  console.log('\nAll-in-one start (npm start, no environment)');
  console.table(s);
  md.push('**All-in-one start** (`npm start` with no environment, to the ready line; goal ≤ 10 s):', '');
  md.push(
    '| first start (empty data: initdb, migrations, seed) | restart (kept data) | RSS at ready |',
    '|---|---|---|',
  );
  md.push(`| ${(s.firstStartMs / 1000).toFixed(1)} s | ${(s.restartMs / 1000).toFixed(1)} s | ${s.rssMb} MB |`, '');
}

if (want('partners')) {
  const p = await runPartnersBench();
  printPartnersBench(p);
  md.push(...partnersMarkdown(p));
}

if (want('quote')) {
  const q = runBundlingQuoteBench();
  printBundlingQuoteBench(q);
  md.push(...bundlingQuoteMarkdown(q));
}

if (want('holds')) {
  // HOLDS_SECONDS: a longer burst (default 10 s), e.g. past the all-in-one's 30 s background-event bound.
  const holdsSeconds = Number(process.env.HOLDS_SECONDS ?? 10);
  if (!Number.isInteger(holdsSeconds) || holdsSeconds < 1)
    throw new Error('HOLDS_SECONDS must be a whole number of seconds ≥ 1');
  const h = await runBundlingHoldsBench({ connections: 50, durationSec: holdsSeconds });
  printBundlingHoldsBench(h);
  md.push(...bundlingHoldsMarkdown(h));
}

if (want('checkout')) {
  const c = await runBillingCheckoutBench();
  printBillingCheckoutBench(c);
  md.push(...billingCheckoutMarkdown(c));
}

if (want('search')) {
  const r = await runBundlingSearchBench();
  printBundlingSearchBench(r);
  md.push(...bundlingSearchMarkdown(r));
}

if (want('interactions')) {
  const r = await runInteractionsBench();
  printInteractionsBench(r);
  md.push(...interactionsMarkdown(r));
}

if (want('stripe')) {
  // The emulator's own benchmark (its server in a separate process), so it never limits the
  // platform's checkout load test.
  const out = execFileSync('npm', ['run', '--silent', 'bench', '-w', '@tourconnect/stripe-emulator'], {
    encoding: 'utf8',
  });
  console.log('\nStripe emulator\n' + out);
  const rate = /(\d+) req\/s/.exec(out)?.[1];
  const lat = /p50 ([\d.]+) · p90 ([\d.]+) · p99 ([\d.]+)/.exec(out);
  md.push('**Stripe emulator** (PaymentIntent create+confirm, 32 concurrent, 10 s; goal ≥ 2,000/s):', '');
  md.push('| req/s | p50 | p99 |', '|---|---|---|', `| ${rate} | ${lat?.[1]} ms | ${lat?.[3]} ms |`, '');
}

if (want('portal')) {
  const p = await runPortalBench();
  console.log('\nPortal first load (mobile profile)');
  console.log(JSON.stringify(p, null, 2));
  md.push(
    '**Portal first load** (built portal, Chromium at 390×844 with a 4× slower CPU and slow 4G, cache off, median of 5; goals: initial JS ≤ 150 KB gzip, first contentful paint ≤ 2.5 s):',
    '',
    '| | through the gateway | baseline: same files, plain static server |',
    '|---|---|---|',
    `| initial JavaScript (${p.initialJs.files} file(s)) | ${p.initialJs.gzipKb} KB gzip · ${p.initialJs.brotliKb} KB brotli (sent) | ${p.initialJs.rawKb} KB (sent uncompressed) |`,
    `| all JS the home page loads (${p.homePageJs.files} files, initial + language + API client + Discover page) | ${p.homePageJs.gzipKb} KB gzip | |`,
    `| first contentful paint | ${p.fcp.gatewayMs} ms | ${p.fcp.baselineMs} ms |`,
    `| app rendered (header navigation present) | ${p.appReady.gatewayMs} ms | ${p.appReady.baselineMs} ms |`,
    `| largest lazily loaded chunk | ${p.largestLazyChunkKb} KB raw | |`,
    '',
  );
}

console.log('\n--- Markdown for the README ---\n');
console.log(md.join('\n'));
process.exit(0);
