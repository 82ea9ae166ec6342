import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSRF_HEADER } from '@tourconnect/contracts/http';
import { createTestDatabase } from '@tourconnect/db/testing';
import { pdf } from '@tourconnect/partners/demo-files';
import { startPlatform } from '../scripts/all-in-one/platform.ts';
import { loadAllInOneSettings } from '../scripts/all-in-one/settings.ts';
import { autocannon, type LoadResult } from './autocannon-run.ts';

export interface PartnersBench {
  partners: number;
  directory: LoadResult;
  profile: LoadResult;
  upload: LoadResult & { megabytesPerSec: number };
}

const PARTNERS = 2_000;
const UPLOAD_BYTES = 1024 * 1024;
const TYPES = ['agency', 'hotel', 'dmo', 'ota', 'transport'];
const REGIONS = ['IT', 'IT-21', 'IT-34', 'DE', 'FR', 'ES', 'ES-IB', 'AT', 'PT', 'GR'];
const LANGUAGES = ['it', 'en', 'de', 'fr', 'es', 'pt', 'el'];

/**
 * Partners through the all-in-one gateway: the public directory (filtered by verified, region
 * and language over 2,000 partners), one public profile, and 1 MB document uploads. Per-client
 * rate limits are raised for the run (DIRECTORY_/UPLOAD_RATE_LIMIT_PER_MINUTE): one load
 * generator on 127.0.0.1 stands for many clients.
 */
export async function runPartnersBench(opts = { connections: 20, durationSec: 10 }): Promise<PartnersBench> {
  const db = await createTestDatabase('bench_partners');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tc-bench-partners-'));
  process.env.DIRECTORY_RATE_LIMIT_PER_MINUTE = '100000000';
  process.env.UPLOAD_RATE_LIMIT_PER_MINUTE = '100000000';
  const platform = await startPlatform(
    loadAllInOneSettings({
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'false',
      RATE_LIMIT_MAX: '100000000',
      STRIPE_EMULATOR_PORT: '0',
      OCTO_SIMULATOR_PORT: '0',
    }),
  );
  try {
    const token = await ownerToken(platform.url);
    await seedDirectory(db.url);
    const first = (await (await fetch(`${platform.url}/api/partners?verified=true`)).json()) as {
      items: { id: string }[];
    };
    const headers = { [CSRF_HEADER]: '1' };
    const directory = await autocannon(`${platform.url}/api/partners?verified=true&region=IT&language=en&pageSize=12`, {
      ...opts,
      headers,
    });
    const profile = await autocannon(`${platform.url}/api/partners/${first.items[0]!.id}`, { ...opts, headers });
    const upload = await uploads(platform.url, token, dataDir);
    return { partners: PARTNERS, directory, profile, upload };
  } finally {
    await platform.stop();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A user with a draft partner, through the API; the draft accepts any number of documents. */
async function ownerToken(base: string): Promise<string> {
  const headers = { 'content-type': 'application/json', [CSRF_HEADER]: '1' };
  const email = `bench-${randomUUID()}@example.com`;
  const res = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: 'Bench-owner-2026', displayName: 'Bench' }),
  });
  const { accessToken } = (await res.json()) as { accessToken: string };
  const partner = await fetch(`${base}/api/partners/register`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ type: 'hotel', name: 'Bench Hotel', country: 'IT' }),
  });
  if (partner.status !== 201) throw new Error(`bench partner: ${partner.status} ${await partner.text()}`);
  return accessToken;
}

/**
 * Directory rows written straight into the partners schema: this measures reads, and 2,000
 * onboardings through the API (documents, review) would take minutes without telling more.
 */
async function seedDirectory(url: string): Promise<void> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = Array.from({ length: PARTNERS }, (_, i) => {
      const verified = i % 3 !== 0;
      return [
        randomUUID(),
        randomUUID(),
        TYPES[i % TYPES.length],
        verified ? 'verified' : 'pending_review',
        `Bench partner ${String(i).padStart(4, '0')}`,
        REGIONS[i % REGIONS.length]!.slice(0, 2),
        `{${REGIONS[i % REGIONS.length]},${REGIONS[(i + 3) % REGIONS.length]}}`,
        `{${LANGUAGES[i % LANGUAGES.length]},en}`,
        verified,
      ];
    });
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const values = batch.map((_, j) => `(${Array.from({ length: 9 }, (_, k) => `$${j * 9 + k + 1}`).join(', ')})`);
      await client.query(
        `INSERT INTO partners.partners (id, owner_user_id, type, status, name, country, regions, languages, verified)
         VALUES ${values.join(', ')}`,
        batch.flat(),
      );
    }
    await client.query('ANALYZE partners.partners');
  } finally {
    await client.end();
  }
}

/** 1 MB PDFs as multipart (kind, then file), 8 at a time: the bytes are sniffed, hashed and stored. */
async function uploads(base: string, token: string, dir: string): Promise<LoadResult & { megabytesPerSec: number }> {
  const boundary = `bench${randomUUID().replace(/-/g, '')}`;
  const head = pdf('Bench upload');
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
    connections: 8,
    durationSec: 10,
    method: 'POST',
    inputFile: bodyFile,
    headers: {
      authorization: `Bearer ${token}`,
      [CSRF_HEADER]: '1',
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  return { ...result, megabytesPerSec: Math.round((result.requestsPerSec * UPLOAD_BYTES) / 1024 / 1024) };
}
