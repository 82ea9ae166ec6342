import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { createInProcessTransport } from '@tourconnect/events';
import { buildGateway } from '@tourconnect/gateway';
import { createLogger } from '@tourconnect/service-kit';
import { createTestTokens } from '@tourconnect/service-kit/testing';

// PORTAL_DIST measures another build (e.g. an older commit's) the same way; default: web/dist.
const DIST = path.resolve(process.env.PORTAL_DIST ?? 'web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;

export interface PortalBench {
  /** JavaScript the first page load needs (entry + modulepreloads), in KB. */
  initialJs: { files: number; rawKb: number; gzipKb: number; brotliKb: number };
  /**
   * Every script the home page loads until the network is idle: the initial JS plus what it
   * imports at once (the visitor's language, the API client for the session probe) and the
   * Discover page's chunks; gzip KB of those files.
   */
  homePageJs: { files: number; gzipKb: number };
  largestLazyChunkKb: number;
  /** Median first contentful paint, mobile profile, ms: the gateway vs a plain static server. */
  fcp: { gatewayMs: number; baselineMs: number; baseline: string };
  /** Median time until the app itself has rendered (the header's navigation exists), ms. */
  appReady: { gatewayMs: number; baselineMs: number };
}

/** Scripts index.html loads before anything renders: the entry and its modulepreloads. */
function initialScripts(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  return srcs.map((m) => path.join(DIST, m[1]!));
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Sample {
  fcp: number;
  ready: number;
  /** Paths of every script the page requested until the network was idle. */
  scripts: string[];
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // Lighthouse's mobile profile: a 4× slower CPU and "slow 4G" (150 ms RTT, 1.6 Mbit/s down).
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname);
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('header nav, header a[href="/"]', { timeout: 60_000 });
  const ready = Date.now() - started;

  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const scripts = [...new Set(requested)];
  await context.close();
  return { fcp: Math.round(fcp), ready, scripts };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The baseline: the same files as any static server sends them, uncompressed. */
async function plainStaticServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const wanted = path.join(DIST, decodeURIComponent((request.url ?? '/').split('?')[0]!));
    let file = wanted.startsWith(DIST) ? wanted : path.join(DIST, 'index.html');
    try {
      if (!statSync(file).isFile()) file = path.join(DIST, 'index.html');
    } catch {
      file = path.join(DIST, 'index.html');
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The built portal's first load on a phone: bytes of initial JavaScript and paint times. */
export async function runPortalBench(): Promise<PortalBench> {
  statSync(path.join(DIST, 'index.html')); // run `npm run build:web` first
  const scripts = initialScripts();
  const raw = scripts.map((f) => readFileSync(f));
  // What the gateway sends: the .br copy, or the file itself when it is too small to compress.
  const brotli = scripts.map((f, i) => {
    try {
      return statSync(`${f}.br`).size;
    } catch {
      return raw[i]!.length;
    }
  });
  const assets = path.join(DIST, 'assets');
  const chunks = (await import('node:fs')).readdirSync(assets).filter((f) => f.endsWith('.js'));
  const lazy = chunks.map((f) => path.join(assets, f)).filter((f) => !scripts.includes(f));

  const tokens = await createTestTokens();
  const transport = createInProcessTransport();
  const gateway = await buildGateway({
    settings: {
      IDENTITY_URL: 'http://127.0.0.1:9',
      ...tokens.settings,
      WEB_DIST_DIR: DIST,
      CORS_ORIGINS: [],
      RATE_LIMIT_MAX: 100_000,
      UPSTREAM_TIMEOUT_MS: 1_000,
      TRUST_PROXY_HOPS: 0,
    },
    keys: tokens.keys,
    transport,
    logger: createLogger('gateway', 'silent'),
    processMetrics: false,
  });
  const gatewayUrl = await gateway.listen({ port: 0, host: '127.0.0.1' });
  const plain = await plainStaticServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  try {
    const viaGateway: Sample[] = [];
    const viaPlain: Sample[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      viaGateway.push(await measure(browser, `${gatewayUrl}/`));
      viaPlain.push(await measure(browser, `${plain.url}/`));
    }
    return {
      initialJs: {
        files: scripts.length,
        rawKb: kb(raw.reduce((s, b) => s + b.length, 0)),
        gzipKb: kb(raw.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0)),
        brotliKb: kb(brotli.reduce((s, b) => s + b, 0)),
      },
      homePageJs: (() => {
        const files = [...new Set(viaGateway.flatMap((r) => r.scripts))].map((p) => path.join(DIST, p));
        const gzip = files.reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0);
        return { files: files.length, gzipKb: kb(gzip) };
      })(),
      largestLazyChunkKb: kb(Math.max(0, ...lazy.map((f) => statSync(f).size))),
      fcp: {
        gatewayMs: median(viaGateway.map((r) => r.fcp)),
        baselineMs: median(viaPlain.map((r) => r.fcp)),
        baseline: 'same dist from a plain static server (no compression)',
      },
      appReady: { gatewayMs: median(viaGateway.map((r) => r.ready)), baselineMs: median(viaPlain.map((r) => r.ready)) },
    };
  } finally {
    await browser.close();
    await gateway.close();
    await plain.close();
    await transport.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runPortalBench(), null, 2));
}
