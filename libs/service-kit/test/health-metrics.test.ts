import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type ServiceApp } from '../src/index.ts';

describe('health and metrics', () => {
  let app: ServiceApp;
  let natsUp = true;

  beforeAll(async () => {
    app = await createService({
      name: 'probe',
      logLevel: 'silent',
      readiness: {
        postgres: async () => {},
        nats: async () => {
          if (!natsUp) throw new Error('connection refused');
        },
      },
      rateLimit: { global: false },
    });
    app.get('/limited', { config: { rateLimit: { max: 2, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('livez is independent of dependencies; readyz reflects them', async () => {
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    natsUp = false;
    const down = await app.inject('/readyz');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'service_unavailable', detail: 'not ready: nats' });
    expect((await app.inject('/livez')).statusCode).toBe(200);
    natsUp = true;
  });

  it('exposes Prometheus metrics with request counts', async () => {
    await app.inject('/livez');
    const res = await app.inject('/metrics');
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(/http_requests_total\{.*route="\/livez".*\} \d+/);
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('rate limits a route that opts in, as problem+json with Retry-After', async () => {
    await app.inject('/limited');
    await app.inject('/limited');
    const res = await app.inject('/limited');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('serves its OpenAPI document', async () => {
    const res = await app.inject('/openapi.json');
    expect(res.json().openapi).toMatch(/^3\./);
  });
});
