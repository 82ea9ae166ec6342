import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  /** The request body, read from this file (large or binary bodies). */
  inputFile?: string;
  /**
   * Many clients behind one ingress: each request carries the next of this many addresses in
   * X-Forwarded-For (and the next of `tokens` as its bearer token, when given). The gateway
   * must trust one proxy hop (TRUST_PROXY_HOPS 1) for the addresses to count.
   */
  crowd?: { clients: number; tokens?: string[] };
}

const CROWD_RUNNER = fileURLToPath(new URL('./autocannon-clients.mjs', import.meta.url));

/**
 * autocannon in its own process, so the load generator does not share the event loop (or the
 * core) of the server under test.
 */
export function autocannon(url: string, opts: LoadOptions): Promise<LoadResult> {
  if (opts.crowd) {
    const { crowd, ...rest } = opts;
    return run(process.execPath, [CROWD_RUNNER], JSON.stringify({ url, ...rest, ...crowd }));
  }
  const args = ['autocannon', '-j', '-c', String(opts.connections), '-d', String(opts.durationSec)];
  if (opts.method) args.push('-m', opts.method);
  if (opts.inputFile) args.push('-i', opts.inputFile);
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return run('npx', args);
}

function run(command: string, args: string[], input?: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(-2000)}`));
      const r = JSON.parse(out);
      resolve({
        requestsPerSec: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
      });
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}
