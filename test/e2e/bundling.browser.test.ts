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
// and lands on the awaiting-payment page with the hold's countdown; the units are held. The
// package's own photo, added in the builder, leads the traveller's gallery.
// Screenshots go to .tmp/screens-bundling/ to be looked at (also of the page a step failed on).
// Every wait is on something the user would see; nothing sleeps.
const SCREENS = '.tmp/screens-bundling';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@tourconnect.demo', password: 'Admin-demo-2026' };
const OWNER = { email: 'partner@tourconnect.demo', password: 'Partner-demo-2026' }; // Dolomiti Trails
const TRAVELLER = { email: 'traveller@tourconnect.demo', password: 'Traveller-demo-2026' };
const TITLE = 'Sonnenaufgang und Seezimmer';
// A real 8×8 orange PNG (the service sniffs the bytes; the browser must be able to draw it).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4n8aAFWEXHbQSAB+VWUEfoQrOAAAAAElFTkSuQmCC',
  'base64',
);

/** A full-page screenshot from the top (scrolled down, the sticky header would sit mid-page in it). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** Runs a step of the flow; when it fails, the page it failed on is kept beside the other screenshots. */
async function onPage<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await shot(page, `failed-${name}`).catch(() => {});
    throw error;
  }
}

describe('a partner builds a package and a traveller books it, in the portal', () => {
  let db: TestDatabase;
  let dataDir: string;
  let platform: Platform;
  let browser: Browser;
  let packageId: string;
  const savedEnv = process.env.BOOKING_REQUIRES_PAYOUT_ACCOUNTS;

  beforeAll(async () => {
    // This flow is bundling's: whether the demo partners can receive payouts is billing's
    // (test/e2e/billing.browser.test.ts); booking here must not wait for Stripe onboarding.
    process.env.BOOKING_REQUIRES_PAYOUT_ACCOUNTS = 'false';
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
    if (savedEnv === undefined) delete process.env.BOOKING_REQUIRES_PAYOUT_ACCOUNTS;
    else process.env.BOOKING_REQUIRES_PAYOUT_ACCOUNTS = savedEnv;
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
      await onPage(page, 'de-1440-new-package', async () => {
        await page.getByTestId('package-form').waitFor({ timeout: 60_000 });
        await page.getByTestId('package-tab-de').click();
        await page.getByTestId('package-translations').locator('input').first().fill(TITLE);

        // A new package opens with the item picker showing the partner's own items.
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
        await page.getByTestId('package-created').waitFor({ timeout: 30_000 });
      });
      packageId = new URL(page.url()).pathname.split('/').pop()!;
      expect(packageId).toMatch(/^[0-9a-f-]{36}$/);

      await onPage(page, 'de-1440-package-builder', async () => {
        // The lines keep the portal's language after the save (the room is the hotel's 'Doppelzimmer').
        await expect
          .poll(() => page.getByTestId('package-line').allInnerTexts())
          .toEqual([expect.stringContaining('Sonnenaufgang'), expect.stringContaining('Doppelzimmer')]);
        // The package's own photo.
        await page.getByTestId('package-images-empty').waitFor();
        await page.getByTestId('package-image-input').setInputFiles({
          name: 'sonnenaufgang.png',
          mimeType: 'image/png',
          buffer: PNG,
        });
        await page.getByTestId('package-image').waitFor({ timeout: 30_000 });
        // The live preview prices the saved draft on the first open day.
        await page.getByTestId('breakdown-total').first().waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('breakdown-partner').count()).toBe(2);
      });
      await shot(page, 'de-1440-package-builder');

      await page.getByTestId('package-publish').click();
      await onPage(page, 'de-1440-publish', () =>
        expect
          .poll(async () => {
            const res = await fetch(`${platform.url}/api/packages/${packageId}`);
            return res.ok ? ((await res.json()) as { status: string }).status : res.status;
          })
          .toBe('published'),
      );
    } finally {
      await context.close();
    }
  }, 180_000);

  it('a traveller on a phone picks a day and the party, reads the breakdown, books and sees the hold countdown', async () => {
    expect(packageId, 'the package of the first test').toBeDefined();
    const { context, page } = await signedIn(TRAVELLER, 'it', { width: 390, height: 844 });
    try {
      await page.goto(`${platform.url}/packages/${packageId}`);
      await onPage(page, 'it-390-package-page', async () => {
        await page.getByTestId('package-title').waitFor({ timeout: 60_000 });
        expect(await page.getByTestId('package-title').innerText()).toContain(TITLE);
        // The partner's photo leads the gallery (not the drawn placeholder).
        await page.getByTestId('package-gallery').locator('img').first().waitFor();
        expect(await page.getByTestId('package-placeholder').count()).toBe(0);
        await page.getByTestId('party-adult').waitFor();
        const day = page.locator('[data-testid^="calendar-day-"]:not([disabled])').first();
        await day.waitFor({ timeout: 30_000 });
        await day.click();
        await page.getByTestId('price-total').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('price-line').count()).toBe(2);
      });
      await shot(page, 'it-390-package-page');
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);

      await page.getByTestId('book-button').click();
      await onPage(page, 'it-390-book', async () => {
        await page.getByTestId('awaiting-payment').waitFor({ timeout: 30_000 });
        await page.getByTestId('hold-countdown').waitFor();
      });
      // Minutes and seconds left of the 15-minute hold.
      expect(await page.getByTestId('hold-countdown').innerText()).toMatch(/\b1?\d:[0-5]\d\b/);
      await shot(page, 'it-390-awaiting-payment');

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
