import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type ServiceApp } from '../src/index.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Two replicas of a service behind a load balancer must share one budget per client, or a
// limit of N becomes N per replica: with REDIS_URL set, the counter lives in Redis.
describe('rate limits shared across replicas through Redis', () => {
  const replicas: ServiceApp[] = [];
  const route = `/limited-${randomUUID()}`;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const app = await createService({ name: 'probe', logLevel: 'silent', rateLimit: { redisUrl: REDIS_URL } });
      app.get(route, { config: { rateLimit: { max: 3, timeWindow: '1 minute' } } }, async () => ({ replica: i }));
      await app.ready();
      replicas.push(app);
    }
  });
  afterAll(async () => {
    for (const app of replicas) await app.close();
  });

  it('counts requests to either replica against one budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await replicas[i % 2]!.inject({ method: 'GET', url: route, remoteAddress: '203.0.113.7' });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const other = await replicas[0]!.inject({ method: 'GET', url: route, remoteAddress: '203.0.113.8' });
    expect(other.statusCode).toBe(200);
  });
});
