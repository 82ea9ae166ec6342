import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { startPlatform, type Platform } from '../../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';

const SCREENSHOTS = 'test-results/screenshots';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Strings that are the same in every language on purpose: the brand, the language names in
// the switcher (each written in its own language), and what the user typed.
const SAME_IN_EVERY_LANGUAGE = new Set([
  'TourConnect',
  'English',
  'Italiano',
  'Deutsch',
  'Français',
  'Español',
  'EN',
  'IT',
  'DE',
  'FR',
  'ES',
  '#FF6600',
  // Italian says "Password" too (the account page's section title); the test switches to Italian.
  'Password',
]);

const initials = (name: string) =>
  name
    .split(' ')
    .map((w) => w[0])
    .join('')
    .toUpperCase();

async function visibleStrings(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [
    ...new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 1 && /[A-Za-zÀ-ÿ]/.test(l)),
    ),
  ];
}

describe('portal in Chromium: sign up → sign in → Italiano', () => {
  let db: TestDatabase;
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  const user = { name: 'Giulia Browser', email: `giulia-${Date.now()}@example.com`, password: 'Browser-test-2026' };

  beforeAll(async () => {
    // the same check `npm start` makes: build the portal when it is missing or older than its sources
    execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await createTestDatabase('browser');
    platform = await startPlatform(
      loadAllInOneSettings({
        DATABASE_URL: db.url,
        PORT: '0',
        LOG_LEVEL: 'warn',
        SEED_DEMO_DATA: 'false',
        STRIPE_EMULATOR_PORT: '0',
        OCTO_SIMULATOR_PORT: '0',
      }),
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
  });

  it('signs up a new traveller and shows them signed in, asked to verify their e-mail', async () => {
    await page.goto(`${platform.url}/signup`);
    await page.getByTestId('signup-name').fill(user.name);
    await page.getByTestId('signup-email').fill(user.email);
    await page.getByTestId('signup-password').fill(user.password);
    await page.getByTestId('signup-submit').click();
    // Sign-up answers 202 without a session; the portal signs in with the same credentials.
    await expect.poll(() => page.getByTestId('user-menu').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('verify-banner').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('verify-banner').innerText()).toContain(user.email);
    await expect
      .poll(() => page.getByTestId('live-indicator').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('connected');
    await page.screenshot({ path: `${SCREENSHOTS}/01-signed-up-en.png`, fullPage: true });
  });

  it('follows the e-mailed verification link, and the banner goes away', async () => {
    // The link notifications e-mails is /verify-email#token=…; the secret read from identity's outbox.
    const token = await platform.mailbox.link('identity.email_verification.requested.v1', { email: user.email });
    await page.goto(`${platform.url}/verify-email#token=${token}`);
    await page.getByTestId('verify-done').waitFor({ timeout: 15_000 });
    await page.goto(`${platform.url}/`);
    await expect.poll(() => page.getByTestId('user-menu').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('verify-banner').count()).toBe(0);
  });

  it('explains a weak password next to the field, in the chosen language, and sends nothing', async () => {
    const fresh = await browser.newPage();
    const registrations: string[] = [];
    fresh.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/auth/register'))
        registrations.push(request.url());
    });
    await fresh.goto(`${platform.url}/signup`);
    await fresh.getByTestId('lang-switcher').selectOption('en');
    await fresh.getByTestId('signup-name').fill('Weak');
    await fresh.getByTestId('signup-email').fill('weak@example.com');
    await fresh.getByTestId('signup-password').fill('short');
    await fresh.getByTestId('signup-submit').click();
    const errors = fresh.locator('.field-error');
    await expect.poll(() => errors.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await fresh.getByTestId('signup-password').getAttribute('aria-invalid')).toBe('true');
    const english = await errors.allInnerTexts();
    expect(english.join(' ')).not.toMatch(/password_too_short|password_needs/);
    await fresh.getByTestId('lang-switcher').selectOption('it');
    await expect.poll(async () => (await errors.allInnerTexts()).join(' ')).not.toBe(english.join(' '));
    await fresh.screenshot({ path: `${SCREENSHOTS}/02-weak-password-it.png`, fullPage: true });
    expect(registrations).toEqual([]);
    await fresh.close();
  });

  it('signs out and signs back in', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const other = await context.newPage();
    await other.goto(`${platform.url}/signin`);
    await other.getByTestId('signin-email').fill(user.email);
    await other.getByTestId('signin-password').fill(user.password);
    await other.getByTestId('signin-submit').click();
    await expect.poll(() => other.getByTestId('user-menu').isVisible(), { timeout: 15_000 }).toBe(true);
    // the session survives a reload (refresh cookie → new access token)
    await other.reload();
    await expect.poll(() => other.getByTestId('user-menu').isVisible(), { timeout: 15_000 }).toBe(true);
    await context.close();
  });

  it('switches every visible string to Italian', async () => {
    for (const [index, route] of ['/', '/account', '/privacy'].entries()) {
      await page.goto(`${platform.url}${route}`);
      await page.getByTestId('lang-switcher').first().selectOption('en');
      await page.waitForTimeout(400);
      const english = await visibleStrings(page);
      await page.getByTestId('lang-switcher').first().selectOption('it');
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('it');
      await page.waitForTimeout(400);
      const italian = new Set(await visibleStrings(page));
      const unchanged = english.filter(
        (line) =>
          italian.has(line) &&
          !SAME_IN_EVERY_LANGUAGE.has(line) &&
          !line.includes(user.name) &&
          !line.includes(user.email) &&
          line !== initials(user.name),
      );
      await page.screenshot({
        path: `${SCREENSHOTS}/${String(index + 3).padStart(2, '0')}-${route.replace(/\W/g, '') || 'discover'}-it.png`,
        fullPage: true,
      });
      expect(unchanged, `strings on ${route} still in English after switching to Italiano`).toEqual([]);
      expect(english.length).toBeGreaterThan(3);
    }
  });

  it('shows an admin the dead letter of an event identity could not process, with replay', async () => {
    // What partners will publish when a business registers; here its owner is no user at all,
    // so identity's consumer refuses it for good and dead-letters it.
    const partnerId = randomUUID();
    await platform.transport.publish({
      id: randomUUID(),
      subject: 'partners.partner.registered.v1',
      occurredAt: new Date().toISOString(),
      producer: 'partners',
      correlationId: randomUUID(),
      payload: { partnerId, ownerUserId: randomUUID(), type: 'hotel', name: 'Hotel Nowhere' },
    });
    const context = await browser.newContext({ locale: 'en-GB' });
    const admin = await context.newPage();
    await admin.goto(`${platform.url}/signin`);
    await admin.getByTestId('lang-switcher').first().selectOption('en');
    await admin.getByTestId('signin-email').fill('admin@tourconnect.demo');
    await admin.getByTestId('signin-password').fill('Admin-demo-2026');
    await admin.getByTestId('signin-submit').click();
    await admin.getByTestId('nav-admin').click({ timeout: 15_000 });
    const row = admin
      .getByTestId('dead-letter-row')
      .filter({ hasText: partnerId.slice(0, 8) })
      .or(admin.getByTestId('dead-letter-row').filter({ hasText: 'partners.partner.registered.v1' }));
    await expect
      .poll(
        async () => {
          await admin
            .getByRole('button', { name: /refresh/i })
            .first()
            .click();
          return row.count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    expect(await row.first().innerText()).toMatch(/is not a user/);
    await admin.screenshot({ path: `${SCREENSHOTS}/06-admin-dead-letter-en.png`, fullPage: true });
    const replayed = admin.waitForResponse((r) => /\/api\/admin\/dead-letters\/[^/]+\/replay$/.test(r.url()));
    await row
      .first()
      .getByRole('button', { name: /replay/i })
      .click();
    const response = await replayed;
    expect(response.status()).toBe(200);
    // the owner still does not exist, so the replay fails again and says why
    expect(await response.json()).toMatchObject({ service: 'identity', replayed: false });
    await context.close();
  });
});
