import { pathToFileURL } from 'node:url';
import { createTestDatabase } from '@tourconnect/db/testing';
import { startPlatform } from '../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings } from '../scripts/all-in-one/settings.ts';
import { autocannon, type LoadResult } from './autocannon-run.ts';

export interface GatewayOverhead {
  direct: LoadResult;
  viaGateway: LoadResult;
  latencyRatioP50: number;
  latencyRatioP99: number;
  throughputRatio: number;
}

/**
 * The same authenticated call (`GET /api/auth/me`: JWT check + one query) measured side by
 * side: straight to identity, and through the gateway (rate limit, CSRF/CORS, proxy).
 */
export async function runGatewayOverheadBench(opts = { connections: 20, durationSec: 10 }): Promise<GatewayOverhead> {
  const db = await createTestDatabase('bench_gateway');
  const platform = await startPlatform(
    loadAllInOneSettings({ DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '100000000', STRIPE_EMULATOR_PORT: '0', OCTO_SIMULATOR_PORT: '0' }),
  );
  try {
    const email = `bench-${Date.now()}@example.com`;
    const res = await fetch(`${platform.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'Bench-password-2026', displayName: 'Bench' }),
    });
    const { accessToken } = (await res.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    // warm both paths (JIT, connection pools, JWKS cache)
    await autocannon(`${platform.services.identity}/api/auth/me`, { connections: 5, durationSec: 2, headers });
    await autocannon(`${platform.url}/api/auth/me`, { connections: 5, durationSec: 2, headers });
    const direct = await autocannon(`${platform.services.identity}/api/auth/me`, { ...opts, headers });
    const viaGateway = await autocannon(`${platform.url}/api/auth/me`, { ...opts, headers });
    return {
      direct,
      viaGateway,
      latencyRatioP50: round(viaGateway.p50Ms / Math.max(direct.p50Ms, 0.01)),
      latencyRatioP99: round(viaGateway.p99Ms / Math.max(direct.p99Ms, 0.01)),
      throughputRatio: round(direct.requestsPerSec / Math.max(viaGateway.requestsPerSec, 1)),
    };
  } finally {
    await platform.stop();
    await db.drop();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await runGatewayOverheadBench());
  process.exit(0);
}
