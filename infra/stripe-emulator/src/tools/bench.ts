// `npm run bench -w @tourconnect/stripe-emulator`: PaymentIntent create+confirm requests per
// second against an in-memory emulator running in its own process (goal: ≥ 2,000/s on 2 cores).
// Options: BENCH_SECONDS (default 10), BENCH_CONCURRENCY (default 32).
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
const BODY =
  'amount=2000&currency=usd&payment_method=pm_card_visa&confirm=true&transfer_group=bench&metadata[booking]=b';

function post(agent: Agent, port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          authorization: 'Bearer sk_test_bench',
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(port: number): Promise<{ ok: number; failed: number; latencies: number[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const deadline = Date.now() + seconds * 1000;
  const result = { ok: 0, failed: 0, latencies: [] as number[] };
  const worker = async () => {
    while (Date.now() < deadline) {
      const started = performance.now();
      const status = await post(agent, port, '/v1/payment_intents', BODY);
      result.latencies.push(performance.now() - started);
      if (status === 200) result.ok += 1;
      else result.failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return result;
}

/** A short unmeasured run so the JIT and the sockets are warm. */
async function runWarmup(port: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const until = Date.now() + 1500;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) await post(agent, port, '/v1/payment_intents', BODY);
    }),
  );
  agent.destroy();
}

const child = fork(new URL('./bench-server.ts', import.meta.url), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
await runWarmup(port);
const { ok, failed, latencies } = await run(port);
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
console.log(
  `create+confirm PaymentIntent: ${(ok / seconds).toFixed(0)} req/s (${ok} ok, ${failed} failed, ${concurrency} concurrent, ${seconds}s)`,
);
console.log(`latency ms: p50 ${pct(0.5)} · p90 ${pct(0.9)} · p99 ${pct(0.99)}`);
child.disconnect();
