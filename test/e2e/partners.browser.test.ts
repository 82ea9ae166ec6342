import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { pdf, png } from '@tourconnect/partners/demo-files';
import { platformApi, signIn as apiSignIn, signUpVerified } from '../../scripts/all-in-one/platform-api.ts';
import { startPlatform, type Platform } from '../../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';

const SCREENSHOTS = 'test-results/screenshots';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@tourconnect.demo', password: 'Admin-demo-2026' };

// The "done when", in Chromium against the all-in-one platform: a new user registers
// a hotel through the wizard, uploads documents and submits; the admin approves it with the
// document preview open; the public profile shows the badge; the export downloads; the
// deletion completes.
describe('partner onboarding in Chromium: wizard → admin approval → badge → export → deletion', () => {
  let db: TestDatabase;
  let dataDir: string;
  let platform: Platform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let owner: Page;
  let partnerId: string;
  const hotelier = { name: 'Hanna Hotelier', email: `hanna-${Date.now()}@example.com`, password: 'Browser-hotel-2026' };

  async function newPage(locale: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  }

  async function signIn(page: Page, email: string, password: string, language: string): Promise<void> {
    await page.goto(`${platform.url}/signin`);
    await page.getByTestId('lang-switcher').first().selectOption(language);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('user-menu').isVisible(), { timeout: 15_000 }).toBe(true);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

  beforeAll(async () => {
    execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await createTestDatabase('partners_browser');
    dataDir = await mkdtemp(path.join(tmpdir(), 'tc-partners-browser-'));
    platform = await startPlatform(
      loadAllInOneSettings({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'warn',
        SEED_DEMO_DATA: 'false',
        STRIPE_EMULATOR_PORT: '0',
        OCTO_SIMULATOR_PORT: '0',
      }),
    );
    // A traveller whose address is verified (the link read from identity's outbox), as
    // registering a business requires.
    await signUpVerified(platformApi(platform.url), platform.mailbox, {
      email: hotelier.email,
      password: hotelier.password,
      displayName: hotelier.name,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    owner = await newPage('en-GB');
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await platform?.stop();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a signed-in traveller registers a hotel through the wizard and submits it for review', async () => {
    await signIn(owner, hotelier.email, hotelier.password, 'en');
    await owner.getByTestId('nav-partner').click();
    await owner.getByTestId('become-partner').click();

    // 1. type
    await owner.getByTestId('partner-type-hotel').click();
    await owner.getByTestId('wizard-next').click();
    // 2. business details: leaving this step registers the draft
    await owner.getByTestId('field-name').fill('Hotel Bellavista');
    await owner.getByTestId('field-legalName').fill('Bellavista S.r.l.');
    await owner.getByTestId('field-vatId').fill('IT 00743110157');
    await owner.getByTestId('field-country').selectOption('IT');
    await owner.getByTestId('wizard-next').click();
    // 3. regions and languages
    await owner.getByTestId('wizard-step-3').waitFor({ timeout: 15_000 });
    await owner.getByTestId('region-input').fill('Italy');
    await owner.getByTestId('region-option-IT').click();
    await owner.getByTestId('language-input').fill('Ital');
    await owner.getByTestId('language-option-it').click();
    await owner.getByTestId('language-input').fill('Engl');
    await owner.getByTestId('language-option-en').click();
    await owner.getByTestId('wizard-next').click();
    // 4. profile: a description and a logo, both required to submit
    await owner.getByTestId('wizard-step-4').waitFor({ timeout: 15_000 });
    await owner
      .getByTestId('field-description-en')
      .fill('A family hotel above Lake Como, with a terrace and a garden.');
    await owner
      .getByTestId('logo-input')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png([200, 120, 40], 64) });
    await owner.getByTestId('logo-remove').waitFor({ timeout: 15_000 });
    await owner.getByTestId('wizard-next').click();
    // 5. documents: every required one, decided by their bytes on the server
    await owner.getByTestId('wizard-step-5').waitFor({ timeout: 15_000 });
    for (const kind of ['business_registration', 'vat_certificate', 'representative_id', 'licence']) {
      const file =
        kind === 'representative_id'
          ? { name: 'passport.png', mimeType: 'image/png', buffer: png([20, 40, 60], 16) }
          : { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf(`Bellavista ${kind}`) };
      await owner.getByTestId(`document-input-${kind}`).setInputFiles(file);
      await owner.getByTestId(`document-row-${kind}`).waitFor({ timeout: 15_000 });
    }
    await shot(owner, '10-onboarding-documents-en');
    await owner.getByTestId('wizard-next').click();
    // 6. review: every check passes, then submit
    await owner.getByTestId('wizard-step-6').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => owner.getByTestId('check-required_documents').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('pass');
    expect(await owner.getByTestId('check-vat_format').getAttribute('data-status')).toBe('pass');
    expect(await owner.getByTestId('check-profile_complete').getAttribute('data-status')).toBe('pass');
    await owner.getByTestId('wizard-submit').click();
    await expect
      .poll(() => owner.getByTestId('status-banner').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('pending_review');
    await shot(owner, '11-submitted-en');

    // The partner's id, for the admin's and the visitor's steps.
    const api = platformApi(platform.url);
    const token = await apiSignIn(api, hotelier);
    const mine = (await (await api('GET', '/api/partners/me', token)).json()) as {
      partner: { id: string; status: string };
    };
    expect(mine.partner.status).toBe('pending_review');
    partnerId = mine.partner.id;
  }, 120_000);

  it('the admin (in German) previews a document and approves; the decision lands in the trail', async () => {
    const admin = await newPage('de-DE');
    await signIn(admin, ADMIN.email, ADMIN.password, 'de');
    await admin.goto(`${platform.url}/admin/partners`);
    await admin.locator(`[data-testid="admin-partner-row"][data-partner-id="${partnerId}"]`).getByRole('link').click();
    await admin.getByTestId('admin-partner-detail').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => admin.getByTestId('admin-document-preview').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('ready');
    expect(await admin.getByTestId('admin-check-required_documents').getAttribute('data-status')).toBe('pass');
    await shot(admin, '12-admin-review-de');
    await admin.getByTestId('admin-approve').click();
    // Approving asks first; the dialog names the partner.
    await admin.getByTestId('admin-approve-dialog').waitFor({ timeout: 5_000 });
    await admin.getByTestId('admin-approve-dialog-confirm').click();
    await expect
      .poll(() => admin.locator('[data-testid="admin-history-entry"][data-action="partner.verified"]').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    // The trail names people and actions in German, never a user id or an action code.
    const trail = (await admin.getByTestId('admin-decision-history').innerText()).toLowerCase();
    expect(trail).toContain('freigegeben');
    expect(trail).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|partner\.verified/);
    await shot(admin, '13-admin-approved-de');
  }, 90_000);

  it('anyone (in Italian) sees the Partner Verified badge on the profile and in the directory', async () => {
    const visitor = await newPage('it-IT');
    await visitor.goto(`${platform.url}/partners/${partnerId}`);
    await visitor.getByTestId('lang-switcher').first().selectOption('it');
    await visitor.getByTestId('partner-profile').waitFor({ timeout: 15_000 });
    await expect.poll(() => visitor.getByTestId('verified-badge').first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await visitor.getByTestId('verified-badge').first().innerText()).toMatch(/Partner verificato/i);
    await shot(visitor, '14-public-profile-it');
    await visitor.goto(`${platform.url}/partners?verified=true`);
    await visitor.locator(`[data-testid="partner-card"][data-partner-id="${partnerId}"]`).waitFor({ timeout: 15_000 });
    await shot(visitor, '15-directory-verified-it');
    // Discover shows it too, with the same card and badge.
    await visitor.goto(`${platform.url}/`);
    const strip = visitor.getByTestId('discover-verified-partners');
    await strip.locator(`[data-testid="partner-card"][data-partner-id="${partnerId}"]`).waitFor({ timeout: 15_000 });
    expect(await strip.getByTestId('verified-badge').count()).toBeGreaterThan(0);
  }, 60_000);

  it('the owner downloads the data export and deletes the partner, following each service to completion', async () => {
    // Deleting the account alone would leave the business registered: the account page says so.
    await owner.goto(`${platform.url}/account`);
    await expect
      .poll(() => owner.getByTestId('account-partner-warning').getAttribute('data-role'), { timeout: 15_000 })
      .toBe('owner');
    await owner.goto(`${platform.url}/partner/privacy`);
    const [download] = await Promise.all([
      owner.waitForEvent('download'),
      owner.getByTestId('export-download').click(),
    ]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      partner: { id: string; vatId: string };
    };
    expect(exported.partner).toMatchObject({ id: partnerId, vatId: 'IT00743110157' });

    await owner.getByTestId('delete-partner-open').click();
    await owner.getByTestId('delete-confirm-name').fill('Hotel Bellavista');
    await owner.getByTestId('delete-confirm').click();
    await expect
      .poll(() => owner.getByTestId('deletion-progress').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('completed');
    for (const service of ['identity', 'partners']) {
      expect(await owner.getByTestId(`deletion-service-${service}`).getAttribute('data-status')).toBe('confirmed');
    }
    await shot(owner, '16-deletion-complete-en');
    const profile = await fetch(`${platform.url}/api/partners/${partnerId}`);
    expect(profile.status).toBe(404);
  }, 60_000);
});
