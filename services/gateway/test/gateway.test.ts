import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import pino from 'pino';
import WebSocket from 'ws';
import { z } from 'zod';
import { createInProcessTransport, type InProcessTransport } from '@tourconnect/events';
import { AppError, createService, initTracing, installOpsRoutes, type ServiceApp } from '@tourconnect/service-kit';
import { buildGateway } from '../src/app.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<any> => res.json();
const issuer = 'tourconnect-identity';
const audience = 'tourconnect';
const TRAVELLER = '11111111-1111-4111-8111-111111111111';
const ADMIN = '22222222-2222-4222-8222-222222222222';

describe('gateway', () => {
  let upstream: ServiceApp;
  let gateway: ServiceApp;
  let transport: InProcessTransport;
  let base: string;
  let distDir: string;
  let token: (sub: string, roles: string[], exp?: string) => Promise<string>;
  const seen: { headers: Record<string, unknown>; body: unknown }[] = [];
  const replayed: string[] = [];
  const warnings: string[] = [];

  beforeAll(async () => {
    initTracing('gateway-test');
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    const keys = createLocalJWKSet({ keys: [jwk] });
    token = (sub, roles, exp = '5m') =>
      new SignJWT({ email: `${sub.slice(0, 4)}@example.com`, roles })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(privateKey);

    // A real service behind the gateway, built with the same kit as identity.
    upstream = await createService({ name: 'identity', logLevel: 'silent', auth: { keys, issuer, audience } });
    upstream.all('/api/auth/echo', async (request) => {
      seen.push({ headers: request.headers, body: request.body });
      return { method: request.method, body: request.body ?? null };
    });
    upstream.post('/api/auth/strict', { schema: { body: z.strictObject({ email: z.email() }) } }, async () => ({
      ok: true,
    }));
    upstream.get('/api/auth/conflict', async () => {
      throw new AppError(409, 'email_taken', 'taken');
    });
    installOpsRoutes(upstream, {
      deadLetters: {
        list: async () => [
          {
            id: '33333333-3333-4333-8333-333333333333',
            durable: 'd',
            subject: 'identity.user.registered.v1',
            deadAt: '2026-11-25T00:00:00Z',
          },
        ],
        replay: async (id) => (replayed.push(id), { replayed: true }),
      },
    });
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    const upstreamUrl = `http://127.0.0.1:${(upstream.server.address() as { port: number }).port}`;

    distDir = await mkdtemp(path.join(tmpdir(), 'tc-dist-'));
    await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>TourConnect</title><div id="root"></div>');

    transport = createInProcessTransport();
    gateway = await buildGateway({
      settings: {
        IDENTITY_URL: upstreamUrl,
        JWKS_URL: `${upstreamUrl}/.well-known/jwks.json`,
        JWT_ISSUER: issuer,
        JWT_AUDIENCE: audience,
        WEB_DIST_DIR: distDir,
        CORS_ORIGINS: ['https://partner.example'],
        RATE_LIMIT_MAX: 10_000,
        UPSTREAM_TIMEOUT_MS: 5_000,
        TRUST_PROXY_HOPS: 0,
      },
      transport,
      keys,
      logger: pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) }),
    });
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(gateway.server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
    await transport?.close();
    await rm(distDir, { recursive: true, force: true });
  });

  it('proxies to the owning service with request id, client address and trace context', async () => {
    const res = await fetch(`${base}/api/auth/echo?x=1`, { headers: { 'x-request-id': 'req-42' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-42');
    const forwarded = seen.at(-1)!.headers;
    expect(forwarded['x-request-id']).toBe('req-42');
    expect(forwarded['x-forwarded-for']).toBe('127.0.0.1');
    expect(String(forwarded.traceparent)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
  });

  it('does not let a browser choose its own address for the services (forged X-Forwarded-For)', async () => {
    await fetch(`${base}/api/auth/echo`, { headers: { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' } });
    // At the edge (TRUST_PROXY_HOPS 0) the client is the socket's peer, whatever the header says:
    // services' per-IP limits (login throttling, registrations) cannot be dodged by rotating it.
    expect(seen.at(-1)!.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('passes JSON bodies and the service’s problem+json answers through unchanged', async () => {
    const post = await fetch(`${base}/api/auth/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(await json(post)).toEqual({ method: 'POST', body: { a: 1 } });
    const invalid = await fetch(`${base}/api/auth/strict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"x","extra":1}',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await json(invalid)).code).toBe('validation_failed');
    const conflict = await fetch(`${base}/api/auth/conflict`);
    expect(conflict.status).toBe(409);
    expect((await json(conflict)).code).toBe('email_taken');
  });

  it('refuses cookie-authenticated state changes without the CSRF header or from a foreign origin', async () => {
    const before = seen.length;
    const noHeader = await fetch(`${base}/api/auth/echo`, {
      method: 'POST',
      headers: { cookie: 'tc_refresh=abc', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noHeader.status).toBe(403);
    expect((await json(noHeader)).code).toBe('csrf_failed');
    const foreign = await fetch(`${base}/api/auth/echo`, {
      method: 'POST',
      headers: {
        cookie: 'tc_refresh=abc',
        'content-type': 'application/json',
        'x-tourconnect-csrf': '1',
        origin: 'https://evil.example',
      },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    expect(seen.length).toBe(before);
    const ok = await fetch(`${base}/api/auth/echo`, {
      method: 'POST',
      headers: {
        cookie: 'tc_refresh=abc',
        'content-type': 'application/json',
        'x-tourconnect-csrf': '1',
        origin: 'https://partner.example',
      },
      body: '{}',
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://partner.example');
  });

  it('answers unknown API routes and services that are not deployed with 404 problem+json', async () => {
    for (const url of ['/api/nowhere', '/api/packages/search?dest=rome']) {
      const res = await fetch(base + url, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('serves the portal with client-side routes falling back to index.html', async () => {
    const res = await fetch(`${base}/partner/analytics`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' ws: wss:");
    await new Promise((r) => setTimeout(r, 50));
    expect(warnings.filter((w) => /already sent/.test(w))).toEqual([]);
  });

  it('aggregates dead letters for admins only and routes a replay to the owning service', async () => {
    const traveller = await fetch(`${base}/api/admin/dead-letters`, {
      headers: { authorization: `Bearer ${await token(TRAVELLER, ['traveller'])}` },
    });
    expect(traveller.status).toBe(403);
    const adminAuth = { authorization: `Bearer ${await token(ADMIN, ['admin'])}` };
    const list = await json(await fetch(`${base}/api/admin/dead-letters`, { headers: adminAuth }));
    expect(list.items).toEqual([
      expect.objectContaining({ service: 'identity', subject: 'identity.user.registered.v1' }),
    ]);
    const replay = await fetch(`${base}/api/admin/dead-letters/33333333-3333-4333-8333-333333333333/replay`, {
      method: 'POST',
      headers: adminAuth,
    });
    expect(await json(replay)).toEqual({ service: 'identity', replayed: true });
    expect(replayed).toEqual(['33333333-3333-4333-8333-333333333333']);
  });

  it('merges every service’s OpenAPI at /docs', async () => {
    const doc = await json(await fetch(`${base}/docs/openapi.json`));
    expect(Object.keys(doc.paths)).toContain('/api/auth/strict');
    expect((await fetch(`${base}/docs`, { redirect: 'manual' })).status).toBeLessThan(400);
  });

  it('is ready only when every service is', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('/ws refuses a missing or bad token', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${base.replace('http', 'ws')}/ws?token=not-a-token-at-all`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it('/ws pushes a user’s own events (and role-addressed ones) in real time, nobody else’s', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/ws?token=${await token(TRAVELLER, ['traveller'])}`);
    const messages: { type: string; subject?: string; userId?: string }[] = [];
    ws.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
    await new Promise((resolve) => ws.on('open', resolve));
    await expect.poll(() => messages.find((m) => m.type === 'hello')).toMatchObject({ userId: TRAVELLER });
    const event = (id: string, subject: string, audienceIds: string[]) => ({
      id,
      subject,
      occurredAt: new Date().toISOString(),
      producer: 'identity',
      correlationId: id,
      audience: audienceIds,
      payload: { id },
    });
    await transport.publish(event('01900000-0000-7000-8000-000000000001', 'identity.user.deleted.v1', [ADMIN]));
    await transport.publish(
      event('01900000-0000-7000-8000-000000000002', 'identity.user.role_granted.v1', [TRAVELLER]),
    );
    await transport.publish(
      event('01900000-0000-7000-8000-000000000003', 'identity.user.registered.v1', ['role:traveller']),
    );
    await expect
      .poll(() => messages.filter((m) => m.type === 'event').map((m) => m.subject))
      .toEqual(['identity.user.role_granted.v1', 'identity.user.registered.v1']);
    ws.send(JSON.stringify({ type: 'ping' }));
    await expect.poll(() => messages.some((m) => m.type === 'pong')).toBe(true);
    ws.close();
  });
});

describe('gateway with a service down', () => {
  it('is not ready, and answers calls to that service with 503 problem+json', async () => {
    const { publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    const transport = createInProcessTransport();
    const closed = 'http://127.0.0.1:9'; // discard port: nothing listens
    const gateway = await buildGateway({
      settings: {
        IDENTITY_URL: closed,
        JWKS_URL: `${closed}/.well-known/jwks.json`,
        JWT_ISSUER: issuer,
        JWT_AUDIENCE: audience,
        WEB_DIST_DIR: '/nonexistent',
        CORS_ORIGINS: [],
        RATE_LIMIT_MAX: 10_000,
        TRUST_PROXY_HOPS: 0,
        UPSTREAM_TIMEOUT_MS: 2_000,
      },
      transport,
      keys: createLocalJWKSet({ keys: [jwk] }),
      logger: pino({ level: 'silent' }),
    });
    try {
      const ready = await gateway.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().detail).toMatch(/services/);
      const call = await gateway.inject('/api/auth/me');
      expect(call.statusCode).toBe(503);
      expect(call.json()).toMatchObject({ code: 'service_unavailable' });
      expect(call.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await gateway.close();
      await transport.close();
    }
  });
});
