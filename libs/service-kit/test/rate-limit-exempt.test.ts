import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type ServiceApp } from '../src/index.ts';

// The gateway limits every route per client, but a path it exempts (Stripe's signed webhooks,
// paced and retried by Stripe) is never answered 429, whatever its query string.
describe('a global rate limit with an exempt path', () => {
  let app: ServiceApp;

  beforeAll(async () => {
    app = await createService({
      name: 'edge',
      logLevel: 'silent',
      rateLimit: { global: true, max: 2, timeWindow: '1 minute', exemptPaths: ['/hooks/stripe'] },
    });
    app.post('/hooks/stripe', async () => ({ received: true }));
    app.get('/other', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('limits other routes and never the exempt one', async () => {
    const other = [];
    for (let i = 0; i < 3; i += 1) other.push((await app.inject('/other')).statusCode);
    expect(other).toEqual([200, 200, 429]);
    const hooks = [];
    for (let i = 0; i < 5; i += 1)
      hooks.push((await app.inject({ method: 'POST', url: i % 2 ? '/hooks/stripe?x=1' : '/hooks/stripe' })).statusCode);
    expect(hooks).toEqual([200, 200, 200, 200, 200]);
  });
});
