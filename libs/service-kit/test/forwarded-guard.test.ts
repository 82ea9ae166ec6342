import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, GATEWAY_SECRET_HEADER, type ServiceApp } from '../src/index.ts';

const SECRET = 'a-gateway-secret-of-at-least-32-characters';

describe('forwarded headers behind the gateway', () => {
  let app: ServiceApp;

  beforeAll(async () => {
    app = await createService({ name: 'fwd-test', logLevel: 'silent', processMetrics: false, gatewaySecret: SECRET });
    app.get('/whoami', async (request) => ({ ip: request.ip, sawSecret: GATEWAY_SECRET_HEADER in request.headers }));
    await app.ready();
  });
  afterAll(() => app.close());

  const whoami = (headers: Record<string, string>) =>
    app.inject({ method: 'GET', url: '/whoami', headers, remoteAddress: '127.0.0.1' }).then((r) => r.json());

  it('believes X-Forwarded-For from the gateway, which proves itself with the shared secret', async () => {
    expect(await whoami({ 'x-forwarded-for': '203.0.113.7', [GATEWAY_SECRET_HEADER]: SECRET })).toEqual({
      ip: '203.0.113.7',
      sawSecret: false,
    });
  });

  it('ignores X-Forwarded-For from any other local caller, with no secret or a wrong one', async () => {
    expect((await whoami({ 'x-forwarded-for': '203.0.113.8' })).ip).toBe('127.0.0.1');
    expect((await whoami({ 'x-forwarded-for': '203.0.113.9', [GATEWAY_SECRET_HEADER]: 'wrong' })).ip).toBe('127.0.0.1');
  });

  it('so a local process cannot pose as many clients to a per-IP limit', async () => {
    const limited = await createService({
      name: 'fwd-limit',
      logLevel: 'silent',
      processMetrics: false,
      gatewaySecret: SECRET,
    });
    limited.get('/login', { config: { rateLimit: { max: 3, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
    await limited.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const res = await limited.inject({
          method: 'GET',
          url: '/login',
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
          remoteAddress: '127.0.0.1',
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
