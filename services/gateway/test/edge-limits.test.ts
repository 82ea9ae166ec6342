import { request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createInProcessTransport, type InProcessTransport } from '@tourconnect/events';
import { createService, serveMetrics, type ServiceApp } from '@tourconnect/service-kit';
import { createTestTokens } from '@tourconnect/service-kit/testing';
import { buildGateway } from '../src/app.ts';
import { routeTable } from '../src/route-table.ts';

const GATEWAY_SECRET = 'edge-test-gateway-secret-0123456789abcdef';

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A request whose body is sent chunked (no Content-Length), `total` bytes in 64 KB chunks. */
function chunkedPost(base: string, path: string, total: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = httpRequest(
      {
        method: 'POST',
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            body: Buffer.concat(parts).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      req.end();
    };
    req.write('{"pad":"');
    pump();
  });
}

describe('gateway edge limits', () => {
  let upstream: ServiceApp;
  let gateway: ServiceApp;
  let transport: InProcessTransport;
  let base: string;
  const received: number[] = [];

  beforeAll(async () => {
    const tokens = await createTestTokens();
    upstream = await createService({
      name: 'identity',
      logLevel: 'silent',
      bodyLimit: 20 * 1024 * 1024,
      gatewaySecret: GATEWAY_SECRET,
    });
    upstream.get('/api/auth/ip', async (request) => ({ ip: request.ip }));
    upstream.removeAllContentTypeParsers();
    upstream.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    upstream.post('/api/auth/echo', async (request) => {
      received.push((request.body as Buffer).length);
      return { length: (request.body as Buffer).length };
    });
    upstream.post('/api/auth/mirror', async (request) => ({
      type: request.headers['content-type'] ?? null,
      length: request.headers['content-length'] ?? null,
      body: (request.body as Buffer).toString('base64'),
    }));
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    const upstreamUrl = `http://127.0.0.1:${(upstream.server.address() as { port: number }).port}`;
    transport = createInProcessTransport();
    gateway = await buildGateway({
      settings: {
        IDENTITY_URL: upstreamUrl,
        ...tokens.settings,
        WEB_DIST_DIR: '/nonexistent-portal',
        CORS_ORIGINS: [],
        RATE_LIMIT_MAX: 10_000,
        UPSTREAM_TIMEOUT_MS: 15_000,
        // As behind an ingress: the client's address arrives in X-Forwarded-For.
        TRUST_PROXY_HOPS: 1,
        GATEWAY_SECRET,
      },
      keys: tokens.keys,
      transport,
      processMetrics: false,
    });
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(gateway.server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
    await transport?.close();
  });

  it('refuses a 20 MB chunked body with 413 problem+json, and nothing reaches the service', async () => {
    const before = received.length;
    const answer = await chunkedPost(base, '/api/auth/echo', 20 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.type).toContain('application/problem+json');
    expect(JSON.parse(answer.body).code).toBe('payload_too_large');
    expect(received.length).toBe(before);
  });

  it('refuses a chunked body just over the route limit (1 MB) and passes one under it, whole', async () => {
    const over = await chunkedPost(base, '/api/auth/echo', 1024 * 1024 + 10);
    expect(over.status).toBe(413);
    const under = await chunkedPost(base, '/api/auth/echo', 200 * 1024);
    expect(under.status).toBe(200);
    // The opening '{"pad":"' counts too: every byte sent arrived.
    expect(JSON.parse(under.body).length).toBe(200 * 1024 + 8);
  });

  it.each([
    ['a small JSON body (read whole, sent as one buffer)', 'application/json; charset=utf-8', 2_000],
    ['a small body without a Content-Type', undefined, 2_000],
    ['a body past 64 KB (streamed)', 'application/json', 300 * 1024],
  ])('passes %s byte for byte, with its Content-Type and length', async (_what, type, size) => {
    // Odd spacing, escapes and multi-byte characters: any re-encoding would change the bytes.
    const head = Buffer.from('{ "name" : "Café \\u00e9 ☃",\n"pad":"');
    const body = Buffer.concat([head, Buffer.alloc(size - head.length - 2, 0x61), Buffer.from('"}')]);
    const res = await fetch(`${base}/api/auth/mirror`, {
      method: 'POST',
      headers: type ? { 'content-type': type } : {},
      body,
    });
    expect(res.status).toBe(200);
    const seen = (await res.json()) as { type: string | null; length: string | null; body: string };
    expect(seen.type).toBe(type ?? null);
    expect(seen.length).toBe(String(body.length));
    expect(Buffer.from(seen.body, 'base64').equals(body)).toBe(true);
  });

  it("passes the client's address to the service, which believes it only because the gateway vouches", async () => {
    const viaGateway = await fetch(`${base}/api/auth/ip`, { headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(await viaGateway.json()).toEqual({ ip: '203.0.113.5' });
    const upstreamUrl = `http://127.0.0.1:${(upstream.server.address() as { port: number }).port}`;
    const direct = await fetch(`${upstreamUrl}/api/auth/ip`, {
      headers: { 'x-forwarded-for': '203.0.113.6', 'x-tourconnect-gateway': 'guessed' },
    });
    expect(await direct.json()).toEqual({ ip: '127.0.0.1' });
  });

  it('keeps /metrics off the public port and serves it on the internal one', async () => {
    const pub = await fetch(`${base}/metrics`);
    expect(pub.status).toBe(404);
    expect(await pub.text()).not.toContain('http_requests_total');
    const internal = await serveMetrics([gateway.metrics], { port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(internal.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('http_requests_total');
    } finally {
      await internal.close();
    }
  });

  it('lets the k8s ingress pass the largest body any route accepts (the gateway enforces each limit)', async () => {
    const ingress = parse(await readFile(new URL('../../../k8s/ingress.yaml', import.meta.url), 'utf8'));
    const size = String(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']);
    const match = /^(\d+)([kmg]?)$/i.exec(size);
    expect(match).not.toBeNull();
    const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match![2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
    const ingressLimit = Number(match![1]) * unit;
    const largest = Math.max(...routeTable.map((r) => r.bodyLimit ?? 1_048_576));
    expect(ingressLimit).toBeGreaterThanOrEqual(largest);
  });
});
