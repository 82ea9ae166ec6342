import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { createTestDatabase } from '@tourconnect/db/testing';
import { buildGateway } from '@tourconnect/gateway';
import { settingsSchema as partnersSettingsSchema } from '@tourconnect/partners/config';
import { pdf } from '@tourconnect/partners/demo-files';
import { jwtConsumerConfigSchema, type ServiceApp } from '@tourconnect/service-kit';
import type { Mailbox } from '../scripts/all-in-one/mailbox.ts';
import { startPlatform, type Platform } from '../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings, type AllInOneSettings } from '../scripts/all-in-one/settings.ts';
import { autocannon, type LoadResult } from './autocannon-run.ts';
import { seedDirectoryThroughApi } from './partners-seed.ts';

export type UploadResult = LoadResult & { connections: number; megabytesPerSec: number };

export interface PartnersBench {
  directorySize: {
    partners: number;
    verified: number;
    pendingReview: number;
    drafts: number;
    /** Partners on `verified=true&region=IT` (the page shows 12 of them). */
    matching: number;
    seedSeconds: number;
  };
  /** The per-client limits the service ran with (its defaults unless the environment sets them). */
  limits: { directoryPerMinute: number; uploadPerMinute: number; gatewayPerMinute: number; clients: number };
  directory: LoadResult;
  profile: LoadResult;
  uploads: UploadResult[];
}

const PARTNERS = 200;
/** Simulated client addresses: at the rates measured here each stays far below its per-minute limits. */
const CLIENTS = 5_000;
const UPLOAD_BYTES = 1024 * 1024;
const DIRECTORY_PATH = '/api/partners?verified=true&region=IT';

/**
 * Partners through the gateway, with the service's own per-client rate limits in force: the
 * public directory over 200 partners onboarded through the API, one public profile, and 1 MB
 * document uploads one at a time and 8 at a time.
 *
 * One load generator on 127.0.0.1 would be one client and hit those limits within a second, so
 * the gateway is run as it is deployed behind an ingress (TRUST_PROXY_HOPS 1) and every request
 * carries another client address in X-Forwarded-For: many clients behind one ingress, rather
 * than lifted limits or a shortcut around the gateway.
 */
export async function runPartnersBench(opts = { connections: 20, durationSec: 10 }): Promise<PartnersBench> {
  const db = await createTestDatabase('bench_partners');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tc-bench-partners-'));
  const settings = loadAllInOneSettings({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    STRIPE_EMULATOR_PORT: '0',
    OCTO_SIMULATOR_PORT: '0',
  });
  const platform = await startPlatform(settings);
  let gateway: ServiceApp | undefined;
  try {
    gateway = await ingressGateway(platform, settings);
    const base = await gateway.listen({ port: 0, host: '127.0.0.1' });
    return await measure(base, platform.mailbox, settings, dataDir, opts);
  } finally {
    await gateway?.close();
    await platform.stop();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measure(
  base: string,
  mailbox: Mailbox,
  settings: AllInOneSettings,
  dataDir: string,
  opts: { connections: number; durationSec: number },
): Promise<PartnersBench> {
  const admin = { email: settings.ADMIN_EMAIL, password: settings.ADMIN_PASSWORD };
  const seeded = await seedDirectoryThroughApi(base, admin, mailbox, PARTNERS);
  const matching = await directoryTotal(base);
  const crowd = { clients: CLIENTS };
  const headers = { [CSRF_HEADER]: '1' };
  await autocannon(base + DIRECTORY_PATH, { connections: 5, durationSec: 2, headers, crowd }); // warm-up
  const directory = await autocannon(base + DIRECTORY_PATH, { ...opts, headers, crowd });
  const profile = await autocannon(`${base}/api/partners/${seeded.firstVerifiedId}`, { ...opts, headers, crowd });
  const uploads: UploadResult[] = [];
  for (const connections of [1, 8]) uploads.push(await uploadRun(base, seeded.draftOwnerTokens, dataDir, connections));
  return {
    directorySize: {
      partners: PARTNERS,
      verified: seeded.verified,
      pendingReview: seeded.pendingReview,
      drafts: seeded.draftOwnerTokens.length,
      matching,
      seedSeconds: seeded.seconds,
    },
    limits: { ...serviceLimits(), gatewayPerMinute: settings.RATE_LIMIT_MAX, clients: CLIENTS },
    directory,
    profile,
    uploads,
  };
}

/**
 * A gateway in front of the platform's identity and partners, set up as the all-in-one's own
 * but trusting one proxy hop (an ingress). The all-in-one's gateway trusts none, since browsers
 * reach it directly, and is left idle.
 */
async function ingressGateway(platform: Platform, settings: AllInOneSettings): Promise<ServiceApp> {
  return buildGateway({
    settings: {
      IDENTITY_URL: platform.services.identity!,
      PARTNERS_URL: platform.services.partners!,
      ...jwtConsumerConfigSchema.parse({
        ...process.env,
        JWKS_URL: `${platform.services.identity}/.well-known/jwks.json`,
      }),
      WEB_DIST_DIR: settings.WEB_DIST_DIR,
      CORS_ORIGINS: [],
      RATE_LIMIT_MAX: settings.RATE_LIMIT_MAX,
      UPSTREAM_TIMEOUT_MS: 15_000,
      TRUST_PROXY_HOPS: 1,
    },
    transport: platform.transport,
    logger: platform.logger,
    processMetrics: false,
  });
}

function serviceLimits(): { directoryPerMinute: number; uploadPerMinute: number } {
  const shape = partnersSettingsSchema.shape;
  return {
    directoryPerMinute: shape.DIRECTORY_RATE_LIMIT_PER_MINUTE.parse(process.env.DIRECTORY_RATE_LIMIT_PER_MINUTE),
    uploadPerMinute: shape.UPLOAD_RATE_LIMIT_PER_MINUTE.parse(process.env.UPLOAD_RATE_LIMIT_PER_MINUTE),
  };
}

async function directoryTotal(base: string): Promise<number> {
  const res = await fetch(base + DIRECTORY_PATH, { headers: { 'x-forwarded-for': '10.255.255.253' } });
  if (res.status !== 200) throw new Error(`directory: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { total: number }).total;
}

/**
 * 1 MB PDFs as multipart (kind, then file) for 10 s: the bytes are sniffed, hashed and stored,
 * then the row and its audit entry committed. The callers are the draft partners' owners in
 * turn, so concurrent uploads do not all queue on one partner's row lock.
 */
async function uploadRun(base: string, tokens: string[], dir: string, connections: number): Promise<UploadResult> {
  const boundary = `bench${randomUUID().replace(/-/g, '')}`;
  const head = pdf('Bench upload');
  // A real PDF padded to 1 MB after its end marker; the service sniffs the header only.
  const file = Buffer.concat([head, Buffer.alloc(UPLOAD_BYTES - head.length, 0x20)]);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ninsurance\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="policy.pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const bodyFile = path.join(dir, 'upload-body.bin');
  await writeFile(bodyFile, body);
  const result = await autocannon(`${base}/api/partners/me/documents`, {
    connections,
    durationSec: 10,
    method: 'POST',
    inputFile: bodyFile,
    headers: { [CSRF_HEADER]: '1', 'content-type': `multipart/form-data; boundary=${boundary}` },
    crowd: { clients: CLIENTS, tokens },
  });
  const megabytesPerSec = Math.round((result.requestsPerSec * UPLOAD_BYTES) / 1024 / 1024);
  return { ...result, connections, megabytesPerSec };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.dir(await runPartnersBench(), { depth: 3 });
  process.exit(0);
}
