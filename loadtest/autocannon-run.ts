import { spawn } from 'node:child_process';

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * autocannon in its own process, so the load generator does not share the event loop (or the
 * core) of the server under test.
 */
export function autocannon(
  url: string,
  opts: {
    connections: number;
    durationSec: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    /** The request body, read from this file (large or binary bodies). */
    inputFile?: string;
  },
): Promise<LoadResult> {
  const args = ['autocannon', '-j', '-c', String(opts.connections), '-d', String(opts.durationSec)];
  if (opts.method) args.push('-m', opts.method);
  if (opts.inputFile) args.push('-i', opts.inputFile);
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out);
      resolve({
        requestsPerSec: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
      });
    });
  });
}
