import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { timestampFromDate } from '@tourconnect/contracts';
import { createInProcessTransport, type InProcessTransport } from '@tourconnect/events';
import { createService, type ServiceApp } from '@tourconnect/service-kit';
import { createTestTokens, testEnvelope, waitFor, type TestTokens } from '@tourconnect/service-kit/testing';
import { buildGateway } from '../src/app.ts';

// Issue 10, #4: after an account was erased, its unexpired access token still registered a
// partner (201). The gateway hears identity.user.deleted.v1 on its live feed and refuses that
// user's tokens until they have all expired.
describe('gateway: erased users’ tokens are refused', () => {
  let tokens: TestTokens;
  let upstream: ServiceApp;
  let gateway: ServiceApp;
  let transport: InProcessTransport;
  let base: string;
  const reached: string[] = [];
  const erased = randomUUID();
  const bystander = randomUUID();

  beforeAll(async () => {
    tokens = await createTestTokens();
    const auth = { keys: tokens.keys, issuer: tokens.settings.JWT_ISSUER, audience: tokens.settings.JWT_AUDIENCE };
    // A service behind the gateway that trusts any valid token, as partners does.
    upstream = await createService({ name: 'partners', logLevel: 'silent', auth });
    upstream.post('/api/partners/register', { preHandler: upstream.requireUser() }, async (request, reply) => {
      reached.push(request.user!.id);
      return reply.status(201).send({ ownerUserId: request.user!.id });
    });
    upstream.get('/api/auth/me', { preHandler: upstream.requireUser() }, async (request) => {
      reached.push(request.user!.id);
      return { id: request.user!.id };
    });
    const upstreamUrl = await upstream.listen({ port: 0, host: '127.0.0.1' });
    transport = createInProcessTransport();
    gateway = await buildGateway({
      settings: {
        IDENTITY_URL: upstreamUrl,
        PARTNERS_URL: upstreamUrl,
        ...tokens.settings,
        WEB_DIST_DIR: '/nonexistent/portal',
        CORS_ORIGINS: [],
        RATE_LIMIT_MAX: 10_000,
        UPSTREAM_TIMEOUT_MS: 5_000,
        TRUST_PROXY_HOPS: 0,
      },
      transport,
      keys: tokens.keys,
      processMetrics: false,
    });
    base = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
    await transport?.close();
  });

  const register = (token: string) =>
    fetch(`${base}/api/partners/register`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Dolomiti Trails' }),
    });
  const me = (token: string) => fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  const problem = async (res: Response) => (await res.json()) as { status: number; code: string };
  const openSocket = (token: string) =>
    new Promise<{ socket?: WebSocket; status: number }>((resolve) => {
      const socket = new WebSocket(`${base.replace('http', 'ws')}/ws?token=${token}`);
      socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      socket.on('open', () => resolve({ socket, status: 101 }));
    });

  it('refuses every /api/* call and /ws of an erased user with 401 token_revoked; others are unaffected', async () => {
    const erasedToken = await tokens.sign({ id: erased });
    const otherToken = await tokens.sign({ id: bystander });
    expect((await register(erasedToken)).status).toBe(201);
    const open = await openSocket(erasedToken);
    expect(open.status).toBe(101);
    const closed = new Promise<number>((resolve) => open.socket!.on('close', (code) => resolve(code)));

    await transport.publish(
      testEnvelope(
        'identity.user.deleted.v1',
        { userId: erased, anonymised: true, deletedAt: timestampFromDate(new Date()) },
        { audience: [erased] },
      ),
    );
    // The open socket of the erased user is closed as for an expired token.
    expect(await closed).toBe(4001);

    const before = reached.length;
    const refused = await waitFor(
      () => register(erasedToken),
      (res) => res.status === 401,
    );
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await problem(refused)).toMatchObject({ status: 401, code: 'token_revoked' });
    const read = await me(erasedToken);
    expect(read.status).toBe(401);
    expect((await problem(read)).code).toBe('token_revoked');
    expect((await openSocket(erasedToken)).status).toBe(401);
    expect(reached.length).toBe(before);

    // A token issued to the same user after the erasure cannot exist; one issued to anyone else works.
    expect((await register(otherToken)).status).toBe(201);
    expect((await me(otherToken)).status).toBe(200);
    const other = await openSocket(otherToken);
    expect(other.status).toBe(101);
    other.socket!.close();
  });

  it('believes the sub only of a token whose signature verifies; a forged one is left to the service', async () => {
    const forger = await createTestTokens(); // same claims, another key
    const forged = await forger.sign({ id: erased });
    const res = await me(forged);
    expect(res.status).toBe(401);
    expect((await problem(res)).code).toBe('token_invalid');
  });
});
