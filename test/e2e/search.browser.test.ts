import { execSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { waitFor } from '@tourconnect/service-kit/testing';
import { startPlatform, type Platform } from '../../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';
import { as, call, signIn, type TestUser } from './support/api-client.ts';
import { verifiedPartner } from './support/partners.ts';

// Issue 13 in Chromium: a traveller on a phone searches in Italian, keeps only verified partners,
// sees the approved campaign's package labelled "Sponsorizzato" among the results and opens it;
// the partner who runs the campaign (German, desktop) reads its impressions and the click in
// Partner Portal → Sponsored, raises the daily budget from the card and retargets it (back to
// review). Two verified partners and the campaign are made through the API, as their owners and
// the admin would. Screenshots go to .tmp/screens-search/ to be looked at (also of the page a
// step failed on). Every wait is on something the user would see; nothing sleeps.
const SCREENS = '.tmp/screens-search';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@tourconnect.demo', password: 'Admin-demo-2026' };
const DOLOMITES = { place: 'Cortina d’Ampezzo', regionCode: 'IT-21', latitude: 46.5405, longitude: 12.1357 };
const ORGANIC_TITLE = 'Dolomiti in famiglia';
const SPONSORED_TITLE = 'Rifugi delle Dolomiti';

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The campaigns' calendar day (Europe/Rome, README "Sponsored placement"). */
const romeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

async function onPage<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await shot(page, `failed-${name}`).catch(() => {});
    throw error;
  }
}

