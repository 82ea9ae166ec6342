// Injected faults per supplier: latency, 5xx, 429 with Retry-After, timeouts, malformed JSON.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type TestSimulator } from './helpers/simulator.ts';

describe('faults', () => {
  let t: TestSimulator;
  const get = (path = '/products', key = 'test') =>
    fetch(`${t.url}/octo${path}`, { headers: { authorization: `Bearer ${key}` } });
  const setFaults = (faults: unknown, key = 'test') => t.control('PUT', '/faults', faults, key);

  beforeAll(async () => {
    t = await startSimulator();
  });
  beforeEach(async () => {
    await t.control('POST', '/reset', undefined, null);
  });
  afterAll(() => t.close());

  it('429 carries Retry-After and stops after `count` hits', async () => {
    await setFaults({ rateLimit: { retryAfterSeconds: 7, count: 2 } });
    for (let i = 0; i < 2; i += 1) {
      const res = await get();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toMatchObject({ error: 'TOO_MANY_REQUESTS' });
    }
    expect((await get()).status).toBe(200);
  });

  it('5xx answers with an OCTO INTERNAL_SERVER_ERROR body and no internals', async () => {
    await setFaults({ error: { status: 503, count: 1 } });
    const res = await get('/supplier');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toEqual({
      error: 'INTERNAL_SERVER_ERROR',
      errorMessage: 'There was an un-recoverable error, please try again',
    });
    t.octo.spec.assert('ErrorInternalServerError', body);
    expect((await get('/supplier')).status).toBe(200);
  });

  it('adds latency', async () => {
    await setFaults({ latencyMs: 300 });
    const started = Date.now();
    expect((await get('/supplier')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('timeouts: the request hangs, then the connection is dropped without an answer', async () => {
    await setFaults({ timeout: { hangMs: 400, count: 2 } });
    await expect(
      fetch(`${t.url}/octo/products`, { headers: { authorization: 'Bearer test' }, signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    const started = Date.now();
    await expect(get()).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect((await get()).status).toBe(200);
  });

  it('malformed bodies: 200 with a truncated JSON document', async () => {
    await setFaults({ malformed: { count: 1 } });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    const full = await (await get()).text();
    expect(JSON.parse(full)).toHaveLength(4);
    expect(full.startsWith(text) && text.length < full.length).toBe(true);
  });

  it('only the faulted supplier and paths are affected; the control surface never is', async () => {
    await setFaults({ error: { rate: 1 }, paths: ['/availability'] });
    expect((await get('/products')).status).toBe(200);
    const res = await fetch(`${t.url}/octo/availability`, {
      method: 'POST',
      headers: { authorization: 'Bearer test', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(500);
    await setFaults({ error: { rate: 1 } });
    expect((await get('/supplier', 'acme')).status).toBe(200);
    expect((await get('/supplier')).status).toBe(500);
    expect((await t.control('GET', '/faults')).body.faults.error).toMatchObject({ rate: 1, status: 500 });
    await t.control('DELETE', '/faults');
    expect((await get('/supplier')).status).toBe(200);
  });

  it('rates draw from a seeded PRNG: the same sequence after every reset', async () => {
    const run = async () => {
      await t.control('POST', '/reset', undefined, 'test');
      await setFaults({ error: { rate: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1) statuses.push((await get('/supplier')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('rejects an invalid fault configuration', async () => {
    expect((await setFaults({ error: { rate: 2 } })).body).toMatchObject({ error: 'BAD_REQUEST' });
    expect((await setFaults({ latencyMs: -1 })).body.error).toBe('BAD_REQUEST');
    expect((await setFaults({ paths: 'availability' })).body.error).toBe('BAD_REQUEST');
    expect((await t.control('GET', '/faults')).body.faults).toBeNull();
  });
});
