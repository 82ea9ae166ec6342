// Load from a child process: a benchmark file re-runs itself with --load-clients, reads its
// options from stdin and writes LoadFigures to stdout, so the clients never share the event
// loop (or the CPU accounting) of the platform under test. Shared by the bundling benches.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export interface LoadFigures {
  requests: number;
  perSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Answers by HTTP status ('error' when the request failed). */
  statuses: Record<string, number>;
}

/** Runs `benchUrl` (the bench's import.meta.url) with --load-clients on `options`. */
export function runClientsInChild(benchUrl: string, options: unknown): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(benchUrl), '--load-clients'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load clients: ${err.slice(-2000)}`)),
    );
    child.stdin.end(JSON.stringify(options));
  });
}

/** In the child: reads the options, runs the loop, writes its figures and exits. */
export async function serveClientsInChild<O>(loop: (options: O) => Promise<LoadFigures>): Promise<never> {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk;
  process.stdout.write(JSON.stringify(await loop(JSON.parse(input) as O)));
  process.exit(0);
}

/** Client address n (10.x.y.z), so per-client limits see many clients. */
export const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Rate and percentiles of the measured latencies (sorted in place). */
export function loadFigures(latencies: number[], statuses: Record<string, number>, elapsedSec: number): LoadFigures {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1));
  return {
    requests: latencies.length,
    perSec: Math.round(latencies.length / elapsedSec),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    statuses,
  };
}

/** One console.table row. */
export function figuresRow(f: LoadFigures) {
  return { 'req/s': f.perSec, p50: f.p50Ms, p95: f.p95Ms, p99: f.p99Ms, statuses: JSON.stringify(f.statuses) };
}

/** "47 × 409, 3 × 201" for a README table. */
export const statusText = (f: LoadFigures) =>
  Object.entries(f.statuses)
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ');

/**
 * One request on a keep-alive agent, answered with its status ('error' when it failed), the body
 * read and dropped. Plain node:http rather than fetch: fetch (undici behind WHATWG streams) took
 * the client process most of a core at 50 loops — a core the platform under test shares here.
 */
export function sendRequest(
  agent: http.Agent,
  url: string | URL,
  options: { method?: string; headers?: Record<string, string | number>; body?: Buffer } = {},
): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      res.resume();
      res.once('end', () => resolve(String(res.statusCode)));
      res.once('error', () => resolve('error'));
    });
    req.once('error', () => resolve('error'));
    req.end(options.body);
  });
}
