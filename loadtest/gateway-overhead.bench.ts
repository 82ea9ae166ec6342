import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createTestDatabase } from '@tourconnect/db/testing';
import { createNatsTransport } from '@tourconnect/events';
import { startPlatform } from '../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings } from '../scripts/all-in-one/settings.ts';
import { autocannon, type LoadResult } from './autocannon-run.ts';
import { startServiceProcess } from './distributed-processes.ts';

export interface GatewayOverhead {
  layout: string;
  direct: LoadResult;
  viaGateway: LoadResult;
  latencyRatioP50: number;
  latencyRatioP99: number;
  throughputRatio: number;
  /**
   * Distributed layout only: the gateway process's CPU (user + system, from /proc) while it
   * proxied the measured run, per request answered.
   */
  gatewayCpuMsPerRequest?: number;
}

/**
 * The same authenticated call (`GET /api/auth/me`: JWT check + one query) measured side by
 * side: straight to identity, and through the gateway (rate limit, CSRF/CORS, proxy).
 */
export async function runGatewayOverheadBench(opts = { connections: 20, durationSec: 10 }): Promise<GatewayOverhead[]> {
  return [await allInOne(opts), await distributed(opts)];
}

async function allInOne(opts: { connections: number; durationSec: number }): Promise<GatewayOverhead> {
  const db = await createTestDatabase('bench_gateway');
  const platform = await startPlatform(
    loadAllInOneSettings({
      DATABASE_URL: db.url,
      PORT: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '100000000',
      STRIPE_EMULATOR_PORT: '0',
      OCTO_SIMULATOR_PORT: '0',
    }),
  );
  try {
    return await measure('all-in-one (one process)', platform.services.identity!, platform.url, opts);
  } finally {
    await platform.stop();
    await db.drop();
  }
}

/** The distributed layout: identity and gateway as their own processes, events over NATS. */
async function distributed(opts: { connections: number; durationSec: number }): Promise<GatewayOverhead> {
  const db = await createTestDatabase('bench_gateway_dist');
  const natsUrl = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
  // A namespace of its own on the shared NATS, removed afterwards.
  const prefix = `bench${Date.now().toString(36)}`;
  const identity = await startServiceProcess('services/identity/src/server.ts', {
    DATABASE_URL: db.url,
    NATS_URL: natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
  });
  const gateway = await startServiceProcess('services/gateway/src/server.ts', {
    NATS_URL: natsUrl,
    NATS_SUBJECT_PREFIX: prefix,
    IDENTITY_URL: identity.url,
    JWKS_URL: `${identity.url}/.well-known/jwks.json`,
    RATE_LIMIT_MAX: '100000000',
    WEB_DIST_DIR: 'web/dist',
  });
  try {
    const overhead = await measure(
      'distributed (separate processes)',
      identity.url,
      gateway.url,
      opts,
      gateway.child.pid,
    );
    console.log(`gateway process CPU per proxied request: ${overhead.gatewayCpuMsPerRequest} ms`);
    return overhead;
  } finally {
    await gateway.stop();
    await identity.stop();
    await db.drop();
    await removeStreams(natsUrl, prefix);
  }
}

async function measure(
  layout: string,
  identityUrl: string,
  gatewayUrl: string,
  opts: { connections: number; durationSec: number },
  gatewayPid?: number,
): Promise<GatewayOverhead> {
  const user = { email: `bench-${Date.now()}@example.com`, password: 'Bench-password-2026' };
  const post = (path: string, body: unknown) =>
    fetch(`${gatewayUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  // Sign-up answers 202 without a session; sign in next. GET /me needs no verified address.
  const registered = await post('/api/auth/register', { ...user, displayName: 'Bench' });
  if (registered.status !== 202) throw new Error(`sign-up failed: ${registered.status} ${await registered.text()}`);
  const login = await post('/api/auth/login', user);
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  // warm both paths (JIT, connection pools, JWKS cache)
  await autocannon(`${identityUrl}/api/auth/me`, { connections: 5, durationSec: 2, headers });
  await autocannon(`${gatewayUrl}/api/auth/me`, { connections: 5, durationSec: 2, headers });
  const direct = await autocannon(`${identityUrl}/api/auth/me`, { ...opts, headers });
  const cpuBefore = gatewayPid ? processCpuMs(gatewayPid) : 0;
  const viaGateway = await autocannon(`${gatewayUrl}/api/auth/me`, { ...opts, headers });
  // autocannon reports the average rate, so the count is that rate over the run's length.
  const proxied = Math.max(1, viaGateway.requestsPerSec * opts.durationSec);
  const gatewayCpu = gatewayPid
    ? { gatewayCpuMsPerRequest: Number(((processCpuMs(gatewayPid) - cpuBefore) / proxied).toFixed(3)) }
    : {};
  return {
    layout,
    direct,
    viaGateway,
    latencyRatioP50: round(viaGateway.p50Ms / Math.max(direct.p50Ms, 0.01)),
    latencyRatioP99: round(viaGateway.p99Ms / Math.max(direct.p99Ms, 0.01)),
    throughputRatio: round(direct.requestsPerSec / Math.max(viaGateway.requestsPerSec, 1)),
    ...gatewayCpu,
  };
}

/** A process's CPU so far (user + system clock ticks of 10 ms, from /proc/<pid>/stat). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function removeStreams(url: string, prefix: string): Promise<void> {
  const transport = await createNatsTransport({ url, name: 'bench-cleanup', subjectPrefix: prefix });
  const jsm = await transport.connection.jetstreamManager();
  await jsm.streams.delete(transport.stream).catch(() => false);
  await jsm.streams.delete(transport.deadLetterStream).catch(() => false);
  await transport.close();
}

const round = (n: number) => Math.round(n * 100) / 100;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await runGatewayOverheadBench();
  console.table(
    rows.map((g) => ({
      layout: g.layout,
      'direct req/s': g.direct.requestsPerSec,
      'direct p50/p99 ms': `${g.direct.p50Ms} / ${g.direct.p99Ms}`,
      'via gateway req/s': g.viaGateway.requestsPerSec,
      'via gateway p50/p99 ms': `${g.viaGateway.p50Ms} / ${g.viaGateway.p99Ms}`,
      'throughput ratio': g.throughputRatio,
      'gateway CPU ms/request': g.gatewayCpuMsPerRequest ?? '–',
    })),
  );
  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  process.exit(0);
}
