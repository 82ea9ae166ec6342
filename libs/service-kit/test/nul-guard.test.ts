import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createService, type ServiceApp } from '../src/index.ts';

describe('NUL characters in input', () => {
  let app: ServiceApp;
  const stored: unknown[] = [];

  beforeAll(async () => {
    app = await createService({ name: 'nul-test', logLevel: 'silent', processMetrics: false });
    app.post(
      '/things',
      { schema: { body: z.object({ name: z.string(), tags: z.array(z.string()).default([]) }) } },
      async (request) => {
        stored.push(request.body);
        return { ok: true };
      },
    );
    app.get('/things', { schema: { querystring: z.object({ q: z.string().optional() }) } }, async () => ({
      items: [],
    }));
    app.get('/things/:id', async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it.each([
    ['a JSON string', { name: 'Dolomiti\u0000Trails' }, 'body.name'],
    ['a string in an array', { name: 'ok', tags: ['fine', 'bad\u0000'] }, 'body.tags.1'],
    ['an object key', { name: 'ok', ['x\u0000']: 1 }, 'body.x\\0'],
  ])('refuses %s with 400 validation_failed naming the field, and stores nothing', async (_what, body, path) => {
    const before = stored.length;
    const res = await app.inject({ method: 'POST', url: '/things', payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path, code: 'nul_character' }] });
    expect(stored.length).toBe(before);
  });

  it('refuses a NUL in a query parameter or a path parameter with 400', async () => {
    const query = await app.inject({ method: 'GET', url: '/things?q=%00' });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0]).toMatchObject({ path: 'query.q', code: 'nul_character' });
    const param = await app.inject({ method: 'GET', url: '/things/a%00b' });
    expect(param.statusCode).toBe(400);
    expect(param.json().errors[0]).toMatchObject({ path: 'params.id', code: 'nul_character' });
  });

  it('accepts the same input without the NUL', async () => {
    const res = await app.inject({ method: 'POST', url: '/things', payload: { name: 'Dolomiti Trails', tags: ['x'] } });
    expect(res.statusCode).toBe(200);
  });
});
