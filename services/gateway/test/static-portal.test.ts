import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type ServiceApp } from '@tourconnect/service-kit';
import { registerPortal, spaFallback } from '../src/static-portal.ts';

describe('the portal as the gateway serves it', () => {
  let app: ServiceApp;
  let dist: string;
  const script = `console.log(${JSON.stringify('TourConnect '.repeat(200))});`;

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'tc-portal-'));
    await mkdir(path.join(dist, 'assets'));
    const index = '<!doctype html><title>TourConnect</title><div id="root"></div>';
    await writeFile(path.join(dist, 'index.html'), index);
    await writeFile(path.join(dist, 'index.html.br'), brotliCompressSync(index));
    const asset = path.join(dist, 'assets', 'index-AbC123.js');
    await writeFile(asset, script);
    await writeFile(`${asset}.br`, brotliCompressSync(script));
    await writeFile(`${asset}.gz`, gzipSync(script));
    await writeFile(`${asset}.map`, '{"version":3}');
    let ready = false;
    app = await createService({
      name: 'gateway',
      logLevel: 'silent',
      processMetrics: false,
      notFoundHandler: spaFallback(() => ready),
    });
    ready = await registerPortal(app, dist);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('sends hashed assets Brotli-compressed when accepted, cached as immutable for a year', async () => {
    const res = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, then to the plain file, by what the browser accepts', async () => {
    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('never serves source maps', async () => {
    const res = await app.inject({ url: '/assets/index-AbC123.js.map' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('"version":3');
  });

  it('revalidates index.html on every visit, answering 304 when unchanged', async () => {
    const first = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await app.inject({ url: '/', headers: { accept: 'text/html', 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('answers client-side routes with index.html, API paths with problem+json', async () => {
    const page = await app.inject({ url: '/partner/members', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const api = await app.inject({ url: '/api/nothing-here', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});
