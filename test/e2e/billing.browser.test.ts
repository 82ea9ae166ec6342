import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CSRF_HEADER, type SentMailDetail, type SentMailPage } from '@tourconnect/contracts/http';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import { createStripeEmulator, type StripeEmulator } from '@tourconnect/stripe-emulator';
import { platformApi, signIn } from '../../scripts/all-in-one/platform-api.ts';
import { startPlatform, type Platform } from '../../scripts/all-in-one/platform.ts';
import { freePort } from '../../scripts/all-in-one/ports.ts';
import { seedDemoData } from '../../scripts/all-in-one/seed.ts';
import { loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';
import { bookDemoPackage } from './demo-booking.ts';
// billing's own reader of its PDFs' text (pdfkit's standard fonts), so no poppler is needed.
import { pdfText } from '../../services/billing/test/support/pdf-text.ts';

// Billing in Chromium: a newly verified partner (German, desktop) reads what Stripe still needs,
// finishes the emulator's hosted onboarding and comes back to "Payouts enabled"; a traveller (Italian, phone)
// pays a held booking with the emulator's declined card, reads the decline, pays with Visa,
// waits for the confirmation and downloads the receipt PDF, again in German after switching the
// portal's language (each PDF's text read back), and finds the receipt attached to the payment
// e-mail notifications sent (fetched from billing), then cancels it and sees the refund,
// which the partner's payouts page shows taken back from its transfer. Screenshots go to
// .tmp/screens-billing/ to be looked at.
const SCREENS = '.tmp/screens-billing';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@tourconnect.demo', password: 'Admin-demo-2026' };
// The demo partners whose items the demo packages bundle (the seed onboards them to Stripe).
const CATALOGUE_PARTNERS = [
  { email: 'partner@tourconnect.demo', password: 'Partner-demo-2026' },
  { email: 'lagoblu@tourconnect.demo', password: 'Lagoblu-demo-2026' },
  { email: 'navigazione@tourconnect.demo', password: 'Battelli-demo-2026' },
  { email: 'dmo@tourconnect.demo', password: 'Dmo-demo-2026' },
];
const TRAVELLER = { email: 'traveller@tourconnect.demo', password: 'Traveller-demo-2026' };
const FERRIES = { email: 'ferry@tourconnect.demo', password: 'Ferry-demo-2026' }; // Costa Ferries, in review
const STRIPE_KEY = 'sk_test_emulator';

/** The receipt's number (R-<year>-<n>), the same whatever language the PDF is in. */
function receiptNumber(text: string): string | undefined {
  return /\bR-\d{4}-\d+\b/.exec(text)?.[0];
}

/** A form-encoded call to the emulator's Stripe API, as the SDK would make it. */
async function stripeApi(
  base: string,
  pathname: string,
  form: Record<string, string>,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${pathname}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${STRIPE_KEY}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  if (!res.ok) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

describe('billing in the portal: a partner sets up payouts, a traveller pays and gets a receipt', () => {
  let db: TestDatabase;
  let dataDir: string;
  let emulator: StripeEmulator;
  let stripeUrl: string;
  let platform: Platform;
  let browser: Browser;
  const saved: Record<string, string | undefined> = {};
  /** The booking the traveller paid (second test), for the seller's screen (third). */
  let paidBookingId = '';
  /** A partner with a transfer of the paid booking (third test), for the refund's reversal (fourth). */
  let transferPartner: (typeof CATALOGUE_PARTNERS)[number] | undefined;

  beforeAll(async () => {
    execSync('node scripts/ensure-web-build.mjs', { stdio: 'inherit' });
    mkdirSync(SCREENS, { recursive: true });
    db = await createTestDatabase('billing_browser');
    dataDir = await mkdtemp(path.join(tmpdir(), 'tc-billing-browser-'));
    // The portal served from a copy: a rebuild of web/dist meanwhile cannot swap its chunks.
    const webDist = path.join(dataDir, 'web-dist');
    cpSync('web/dist', webDist, { recursive: true });
    // Our own emulator, so billing knows it (STRIPE_API_URL) and the webhook endpoints' secrets
    // at boot; the endpoints point at the gateway's port, chosen first.
    emulator = createStripeEmulator();
    stripeUrl = (await emulator.listen(0)).url;
    const port = await freePort();
    const hook = `http://127.0.0.1:${port}/api/billing/webhooks/stripe`;
    const secrets: string[] = [];
    for (const connect of ['false', 'true']) {
      const endpoint = await stripeApi(stripeUrl, '/v1/webhook_endpoints', {
        url: hook,
        'enabled_events[]': '*',
        connect,
      });
      secrets.push(String(endpoint.secret));
    }
    const env = {
      STRIPE_API_URL: stripeUrl,
      STRIPE_WEBHOOK_SECRET: secrets.join(','),
      // Where Stripe's onboarding sends a partner back: the portal as the browser opens it.
      PUBLIC_PORTAL_URL: `http://localhost:${port}`,
    };
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    platform = await startPlatform(
      loadAllInOneSettings({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        STRIPE_SECRET_KEY: STRIPE_KEY,
        WEB_DIST_DIR: webDist,
        OCTO_SIMULATOR_PORT: '0',
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
    await emulator?.close();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  async function signedIn(
    user: { email: string; password: string },
    language: string,
    viewport: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: language, acceptDownloads: true });
    await context.addInitScript((lang) => localStorage.setItem('tourconnect.language', lang), language);
    const res = await context.request.post(`${platform.url}/api/auth/login`, {
      headers: { [CSRF_HEADER]: '1' },
      data: user,
    });
    expect(res.status()).toBe(200);
    return { context, page: await context.newPage() };
  }

  const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

  // One sign-in per user: the gateway limits sign-ins per client address.
  const tokens = new Map<string, string>();
  async function tokenOf(user: { email: string; password: string }): Promise<string> {
    let token = tokens.get(user.email);
    if (!token) {
      token = await signIn(platformApi(platform.url), user);
      tokens.set(user.email, token);
    }
    return token;
  }

  async function connectStatus(user: { email: string; password: string }): Promise<string> {
    const res = await platformApi(platform.url)('GET', '/api/billing/connect/status', await tokenOf(user));
    return res.ok ? ((await res.json()) as { status: string }).status : `http ${res.status}`;
  }

  it('a newly verified partner, in German at 1440 px, finishes its Stripe setup and comes back to "Payouts enabled"', async () => {
    // Costa Ferries waits for review in the demo data: the admin approves it; its owner starts
    // the Stripe setup (an account with requirements due) without finishing it.
    const api = platformApi(platform.url);
    const owner = await tokenOf(FERRIES);
    const me = (await (await api('GET', '/api/partners/me', owner)).json()) as { partner: { id: string } };
    const approved = await api('POST', '/api/partners/verify', await tokenOf(ADMIN), {
      partnerId: me.partner.id,
      decision: 'approve',
    });
    expect(approved.status).toBe(200);
    // billing learns of the approval from partners' event: onboarding opens once it has.
    await expect
      .poll(async () => (await api('POST', '/api/billing/connect/onboard', owner, {})).status, { timeout: 30_000 })
      .toBe(200);

    const { context, page } = await signedIn(FERRIES, 'de', { width: 1440, height: 900 });
    try {
      await page.goto(`${platform.url}/partner/payouts`);
      const status = page.getByTestId('connect-status');
      await status.waitFor({ timeout: 30_000 });
      await page.getByTestId('transfers-empty').waitFor();
      await page.screenshot({ path: `${SCREENS}/de-1440-payouts-setup-due.png`, fullPage: true });
      expect(['pending', 'restricted']).toContain(await status.getAttribute('data-status'));
      // What Stripe still needs, in plain words, not its field names.
      expect(await page.getByTestId('connect-requirements').innerText()).toContain('Ein Bankkonto für Auszahlungen');
      // Nothing was paid yet: each money card says what will appear instead of numbers.
      await page.getByTestId('payouts-empty').waitFor();
      expect(await page.getByTestId('partner-nav-payouts').getAttribute('aria-current')).toBe('page');

      await page.getByTestId('connect-onboard').click();
      await page.waitForURL(/\/connect\/onboarding\//, { timeout: 30_000 });
      await page.getByRole('button', { name: 'Agree and submit' }).click();
      await page.waitForURL(/\/partner\/payouts\?connect=return/, { timeout: 30_000 });
      await expect
        .poll(async () => page.getByTestId('connect-status').getAttribute('data-status'), { timeout: 30_000 })
        .toBe('enabled');
      expect(await page.getByTestId('connect-status').innerText()).toContain('Auszahlungen aktiv');
      expect(await page.getByTestId('connect-enabled').isVisible()).toBe(true);
      await page.getByTestId('invoices-empty').waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(1440);
      await page.screenshot({ path: `${SCREENS}/de-1440-payouts-enabled.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${SCREENS}/failed-de-1440-payouts.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 180_000);

  it('a traveller on a phone in Italian sees a declined card, pays with Visa, is confirmed, downloads the receipt in Italian and German and finds it attached to the payment e-mail', async () => {
    // The demo seed onboarded the catalogue's partners to Stripe: their packages can be booked.
    const api = platformApi(platform.url);
    for (const user of CATALOGUE_PARTNERS) expect(await connectStatus(user), user.email).toBe('enabled');

    // The traveller holds a demo package for two adults on its first bookable day.
    const token = await tokenOf(TRAVELLER);
    const list = (await (await api('GET', '/api/packages?pageSize=10')).json()) as {
      items: { id: string; sellerPartnerId?: string }[];
    };
    let bookingId = '';
    const refused: string[] = [];
    // Three weeks ahead or later: every demo policy then refunds in full (the cancel test below).
    const from = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 80 * 86_400_000).toISOString().slice(0, 10);
    for (const pkg of list.items) {
      const availability = (await (
        await api('GET', `/api/packages/${pkg.id}/availability?from=${from}&to=${later}&adult=2`)
      ).json()) as { days?: { date: string; bookable: boolean }[] };
      const day = availability.days?.find((d) => d.bookable);
      if (!day) {
        refused.push(`${pkg.id}: no bookable day`);
        continue;
      }
      // Timed lines need one of their start times: the first that fits the party.
      const times = (await (await api('GET', `/api/packages/${pkg.id}/slots?date=${day.date}&adult=2`)).json()) as {
        lines?: { position: number; slots: { availabilityId: string; fits: boolean }[] }[];
      };
      const slots: Record<string, string> = {};
      for (const line of times.lines ?? []) {
        const slot = line.slots.find((s) => s.fits);
        if (slot) slots[String(line.position)] = slot.availabilityId;
      }
      const booked = await api('POST', `/api/packages/${pkg.id}/book`, token, {
        date: day.date,
        party: { adult: 2 },
        slots,
      });
      if (booked.status !== 201) {
        refused.push(`${pkg.id}: ${booked.status} ${await booked.text()}`);
        continue;
      }
      bookingId = ((await booked.json()) as { id: string }).id;
      break;
    }
    expect(bookingId, refused.join('\n')).not.toBe('');

    const { context, page } = await signedIn(TRAVELLER, 'it', { width: 390, height: 844 });
    try {
      // From the booking page's "Pay now" to the checkout.
      await page.goto(`${platform.url}/bookings/${bookingId}`);
      await page.getByTestId('pay-now').click();
      await page.waitForURL(new RegExp(`/checkout/${bookingId}$`));
      await page.getByTestId('test-card-picker').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('test-mode-note').innerText()).toContain('Modalità test');
      expect(await page.getByTestId('checkout-countdown').innerText()).toMatch(/^\d{1,2}:\d\d$/);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENS}/it-390-checkout.png`, fullPage: true });

      await page.locator('[data-card="pm_card_chargeDeclined"]').click();
      await page.getByTestId('pay-button').click();
      const declined = page.getByTestId('payment-declined');
      await declined.waitFor({ timeout: 30_000 });
      expect(await declined.innerText()).toContain('Visa •••• 0002 è stata rifiutata');
      expect(await declined.innerText()).toContain('La tua banca ha rifiutato il pagamento.');
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENS}/it-390-checkout-declined.png`, fullPage: true });

      await page.locator('[data-card="pm_card_visa"]').click();
      await page.getByTestId('pay-button').click();
      await page.getByTestId('checkout-confirmed').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('checkout-confirmed').innerText()).toContain('Prenotazione confermata');
      await page.screenshot({ path: `${SCREENS}/it-390-checkout-confirmed.png`, fullPage: true });

      const receipt = page.waitForResponse((res) => res.url().includes(`/api/billing/receipts/${bookingId}`));
      const download = page.waitForEvent('download');
      await page.getByTestId('receipt-download').click();
      const response = await receipt;
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      // What the traveller saved is the PDF itself, under a name in their language.
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(/^ricevuta-[0-9A-F]{8}\.pdf$/);
      expect(
        readFileSync(await saved.path())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');

      const italian = pdfText(readFileSync(await saved.path()));
      expect(italian).toContain('Ricevuta n.');
      expect(italian).toContain('Totale pagato');
      expect(italian).not.toContain('Quittung');

      // The booking page now says what was paid, from billing.
      await page.goto(`${platform.url}/bookings/${bookingId}`);
      await page.getByTestId('booking-paid').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('booking-paid').innerText()).toMatch(/^✓\s*Pagato \d/);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENS}/it-390-booking-paid.png`, fullPage: true });

      // The same receipt in a second language: the traveller switches the portal to German and
      // downloads it again from the booking page; the PDF and its name follow the portal.
      await page.getByTestId('lang-switcher').first().selectOption('de');
      await page.getByTestId('booking-paid').filter({ hasText: 'Bezahlt' }).waitFor({ timeout: 30_000 });
      const german = page.waitForEvent('download');
      await page.getByTestId('receipt-download').click();
      const savedDe = await german;
      expect(savedDe.suggestedFilename()).toMatch(/^quittung-[0-9A-F]{8}\.pdf$/);
      const pdfDe = readFileSync(await savedDe.path());
      expect(pdfDe.subarray(0, 5).toString()).toBe('%PDF-');
      const germanText = pdfText(pdfDe);
      expect(germanText).toContain('Quittung Nr.');
      expect(germanText).toContain('Bezahlt gesamt');
      expect(germanText).not.toContain('Ricevuta');
      // Same receipt, same number, in both languages.
      expect(receiptNumber(germanText)).toBe(receiptNumber(italian));
      await page.getByTestId('lang-switcher').first().selectOption('it');
      await page.getByTestId('booking-paid').filter({ hasText: 'Pagato' }).waitFor({ timeout: 30_000 });

      // The payment e-mail carries the same receipt as a PDF: notifications fetched it from
      // billing by the signed link when it sent the e-mail (the admin's Sent-mail view says so).
      const adminToken = await tokenOf(ADMIN);
      const reference = bookingId.replace(/-/g, '').slice(-8).toUpperCase();
      let attachments: SentMailDetail['attachments'] = [];
      await expect
        .poll(
          async () => {
            const recipient = encodeURIComponent(TRAVELLER.email);
            const list = (await (
              await api('GET', `/api/notifications/sent?recipient=${recipient}&template=payment_received`, adminToken)
            ).json()) as SentMailPage;
            const mail = list.items.find((item) => item.subject.includes(reference) && item.status === 'sent');
            if (!mail) return 'not sent yet';
            const detail = (await (
              await api('GET', `/api/notifications/sent/${mail.id}`, adminToken)
            ).json()) as SentMailDetail;
            attachments = detail.attachments;
            return attachments.map((file) => `${file.state} ${file.contentType}`).join(', ');
          },
          { timeout: 30_000 },
        )
        .toBe('attached application/pdf');
      expect(attachments[0]!.filename).toBe(`receipt-${receiptNumber(italian)}.pdf`);
      // My bookings says it too, per booking.
      await page.goto(`${platform.url}/bookings`);
      const row = page.locator(`[data-booking-id="${bookingId}"]`);
      expect(await row.getByTestId('booking-row-payment').innerText({ timeout: 30_000 })).toMatch(/^Pagato \d/);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      paidBookingId = bookingId;
    } catch (error) {
      await page.screenshot({ path: `${SCREENS}/failed-it-390-checkout.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 240_000);

  it('on a phone, a partner in the paid booking sees its transfer as a card, inside the screen', async () => {
    expect(paidBookingId).not.toBe('');
    const reference = paidBookingId.replace(/-/g, '').slice(-8).toUpperCase();
    // A partner whose item the booking holds: billing lists a transfer of its share.
    const api = platformApi(platform.url);
    let partner: (typeof CATALOGUE_PARTNERS)[number] | undefined;
    await expect
      .poll(
        async () => {
          for (const candidate of CATALOGUE_PARTNERS) {
            const res = await api('GET', '/api/billing/partner/transfers', await tokenOf(candidate));
            const rows = res.ok ? ((await res.json()) as { bookingId: string }[]) : [];
            if (rows.some((row) => row.bookingId === paidBookingId)) partner = candidate;
          }
          return partner?.email ?? 'none yet';
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .not.toBe('none yet');
    transferPartner = partner;
    const { context, page } = await signedIn(partner!, 'de', { width: 390, height: 844 });
    try {
      await page.goto(`${platform.url}/partner/payouts`);
      await page.getByTestId('connect-enabled').waitFor({ timeout: 30_000 });
      await page.getByTestId('transfer-row').filter({ hasText: reference }).waitFor({ timeout: 30_000 });
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENS}/de-390-payouts-transfer.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${SCREENS}/failed-de-390-payouts.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the traveller cancels the paid booking and sees the refund; the partner sees its transfer reversed', async () => {
    expect(paidBookingId).not.toBe('');
    expect(transferPartner).toBeDefined();
    const reference = paidBookingId.replace(/-/g, '').slice(-8).toUpperCase();
    // A refund reverses a transfer already sent: wait until the partner's share went out.
    const api = platformApi(platform.url);
    await expect
      .poll(
        async () => {
          const res = await api('GET', '/api/billing/partner/transfers', await tokenOf(transferPartner!));
          const rows = res.ok ? ((await res.json()) as { bookingId: string; status: string }[]) : [];
          return rows.find((row) => row.bookingId === paidBookingId)?.status ?? 'none';
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe('sent');

    const traveller = await signedIn(TRAVELLER, 'it', { width: 390, height: 844 });
    let refunded = '';
    try {
      const page = traveller.page;
      await page.goto(`${platform.url}/bookings/${paidBookingId}`);
      await page.getByTestId('booking-paid').waitFor({ timeout: 30_000 });
      const paid = /Pagato (.+)$/.exec(await page.getByTestId('booking-paid').innerText())![1]!.trim();
      await page.getByTestId('booking-cancel').click();
      // Before confirming, the dialog says what the policy gives back now: three weeks ahead, all of it.
      const offer = await page.getByTestId('cancel-refund').innerText();
      expect(offer).toContain(`ti vengono restituiti ora ${paid} (100% di ${paid})`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENS}/it-390-cancel-dialog.png` });
      await page.getByTestId('cancel-booking-dialog-confirm').click();
      await page.getByTestId('booking-outcome').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('booking-outcome').innerText()).toContain(paid);
      // Stripe's refund lands through billing: the payment card then reads "Rimborsato …".
      const refund = page.getByTestId('booking-refund').filter({ hasText: 'Rimborsato' });
      for (let attempt = 0; attempt < 30 && !(await refund.isVisible()); attempt++) {
        await page.waitForTimeout(2_000);
        await page.reload();
        await page.getByTestId('booking-outcome').waitFor({ timeout: 30_000 });
      }
      refunded = await refund.innerText();
      expect(refunded).toContain(`Rimborsato ${paid} il `);
      expect(await page.getByTestId('booking-refund').getAttribute('data-status')).toBe('succeeded');
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SCREENS}/it-390-booking-refunded.png`, fullPage: true });
    } catch (error) {
      await traveller.page.screenshot({ path: `${SCREENS}/failed-it-390-cancel.png`, fullPage: true });
      throw error;
    } finally {
      await traveller.context.close();
    }

    // The seller's payouts page: the booking's transfer shows what the refund took back.
    const partner = await signedIn(transferPartner!, 'de', { width: 1440, height: 900 });
    try {
      const page = partner.page;
      await page.goto(`${platform.url}/partner/payouts`);
      const row = page.getByTestId('transfer-row').filter({ hasText: reference });
      await row.waitFor({ timeout: 30_000 });
      const reversed = row.locator('td[data-label="Zurückgebucht"]');
      for (let attempt = 0; attempt < 30 && (await reversed.innerText()).trim() === '—'; attempt++) {
        await page.waitForTimeout(2_000);
        await page.reload();
        await row.waitFor({ timeout: 30_000 });
      }
      // A full refund takes the whole share back.
      const amount = (await row.locator('td[data-label="Betrag"]').innerText()).trim();
      expect((await reversed.innerText()).trim()).toBe(`−${amount}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(1440);
      await page.screenshot({ path: `${SCREENS}/de-1440-payouts-reversed.png`, fullPage: true });
    } catch (error) {
      await partner.page.screenshot({ path: `${SCREENS}/failed-de-1440-reversed.png`, fullPage: true });
      throw error;
    } finally {
      await partner.context.close();
    }
  }, 240_000);

  it('on a desktop in French the checkout puts the trip beside the payment, within the window', async () => {
    const api = platformApi(platform.url);
    const token = await tokenOf(TRAVELLER);
    const bookingId = await bookDemoPackage(api, token, { adults: 1, fromDays: 10, toDays: 90 });
    expect(bookingId).not.toBe('');
    const { context, page } = await signedIn(TRAVELLER, 'fr', { width: 1440, height: 900 });
    try {
      await page.goto(`${platform.url}/checkout/${bookingId}`);
      await page.getByTestId('test-card-picker').waitFor({ timeout: 30_000 });
      const pay = (await page.getByTestId('checkout-pay').boundingBox())!;
      const summary = (await page.getByTestId('checkout-summary').boundingBox())!;
      expect(summary.x).toBeGreaterThan(pay.x + pay.width - 1);
      expect(await page.getByTestId('pay-button').innerText()).toMatch(/^Payer \d/);
      expect(await pageWidth(page)).toBeLessThanOrEqual(1440);
      await page.screenshot({ path: `${SCREENS}/fr-1440-checkout.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${SCREENS}/failed-fr-1440-checkout.png`, fullPage: true });
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);
});
