import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { platformApi, signIn } from '../../scripts/all-in-one/platform-api.ts';
import { startPlatform, type Platform } from '../../scripts/all-in-one/platform.ts';
import { seedDemoData } from '../../scripts/all-in-one/seed.ts';
import { loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';

// Issue 12 in Chromium: a partner builds a package in the portal (German, desktop) from its own
// tour and another partner's bundleable hotel room, sees the live price, publishes it; a
// traveller (Italian, phone) opens it, picks a day and the party, reads the breakdown, books,
// and lands on the awaiting-payment page with the hold's countdown; the units are held.
// Screenshots go to .tmp/screens-bundling/ to be looked at.
const SCREENS = '.tmp/screens-bundling';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@tourconnect.demo', password: 'Admin-demo-2026' };
const OWNER = { email: 'partner@tourconnect.demo', password: 'Partner-demo-2026' }; // Dolomiti Trails
const TRAVELLER = { email: 'traveller@tourconnect.demo', password: 'Traveller-demo-2026' };
const TITLE = 'Sonnenaufgang und Seezimmer';

describe('a partner builds a package and a traveller books it, in the portal', () => {
  let db: TestDatabase;
  let dataDir: string;
  let platform: Platform;
  let browser: Browser;
  let packageId: string;

  beforeAll(async () => {
    execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
    mkdirSync(SCREENS, { recursive: true });
    db = await createTestDatabase('bundling_browser');
    dataDir = await mkdtemp(path.join(tmpdir(), 'tc-bundling-browser-'));
    platform = await startPlatform(
      loadAllInOneSettings({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'warn',
        STRIPE_EMULATOR_PORT: '0',
        OCTO_SIMULATOR_PORT: '0',
      }),
    );
    // The demo catalogue: Dolomiti Trails' tours, Hotel Lago Blu's bundleable rooms.
    const seeded = await seedDemoData(platform.url, ADMIN, platform.mailbox);
    expect(seeded.catalogueSkipped).toBeUndefined();
    expect(seeded.packages).toHaveLength(3);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function signedIn(
    user: { email: string; password: string },
    language: string,
    viewport: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: language });
    await context.addInitScript((lang) => localStorage.setItem('tourconnect.language', lang), language);
    const res = await context.request.post(`${platform.url}/api/auth/login`, {
      headers: { [CSRF_HEADER]: '1' },
      data: user,
    });
    expect(res.status()).toBe(200);
    return { context, page: await context.newPage() };
  }

  it('the owner builds a package from its tour and a hotel room of another partner, sees its price and publishes it', async () => {
    const { context, page } = await signedIn(OWNER, 'de', { width: 1440, height: 900 });
    try {
      await page.goto(`${platform.url}/partner/packages/new`);
      const form = page.getByTestId('package-form');
      await form.waitFor({ timeout: 30_000 });
      await page.getByTestId('package-tab-de').click();
      await page.getByTestId('package-translations').locator('input').first().fill(TITLE);

      await page.getByTestId('lines-add').click();
      const picker = page.getByTestId('item-picker');
      await picker.getByTestId('pick-item').filter({ hasText: 'Sonnenaufgang' }).getByTestId('pick-add').click();
      await page.getByTestId('picker-bundleable').click();
      await picker.getByTestId('pick-item').filter({ hasText: 'Doppelzimmer' }).getByTestId('pick-add').click();
      await expect.poll(() => page.getByTestId('package-line').count()).toBe(2);
      expect(await page.getByTestId('line-bundled').count()).toBe(1);

      const tier = page.getByTestId('tier').first().locator('input');
      await tier.first().fill('7');
      await tier.last().fill('100');
      await page.getByTestId('package-save').click();
      await page.getByTestId('package-created').or(page.getByTestId('package-saved')).waitFor({ timeout: 30_000 });
      packageId = new URL(page.url()).pathname.split('/').pop()!;
      expect(packageId).toMatch(/^[0-9a-f-]{36}$/);

      // The live preview prices the saved draft on the first open day.
      await page.getByTestId('breakdown-total').first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('breakdown-partner').count()).toBe(2);
      await page.screenshot({ path: `${SCREENS}/de-1440-package-builder.png`, fullPage: true });

      await page.getByTestId('package-publish').click();
      await expect
        .poll(async () => {
          const res = await fetch(`${platform.url}/api/packages/${packageId}`);
          return res.ok ? ((await res.json()) as { status: string }).status : res.status;
        })
        .toBe('published');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('a traveller on a phone picks a day and the party, reads the breakdown, books and sees the hold countdown', async () => {
    const { context, page } = await signedIn(TRAVELLER, 'it', { width: 390, height: 844 });
    try {
      await page.goto(`${platform.url}/packages/${packageId}`);
      await page.getByTestId('package-title').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('package-title').innerText()).toContain(TITLE);
      await page.getByTestId('party-adult').waitFor();
      const day = page.locator('[data-testid^="calendar-day-"]:not([disabled])').first();
      await day.waitFor({ timeout: 30_000 });
      await day.click();
      await page.getByTestId('breakdown-total').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${SCREENS}/it-390-package-page.png`, fullPage: true });
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);

      await page.getByTestId('book-button').click();
      await page.getByTestId('awaiting-payment').waitFor({ timeout: 30_000 });
      await page.getByTestId('hold-countdown').waitFor();
      expect(await page.getByTestId('hold-countdown').innerText()).toMatch(/1[0-5]:\d\d|\d{1,2}:\d\d/);
      await page.screenshot({ path: `${SCREENS}/it-390-awaiting-payment.png`, fullPage: true });

      // The booking is the traveller's, pending payment, and holds units until it expires.
      const bookingId = new URL(page.url()).pathname.split('/').pop()!;
      const token = await signIn(platformApi(platform.url), TRAVELLER);
      const booking = (await (await platformApi(platform.url)('GET', `/api/bookings/${bookingId}`, token)).json()) as {
        status: string;
        packageId: string;
        breakdown: { totalMinor: number; lines: { netMinor: number }[] };
      };
      expect(booking.status).toBe('pending_payment');
      expect(booking.packageId).toBe(packageId);
      expect(booking.breakdown.lines.reduce((s, l) => s + l.netMinor, 0)).toBe(booking.breakdown.totalMinor);
    } finally {
      await context.close();
    }
  }, 180_000);
});
