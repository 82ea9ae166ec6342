import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { createTestDatabase, type TestDatabase } from '@tourconnect/db/testing';
import {
  approvePartner,
  onboardPartner,
  platformApi,
  signIn,
  signUpVerified,
} from '../../scripts/all-in-one/platform-api.ts';
import { startPlatform, type Platform } from '../../scripts/all-in-one/platform.ts';
import { demoPartners } from '../../scripts/all-in-one/seed-partners.ts';
import { demoUsers, loadAllInOneSettings } from '../../scripts/all-in-one/settings.ts';

// Issue 11 "Layout": every page of the portal, at a phone's 390×844 and a desktop's 1440×900,
// in German and French (the longest words), as a visitor, a partner owner and an admin. A page
// fails when its document is wider than the viewport (it would scroll sideways) or, on the
// desktop, when the header's navigation takes more than one line. Screenshots go to
// .tmp/screens/ to be looked at.
const SCREENS = '.tmp/screens';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'admin@tourconnect.demo', password: 'Admin-demo-2026' };
const OWNER = demoUsers.find((u) => u.email === 'partner@tourconnect.demo')!; // owns the verified Dolomiti Trails

const LANGUAGES = ['de', 'fr'] as const;
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

type Role = 'visitor' | 'owner' | 'admin';

interface Ids {
  partner: string;
  reviewPartner: string;
  mail: string | undefined;
}

/** The pages each kind of user can open, with the ids the demo data gives them. */
function pagesOf(role: Role, ids: Ids): string[] {
  if (role === 'visitor') {
    return [
      '/',
      '/partners',
      `/partners/${ids.partner}`,
      '/packages',
      '/search',
      '/search?q=lago%20di%20garda&party=2a1c&from=2031-06-14&to=2031-06-21&verified=true&sort=price',
      '/signin',
      '/signup',
      '/forgot-password',
      '/reset-password',
      '/verify-email',
      '/invitations/accept',
      '/privacy',
      '/no-such-page',
    ];
  }
  if (role === 'owner') {
    return [
      '/partner',
      '/partner/profile',
      '/partner/members',
      '/partner/privacy',
      '/partner/catalogue',
      '/partner/catalogue/new',
      '/partner/packages',
      '/partner/packages/new',
      '/partner/bookings',
      '/partner/payouts',
      '/partner/sponsored',
      '/bookings',
      '/account',
    ];
  }
  return [
    '/admin',
    '/admin/partners',
    `/admin/partners/${ids.reviewPartner}`,
    '/admin/mail',
    '/admin/money',
    '/admin/campaigns',
    ...(ids.mail ? [`/admin/mail/${ids.mail}`] : []),
    '/account',
  ];
}

interface Measure {
  docWidth: number;
  viewport: number;
  /** Distinct tops of the visible main-nav links (1 = one line), and links whose text wraps. */
  navLines: number;
  wrappedLinks: string[];
  /** Header children that stick out of the header bar (a second line, or clipped). */
  headerOverflow: string[];
  /** The user's name beside the avatar, when shown, cut by its ellipsis. */
  nameCut: boolean;
  /** Distinct tops of the Partner Portal's tabs (1 = one row), when there. */
  subnavRows: number;
}

// Runs in the page (a string: the repository's TypeScript has no DOM types) and returns a Measure.
const MEASURE_IN_PAGE = `(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  // Lines of an element's own text (not of decorations such as the active link's underline).
  const lines = (el) => {
    const tops = new Set();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) tops.add(Math.round(r.top));
    }
    return tops.size;
  };
  const header = document.querySelector('header.header').getBoundingClientRect();
  const nav = document.querySelector('#main-nav');
  // On a phone the navigation is the menu's panel (position: absolute), not a row in the bar.
  const navInBar = nav && getComputedStyle(nav).position !== 'absolute';
  const navLinks = navInBar ? [...nav.querySelectorAll('a')].filter(visible) : [];
  const inner = document.querySelector('.header-inner');
  const name = document.querySelector('.user-name');
  const tabs = [...document.querySelectorAll('.subnav a')].filter(visible);
  return {
    docWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    navLines: new Set(navLinks.map((a) => Math.round(a.getBoundingClientRect().top))).size,
    wrappedLinks: navLinks.filter((a) => lines(a) > 1).map((a) => a.textContent),
    headerOverflow: [...(inner ? inner.children : [])]
      .filter((el) => visible(el) && getComputedStyle(el).position !== 'absolute')
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.top < header.top - 0.5 || r.bottom > header.bottom + 0.5 || r.right > window.innerWidth + 0.5;
      })
      .map((el) => el.className || el.tagName),
    nameCut: !!name && visible(name) && name.scrollWidth > name.clientWidth,
    subnavRows: new Set(tabs.map((a) => Math.round(a.getBoundingClientRect().top))).size,
  };
})()`;

function measure(page: Page): Promise<Measure> {
  return page.evaluate(MEASURE_IN_PAGE) as Promise<Measure>;
}

/** Problems a person would see on this page, in words; none is a pass. */
function problemsOf(where: string, m: Measure, desktop: boolean): string[] {
  const problems: string[] = [];
  if (m.docWidth > m.viewport)
    problems.push(`${where}: the page is ${m.docWidth - m.viewport} px wider than the window`);
  if (m.headerOverflow.length) problems.push(`${where}: header items off the bar: ${m.headerOverflow.join(', ')}`);
  if (desktop && m.navLines !== 1) problems.push(`${where}: the navigation takes ${m.navLines} lines`);
  if (desktop && m.wrappedLinks.length) problems.push(`${where}: nav links wrap: ${m.wrappedLinks.join(', ')}`);
  if (m.nameCut) problems.push(`${where}: the user's name is cut`);
  if (m.subnavRows > 1) problems.push(`${where}: the Partner Portal tabs take ${m.subnavRows} rows`);
  return problems;
}

