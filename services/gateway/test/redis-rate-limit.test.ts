import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessTransport, type InProcessTransport } from '@tourconnect/events';
import { createService, type ServiceApp } from '@tourconnect/service-kit';
import { createTestTokens } from '@tourconnect/service-kit/testing';
import { buildGateway } from '../src/app.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Behind a load balancer a per-client limit of N must stay N whichever gateway replica answers:
// with REDIS_URL the replicas count in Redis. Stripe's webhook path is never limited.
describe('two gateway replicas with REDIS_URL', () => {
  let upstream: ServiceApp;
  const replicas: ServiceApp[] = [];
  const transports: InProcessTransport[] = [];

  beforeAll(async () => {
    const tokens = await createTestTokens();
    upstream = await createService({ name: 'identity', logLevel: 'silent' });
    upstream.get('/api/auth/ping', async () => ({ ok: true }));
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    const upstreamUrl = `http://127.0.0.1:${(upstream.server.address() as { port: number }).port}`;
    for (let i = 0; i < 2; i++) {
      const transport = createInProcessTransport();
      transports.push(transport);
      replicas.push(
        await buildGateway({
          settings: {
            REDIS_URL,
            IDENTITY_URL: upstreamUrl,
            ...tokens.settings,
            WEB_DIST_DIR: '/nonexistent-portal',
            CORS_ORIGINS: [],
            RATE_LIMIT_MAX: 3,
            UPSTREAM_TIMEOUT_MS: 5_000,
            TRUST_PROXY_HOPS: 0,
          },
          keys: tokens.keys,
          transport,
          processMetrics: false,
        }),
      );
    }
    for (const replica of replicas) await replica.ready();
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    for (const transport of transports) await transport.close();
    await upstream?.close();
  });

  it('counts one client against one budget across replicas', async () => {
    // A fresh address per run: Redis keeps the window across test runs.
    const client = `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await replicas[i % 2]!.inject({ method: 'GET', url: '/api/auth/ping', remoteAddress: client });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
