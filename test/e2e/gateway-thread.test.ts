import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { platformApi, signUpVerified } from '../../scripts/all-in-one/platform-api.ts';
import { startPlatform, type Platform } from '../../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';

// The all-in-one's gateway runs on a worker thread (scripts/all-in-one/gateway-thread.ts): the
// portal's one origin must behave as before — API through it, live events pushed on /ws from
// the main thread's transport, readiness of that transport, and a stop that frees the port.
describe.each(['true', 'false'] as const)('the all-in-one gateway (GATEWAY_THREAD=%s)', (thread) => {
  let db: TestDatabase;
  let dataDir: string;
  let platform: Platform;
  let base: string;
  let stopped = false;

  beforeAll(async () => {
    db = await createTestDatabase(`e2e_gateway_thread_${thread}`);
    dataDir = await mkdtemp(path.join(tmpdir(), 'tc-gateway-thread-'));
    platform = await startPlatform(
      loadAllInOneSettings({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SEED_DEMO_DATA: 'false',
        STRIPE_EMULATOR_PORT: '0',
        OCTO_SIMULATOR_PORT: '0',
        GATEWAY_THREAD: thread,
      }),
    );
    base = `http://127.0.0.1:${platform.gatewayPort}`;
  }, 60_000);

  afterAll(async () => {
    if (!stopped) await platform?.stop();
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers the API and reports the event transport ready', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { events: { ok: true } } });
    const search = await fetch(`${base}/api/packages/search?q=garda`);
    expect(search.status).toBe(200);
    const missing = await fetch(`${base}/api/packages/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('pushes an event published on the main thread to the signed-in user it names, on /ws', async () => {
    const api = platformApi(base);
    const email = `live-${randomUUID().slice(0, 8)}@example.com`;
    const token = await signUpVerified(api, platform.mailbox, {
      email,
      password: 'Live-events-2026',
      displayName: 'Lia',
    });
    const userId = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
    const socket = new WebSocket(`${base.replace('http', 'ws')}/ws?token=${token}`);
    const received = new Promise<{ type: string; id: string; subject: string }>((resolve, reject) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; id: string; subject: string };
        if (message.type === 'event') resolve(message);
      });
      socket.on('error', reject);
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const id = randomUUID();
    // Another user's event first: it must not reach this socket.
    await platform.transport.publish({
      id: randomUUID(),
      subject: 'bundling.booking.expired.v1',
      occurredAt: new Date().toISOString(),
      producer: 'bundling',
      correlationId: id,
      audience: [randomUUID()],
      payload: {},
    });
    await platform.transport.publish({
      id,
      subject: 'bundling.booking.expired.v1',
      occurredAt: new Date().toISOString(),
      producer: 'bundling',
      correlationId: id,
      audience: [userId],
      payload: {},
    });
    await expect(received).resolves.toMatchObject({ type: 'event', id, subject: 'bundling.booking.expired.v1' });
    socket.close();
  });

  it('stops: the gateway closes its port with the platform', async () => {
    await platform.stop();
    stopped = true;
    await expect(fetch(`${base}/readyz`)).rejects.toThrow();
  });
});