describe('portal layout in Chromium: every page at 390 and 1440 px, in German and French', () => {
  let db: TestDatabase;
  let dataDir: string;
  let platform: Platform;
  let browser: Browser;
  let ids: Ids;

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    dataDir = await mkdtemp(path.join(tmpdir(), 'tc-portal-layout-'));
    // The portal built from the current sources into a folder of this test's own, compressed
    // as `npm run build:web` does: a rebuild of web/dist meanwhile (another test, a developer)
    // would swap the files under the gateway, which lists them once at start.
    const dist = path.join(dataDir, 'dist');
    execSync(`npx vite build --logLevel warn --outDir ${dist}`, { cwd: 'web', stdio: 'inherit' });
    execSync(`node scripts/compress-web-dist.mjs ${dist}`, { stdio: 'inherit' });
    db = await createTestDatabase('portal_layout');
    platform = await startPlatform(
      loadAllInOneSettings({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        WEB_DIST_DIR: dist,
        PORT: '0',
        LOG_LEVEL: 'warn',
        STRIPE_EMULATOR_PORT: '0',
        OCTO_SIMULATOR_PORT: '0',
      }),
    );
    // Two demo partners as `npm start` seeds them (the full demo seed is slow on a busy
    // machine): one verified, whose owner is signed in below, one waiting in the admin's queue.
    const api = platformApi(platform.url);
    const adminToken = await signIn(api, ADMIN);
    const verified = demoPartners.find((d) => d.owner.email === OWNER.email)!;
    const pending = demoPartners.find((d) => d.outcome === 'pending_review')!;
    const partnerIds: string[] = [];
    for (const demo of [verified, pending]) {
      const user = demoUsers.find((u) => u.email === demo.owner.email)!;
      const token = await signUpVerified(api, platform.mailbox, user);
      partnerIds.push(
        await onboardPartner(api, token, {
          body: { ...demo.body, description: demo.description },
          logoColour: demo.colour,
          submit: true,
        }),
      );
    }
    await approvePartner(api, adminToken, partnerIds[0]!);
    const sent = await api('GET', '/api/notifications/sent', adminToken);
    const mail = sent.ok ? ((await sent.json()) as { items: { id: string }[] }) : { items: [] };
    ids = { partner: partnerIds[0]!, reviewPartner: partnerIds[1]!, mail: mail.items[0]?.id };
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
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function contextFor(language: string, viewport: { width: number; height: number }, role: Role) {
    const context = await browser.newContext({ viewport, locale: language === 'de' ? 'de-DE' : 'fr-FR' });
    await context.addInitScript((lang) => localStorage.setItem('tourconnect.language', lang), language);
    if (role !== 'visitor') {
      // Signing in through the context's request API leaves the refresh cookie in the browser,
      // so each page load restores the session as it does for a person coming back.
      const user = role === 'admin' ? ADMIN : OWNER;
      const res = await context.request.post(`${platform.url}/api/auth/login`, {
        headers: { [CSRF_HEADER]: '1' },
        data: { email: user.email, password: user.password },
      });
      expect(res.status()).toBe(200);
    }
    return context;
  }

  async function settle(page: Page, role: Role): Promise<void> {
    try {
      await page.locator('main h1').first().waitFor({ timeout: 30_000 });
    } catch (error) {
      await page.screenshot({ path: `${SCREENS}/failed-${Date.now()}.png` });
      const text = await page.locator('body').innerText();
      throw new Error(`${page.url()} shows no page title: ${text.slice(0, 300)}`, { cause: error });
    }
    if (role !== 'visitor') await page.getByTestId('user-menu').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    await page.locator('.page-loading').waitFor({ state: 'detached', timeout: 15_000 });
    await page.evaluate('document.fonts.ready.then(() => undefined)');
  }

  for (const language of LANGUAGES) {
    for (const viewport of VIEWPORTS) {
      for (const role of ['visitor', 'owner', 'admin'] as const) {
        it(`${language}, ${viewport.name} ${viewport.width}×${viewport.height}, ${role}: no page wider than the window${viewport.name === 'desktop' ? ', the navigation on one line' : ''}`, async () => {
          const context: BrowserContext = await contextFor(language, viewport, role);
          const page = await context.newPage();
          const consoleErrors: string[] = [];
          page.on('console', (message) => {
            if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
          });
          const problems: string[] = [];
          try {
            for (const pathname of pagesOf(role, ids)) {
              await page.goto(`${platform.url}${pathname}`);
              await settle(page, role);
              const slug = pathname.replace(/[0-9a-f-]{36}/g, 'id').replace(/[^\w.-]/g, '_') || '_';
              await page.screenshot({
                path: `${SCREENS}/${language}-${viewport.width}-${role}${slug}.png`,
                fullPage: true,
                animations: 'disabled',
              });
              problems.push(...problemsOf(`${role} ${pathname}`, await measure(page), viewport.name === 'desktop'));
            }
          } finally {
            await context.close();
          }
          expect(problems).toEqual([]);
          // A visitor's normal visit logs no errors (the session probe of someone signed out is a 204).
          if (role === 'visitor') expect(consoleErrors).toEqual([]);
        }, 300_000);
      }
    }
  }
});
