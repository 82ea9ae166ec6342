import { execSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { platformApi, signIn } from '../../scripts/all-in-one/platform-api.ts';
import { startPlatform, type Platform } from '../../scripts/all-in-one/platform.ts';
import { seedDemoData } from '../../scripts/all-in-one/seed.ts';
import { loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';
import { bookDemoPackage } from './demo-booking.ts';

// 3-D Secure in Chromium, the way Stripe does it: a traveller (German, desktop) pays with the
// emulator's card whose bank asks for authentication, is sent to the bank's page, fails it and
// comes back to the checkout with the bank's refusal and the cards offered again; pays again,
// completes the authentication and comes back to the live confirmation. The all-in-one embeds
// the emulator (no STRIPE_SECRET_KEY); screenshots go to .tmp/screens-checkout-3ds/.
const SCREENS = '.tmp/screens-checkout-3ds';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@tourconnect.demo', password: 'Admin-demo-2026' };
const TRAVELLER = { email: 'traveller@tourconnect.demo', password: 'Traveller-demo-2026' };

describe('checkout with 3-D Secure in the portal', () => {
  let db: TestDatabase;
  let dataDir: string;
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
    mkdirSync(SCREENS, { recursive: true });
    db = await createTestDatabase('checkout_3ds_browser');
    dataDir = await mkdtemp(path.join(tmpdir(), 'tc-checkout-3ds-'));
    // The portal served from a copy: a rebuild of web/dist meanwhile cannot swap its chunks.
    const webDist = path.join(dataDir, 'web-dist');
    cpSync('web/dist', webDist, { recursive: true });
    platform = await startPlatform(
      loadAllInOneSettings({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        WEB_DIST_DIR: webDist,
        OCTO_SIMULATOR_PORT: '0',
        STRIPE_EMULATOR_PORT: '0',
      }),
    );
    const seeded = await seedDemoData(platform.url, ADMIN, platform.mailbox);
    expect(seeded.catalogueSkipped).toBeUndefined();
    expect(seeded.payoutsSkipped).toBeUndefined();
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

  /** A demo package held for two adults on its first bookable day three weeks ahead. */
  const heldBooking = (token: string) =>
    bookDemoPackage(platformApi(platform.url), token, { adults: 2, fromDays: 21, toDays: 80 });

  it('fails the bank’s authentication, reads why, then completes it and is confirmed', async () => {
    const bookingId = await heldBooking(await signIn(platformApi(platform.url), TRAVELLER));
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'de' });
    await context.addInitScript(() => localStorage.setItem('tourconnect.language', 'de'));
    const login = await context.request.post(`${platform.url}/api/auth/login`, {
      headers: { [CSRF_HEADER]: '1' },
      data: TRAVELLER,
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const checkoutUrl = `${platform.url}/checkout/${bookingId}`;
    const payWith3ds = async () => {
      await page.locator('[data-card="pm_card_authenticationRequired"]').click();
      await page.getByTestId('pay-button').click();
      await page.waitForURL(/\/3d_secure\/authenticate\//, { timeout: 30_000 });
    };
    try {
      await page.goto(checkoutUrl);
      await page.getByTestId('test-card-picker').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-card="pm_card_authenticationRequired"]').innerText()).toContain(
        'Verlangt 3-D Secure bei der Bank',
      );
      await payWith3ds();
      await page.screenshot({ path: `${SCREENS}/bank-page.png`, fullPage: true });
      await page.getByRole('button', { name: 'Fail authentication' }).click();

      await page.waitForURL((url) => url.pathname === `/checkout/${bookingId}`, { timeout: 30_000 });
      const refusal = page.getByTestId('payment-auth-failed');
      await refusal.waitFor({ timeout: 30_000 });
      expect(await refusal.innerText()).toContain('Ihre Bank hat die Zahlung nicht bestätigt');
      // The bank's answer is read once: the address no longer carries it.
      await expect.poll(() => new URL(page.url()).search).toBe('');
      await page.screenshot({ path: `${SCREENS}/de-1440-auth-failed.png`, fullPage: true });

      await payWith3ds();
      await page.getByRole('button', { name: 'Complete authentication' }).click();
      await page.waitForURL((url) => url.pathname === `/checkout/${bookingId}`, { timeout: 30_000 });
      await page.getByTestId('checkout-confirmed').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('checkout-confirmed').innerText()).toContain('Buchung bestätigt');
      await page.screenshot({ path: `${SCREENS}/de-1440-confirmed.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${SCREENS}/failed.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 240_000);
});
