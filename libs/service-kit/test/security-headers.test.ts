import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { afterAll, describe, expect, it } from 'vitest';
import { createService, type ServiceApp } from '../src/index.ts';

/** The headers Helmet itself writes on a real response with these options. */
async function helmetHeaders(options: HelmetOptions): Promise<Record<string, string>> {
  const middleware = helmet(options);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => middleware(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return securityHeaders(Object.fromEntries(res.headers));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Everything but the headers any HTTP response carries. */
function securityHeaders(headers: Record<string, unknown>): Record<string, string> {
  const ordinary = new Set([
    'connection',
    'content-length',
    'content-type',
    'date',
    'keep-alive',
    'transfer-encoding',
    'x-request-id',
  ]);
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !ordinary.has(name) && !name.startsWith('x-ratelimit'))
      .map(([name, value]) => [name, String(value)]),
  );
}

describe('security headers', () => {
  const apps: ServiceApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  const serve = async (helmetOptions?: HelmetOptions) => {
    const app = await createService({
      name: 'headers-test',
      logLevel: 'silent',
      processMetrics: false,
      ...(helmetOptions ? { helmet: helmetOptions } : {}),
    });
    app.get('/thing', async () => ({ ok: true }));
    app.get('/broken', async () => {
      throw new Error('boom');
    });
    apps.push(app);
    return app;
  };

  it("are Helmet's own headers for the kit's default options, on answers, 404s and 500s alike", async () => {
    const app = await serve();
    const expected = await helmetHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    });
    expect(expected['content-security-policy']).toContain("default-src 'none'");
    for (const url of ['/thing', '/nowhere', '/broken']) {
      const res = await app.inject({ method: 'GET', url });
      expect(securityHeaders(res.headers)).toEqual(expected);
    }
  });

  it("are Helmet's own headers for a service's options (the gateway's portal CSP)", async () => {
    const options: HelmetOptions = {
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], connectSrc: ["'self'", 'ws:', 'wss:'], frameAncestors: ["'none'"] },
      },
    };
    const app = await serve(options);
    const res = await app.inject({ method: 'GET', url: '/thing' });
    expect(securityHeaders(res.headers)).toEqual(await helmetHeaders(options));
    expect(res.headers['content-security-policy']).toContain("connect-src 'self' ws: wss:");
  });

  it('evaluate a CSP directive given as a function on every request', async () => {
    let n = 0;
    const app = await serve({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: [() => `'nonce-${++n}'`] } },
    });
    const first = await app.inject({ method: 'GET', url: '/thing' });
    const second = await app.inject({ method: 'GET', url: '/thing' });
    expect(first.headers['content-security-policy']).toContain("'nonce-1'");
    expect(second.headers['content-security-policy']).toContain("'nonce-2'");
  });
});
