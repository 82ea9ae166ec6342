import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllInOne, type StartedPlatform } from './start-process.ts';

// The two-command promise: with no DATABASE_URL, NATS_URL or STRIPE_SECRET_KEY, `npm start`
// brings up the whole platform on local fallbacks, serves the portal and the demo logins.
describe('all-in-one start (npm start with no environment)', () => {
  let dataDir: string;
  let platform: StartedPlatform;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tc-all-in-one-'));
    platform = await startAllInOne({ DATA_DIR: dataDir });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('announces each fallback in one log line', () => {
    const out = platform.output();
    expect(out).toMatch(/No DATABASE_URL: using embedded PostgreSQL/);
    expect(out).toMatch(/No NATS_URL: delivering events in-process/);
    expect(out).toMatch(/No STRIPE_SECRET_KEY: using the bundled Stripe emulator/);
  });

  it('reaches ready and serves the portal', async () => {
    expect((await fetch(`${platform.url}/readyz`)).status).toBe(200);
    const page = await fetch(platform.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
  });

  it('seeds the demo logins printed at start', async () => {
    expect(platform.output()).toMatch(/traveller@tourconnect\.demo \/ Traveller-demo-2026/);
    for (const [email, password] of [
      ['traveller@tourconnect.demo', 'Traveller-demo-2026'],
      ['admin@tourconnect.demo', 'Admin-demo-2026'],
    ]) {
      const res = await fetch(`${platform.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(res.status, `${email} can sign in`).toBe(200);
      // The seed followed each demo user's verification link, as a person would.
      expect(((await res.json()) as { user: { emailVerified: boolean } }).user.emailVerified, email).toBe(true);
    }
  });

  it('seeds demo partners through the API: verified ones in the directory, one waiting for review', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const directory: any = await (await fetch(`${platform.url}/api/partners?verified=true`)).json();
    expect(directory.items.map((p: { name: string }) => p.name).sort()).toEqual([
      'Dolomiti Trails',
      'Garda Lake Ferries',
      'Hotel Lago Blu',
      'Visit Lago di Garda',
    ]);
    expect(directory.items.every((p: { verified: boolean; logoUrl: string }) => p.verified && p.logoUrl)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const all: any = await (await fetch(`${platform.url}/api/partners`)).json();
    // The one waiting for review is in the admin's queue, not in the public directory.
    expect(all.items.map((p: { name: string }) => p.name)).not.toContain('Costa Ferries');
    // Documents went to the local store under DATA_DIR.
    const logo = await fetch(`${platform.url}${directory.items[0].logoUrl}`);
    expect(logo.headers.get('content-type')).toBe('image/png');
  });

  it('keeps its data across a restart and stops cleanly', async () => {
    const register = await fetch(`${platform.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'persist@example.com', password: 'Persist-me-2026', displayName: 'Persist' }),
    });
    // Sign-up answers 202 without a session; the account exists, unverified, until the link is followed.
    expect(register.status).toBe(202);
    expect(await platform.stop()).toBe(0);
    platform = await startAllInOne({ DATA_DIR: dataDir });
    const login = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'persist@example.com', password: 'Persist-me-2026' }),
    });
    expect(login.status).toBe(200);
  }, 120_000);
});