describe('search and sponsored placement in the portal', () => {
  let db: TestDatabase;
  let dataDir: string;
  let platform: Platform;
  let browser: Browser;
  let sponsor: TestUser;
  let sponsoredPackageId: string;
  let campaignId: string;

  /** A published tour with 30 days of seats and a published package of it, both in Italian. */
  async function publishedPackage(owner: TestUser, tourTitle: string, packageTitle: string): Promise<string> {
    const created = await waitFor(
      () =>
        call(platform.url, 'POST', '/api/catalogue/items', {
          ...as(owner),
          body: {
            kind: 'tour',
            translations: { it: { title: tourTitle, description: 'Una giornata tra le vette delle Dolomiti' } },
            destination: DOLOMITES,
            durationMinutes: 240,
            tags: ['family'],
            currency: 'EUR',
            units: [{ code: 'adult', priceMinor: 6_000 }],
            capacityModel: 'slots',
            cutoffHours: 2,
            startTimes: ['09:00'],
          },
        }),
      // bundling hears of the partner's verification by an event
      (res) => res.status !== 403,
      15_000,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const itemId: string = created.body.id;
    const today = romeToday();
    const calendar = await call(platform.url, 'PUT', `/api/catalogue/items/${itemId}/availability`, {
      ...as(owner),
      body: { from: addDays(today, 1), to: addDays(today, 30), capacity: 10 },
    });
    expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
    const item = await waitFor(
      () => call(platform.url, 'POST', `/api/catalogue/items/${itemId}/publish`, as(owner)),
      (res) => res.status === 200,
      15_000,
    );
    expect(item.body.status).toBe('published');
    const pkg = await call(platform.url, 'POST', '/api/packages', {
      ...as(owner),
      body: {
        translations: { it: { title: packageTitle, description: `${tourTitle} e una sera in rifugio` } },
        lines: [{ itemId, qty: 1, dayOffset: 0 }],
        policy: { tiers: [{ hoursBefore: 48, refundPercent: 100 }] },
      },
    });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
    const published = await call(platform.url, 'POST', `/api/packages/${pkg.body.id}/publish`, as(owner));
    expect(published.body.status, JSON.stringify(published.body)).toBe('published');
    return pkg.body.id as string;
  }

  beforeAll(async () => {
    execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
    mkdirSync(SCREENS, { recursive: true });
    db = await createTestDatabase('search_browser');
    dataDir = await mkdtemp(path.join(tmpdir(), 'tc-search-browser-'));
    // The portal served from a copy: a rebuild of web/dist meanwhile cannot swap its chunks.
    const webDist = path.join(dataDir, 'web-dist');
    cpSync('web/dist', webDist, { recursive: true });
    platform = await startPlatform(
      loadAllInOneSettings({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'warn',
        SEED_DEMO_DATA: 'false',
        WEB_DIST_DIR: webDist,
        STRIPE_EMULATOR_PORT: '0',
        OCTO_SIMULATOR_PORT: '0',
      }),
    );
    const admin = await signIn(platform.url, ADMIN.email, ADMIN.password);
    const organic = await verifiedPartner(platform.url, admin, 'agency', 'Guide Ampezzane');
    const sponsoring = await verifiedPartner(platform.url, admin, 'agency', 'Rifugi Alpini');
    sponsor = sponsoring.owner;
    await publishedPackage(organic.owner, 'Escursione alle Tre Cime', ORGANIC_TITLE);
    sponsoredPackageId = await publishedPackage(sponsor, 'Trekking tra i rifugi', SPONSORED_TITLE);

    const today = romeToday();
    const campaign = await call(platform.url, 'POST', '/api/campaigns', {
      ...as(sponsor),
      body: {
        targetKind: 'package',
        targetId: sponsoredPackageId,
        keywords: ['dolomiti'],
        startsOn: today,
        endsOn: addDays(today, 14),
        cpcMinor: 50,
        dailyBudgetMinor: 1_000,
      },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    campaignId = campaign.body.id;
    const approved = await call(platform.url, 'POST', `/api/admin/campaigns/${campaignId}/approve`, as(admin));
    expect(approved.body.status, JSON.stringify(approved.body)).toBe('approved');

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

  async function browsing(
    language: string,
    viewport: { width: number; height: number },
    user?: TestUser,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: language });
    await context.addInitScript((lang) => localStorage.setItem('tourconnect.language', lang), language);
    if (user) {
      const res = await context.request.post(`${platform.url}/api/auth/login`, {
        headers: { [CSRF_HEADER]: '1' },
        data: { email: user.email, password: user.password },
      });
      expect(res.status()).toBe(200);
    }
    return { context, page: await context.newPage() };
  }

  it('a traveller on a phone searches in Italian, keeps verified partners, sees the sponsored result labelled and opens it', async () => {
    const { context, page } = await browsing('it', { width: 390, height: 844 });
    try {
      await page.goto(`${platform.url}/search`);
      await onPage(page, 'it-390-search', async () => {
        await page.getByTestId('search-query').fill('Dolomiti');
        await page.getByTestId('search-query').press('Enter');
        // The page keeps showing the previous answer (here: everything, for no words) while the new
        // one loads: wait until the answer for these words is the one shown.
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Dolomiti');
        await page.locator('section.search-results[aria-busy="false"]').waitFor({ timeout: 30_000 });
        await page.getByTestId('search-results').waitFor({ timeout: 30_000 });
        // Each partner's package and the tour it is made of.
        await expect.poll(() => page.getByTestId('result-card').count(), { timeout: 15_000 }).toBe(4);
      });
      expect(page.url()).toContain('q=Dolomiti');
      // Both packages are found; the campaign's package is the one labelled, in Italian.
      const packages = page.locator('[data-testid="result-card"][data-result-kind="package"]');
      expect((await packages.locator('h3').allInnerTexts()).sort()).toEqual([ORGANIC_TITLE, SPONSORED_TITLE].sort());
      const sponsored = page.locator('[data-testid="result-card"][data-sponsored="true"]');
      await expect.poll(() => sponsored.count(), { timeout: 15_000 }).toBe(1);
      expect(await sponsored.locator('h3').innerText()).toBe(SPONSORED_TITLE);
      expect(await sponsored.getByTestId('ribbon-sponsored').innerText()).toMatch(/^Sponsorizzat/i);
      await shot(page, 'it-390-search-results');
      await sponsored.screenshot({ path: `${SCREENS}/it-390-sponsored-card.png` });

      // "Verified only": the filters are folded on a phone; the choice goes into the URL.
      await onPage(page, 'it-390-verified-only', async () => {
        const filters = page.getByTestId('filter-verified');
        if (!(await filters.isVisible())) await page.locator('.search-filters-summary').click();
        // The box follows the URL, so it shows ticked once the page has navigated: click, then wait
        // for both (Playwright's check() would give up if the re-render came after its own look).
        await filters.click();
        await expect.poll(() => new URL(page.url()).searchParams.get('verified')).not.toBeNull();
        await expect.poll(() => filters.isChecked()).toBe(true);
        await page.locator('section.search-results[aria-busy="false"]').waitFor({ timeout: 30_000 });
        await page.getByTestId('search-results').waitFor();
        // The filtered answer replaces the previous one when it arrives: wait for what it shows.
        await expect.poll(() => page.getByTestId('ribbon-verified').count(), { timeout: 15_000 }).toBe(4);
        await expect.poll(() => page.getByTestId('result-card').count(), { timeout: 15_000 }).toBe(4);
        await expect.poll(() => sponsored.getByTestId('ribbon-sponsored').count(), { timeout: 15_000 }).toBe(1);
      });
      await shot(page, 'it-390-verified-only');
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);

      await sponsored.locator('h3 a').click();
      await onPage(page, 'it-390-package', async () => {
        await page.getByTestId('package-title').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('package-title').innerText()).toContain(SPONSORED_TITLE);
      });
      expect(new URL(page.url()).pathname).toBe(`/packages/${sponsoredPackageId}`);
      await shot(page, 'it-390-package');
    } finally {
      await context.close();
    }
  }, 180_000);

  it("the sponsoring partner (German, desktop) sees its campaign's impressions and the click in Sponsored, edits its budget and targeting", async () => {
    expect(campaignId, 'the campaign of the set-up').toBeDefined();
    const { context, page } = await browsing('de', { width: 1440, height: 900 }, sponsor);
    try {
      const card = page.getByTestId('campaign-card');
      // The result was shown twice (the search, then with "Verified only") and opened once; impressions
      // are counted in batches after the answer, so the partner reloads until they show.
      await onPage(page, 'de-1440-sponsored', () =>
        expect
          .poll(
            async () => {
              await page.goto(`${platform.url}/partner/sponsored`);
              await card.waitFor({ timeout: 30_000 });
              return [
                await card.getByTestId('campaign-impressions-today').innerText(),
                await card.getByTestId('campaign-clicks-today').innerText(),
              ];
            },
            { timeout: 30_000, interval: 500 },
          )
          .toEqual([expect.stringMatching(/\b2$/), expect.stringMatching(/\b1$/)]),
      );
      expect(await card.getByTestId('campaign-status').innerText()).toBe('Läuft');
      // One charged click of 0,50 €.
      expect(await card.getByTestId('campaign-spend-today').innerText()).toMatch(/0,50\s?€/);
      expect(await card.getByTestId('campaign-remaining-today').innerText()).toMatch(/9,50\s?€/);
      await shot(page, 'de-1440-sponsored');

      // The partner raises the daily budget from the card; a budget under one click is refused in German first.
      await onPage(page, 'de-1440-edit', async () => {
        await card.getByTestId('campaign-edit').click();
        const form = card.getByTestId('campaign-edit-form');
        await form.getByTestId('campaign-edit-budget').fill('0,20');
        await form.getByTestId('campaign-edit-save').click();
        await form.getByText('Das Tagesbudget muss mindestens einen Klick abdecken', { exact: false }).waitFor();
        await form.getByTestId('campaign-edit-budget').fill('20');
        expect(await form.getByTestId('campaign-edit-review').count()).toBe(0);
        await shot(page, 'de-1440-edit-form');
        await form.getByTestId('campaign-edit-save').click();
        await form.waitFor({ state: 'detached' });
        await expect.poll(() => card.getByTestId('campaign-remaining-today').innerText()).toMatch(/19,50\s?€/);
      });
      expect(await card.getByTestId('campaign-status').innerText()).toBe('Läuft');

      // New keywords: the form says the campaign goes back to review, and it does.
      await onPage(page, 'de-1440-retarget', async () => {
        await card.getByTestId('campaign-edit').click();
        const form = card.getByTestId('campaign-edit-form');
        await form.getByTestId('campaign-edit-keywords').fill('dolomiti, rifugi');
        await form.getByTestId('campaign-edit-review').waitFor();
        expect(await form.getByTestId('campaign-edit-review').innerText()).toContain('erneut geprüft');
        await shot(page, 'de-1440-retarget-form');
        await form.getByTestId('campaign-edit-save').click();
        await form.waitFor({ state: 'detached' });
        await expect.poll(() => card.getByTestId('campaign-status').innerText()).toBe('In Prüfung');
      });
      await shot(page, 'de-1440-in-review');
    } finally {
      await context.close();
    }
  }, 120_000);
});
