import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@tourconnect/contracts/http';
import type { EventEnvelope } from '@tourconnect/events';
import { startServiceHarness, type ServiceHarness } from '@tourconnect/service-kit/testing';
import { buildBundlingService } from '../../src/app.ts';
import { settingsSchema, type BundlingSettings } from '../../src/config.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  bytes: Buffer;
}

export interface CallOptions {
  token?: string | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data, as the portal uploads. */
  form?: FormData;
  /** A body sent verbatim with this content type (malformed JSON and the like). */
  raw?: { payload: string | Buffer; contentType: string };
  /** Extra request headers (Idempotency-Key, If-None-Match…). */
  headers?: Record<string, string>;
  ip?: string;
}

/** A signed-in identity user as bundling sees one: the claims of identity's access token. */
export interface TestUser {
  id: string;
  email: string;
  token: string;
  /** The user's own client address (forwarded by the gateway), so per-IP limits never mix users. */
  ip: string;
  roles: Role[];
}

export interface BundlingHarness extends ServiceHarness<BundlingSettings> {
  /** The local image store's root: a temp directory of this harness's own. */
  uploadsDir: string;
  /** A request as the gateway forwards it (through inject: no port, no gateway). */
  call(method: string, url: string, options?: CallOptions): Promise<ApiResponse>;
  /** A user identity would have registered (roles default to ['traveller']), with a signed token. */
  user(name?: string, options?: { roles?: Role[] }): Promise<TestUser>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The envelopes bundling wrote to its outbox under `subject`, oldest first. */
  published(subject: string): Promise<EventEnvelope[]>;
  /** Every file in the image store, relative to its root, sorted. */
  files(): Promise<string[]>;
}

/** `{ token, ip }` of a user, for `call`. */
export const as = (user: TestUser) => ({ token: user.token, ip: user.ip });

let ipCounter = 0;
/** A client address of its own (TEST-NET-3), so one test's rate-limit bucket never fills another's. */
export function nextIp(): string {
  ipCounter += 1;
  return `203.0.113.${(ipCounter % 250) + 1}`;
}

let userCounter = 0;

/**
 * bundling alone on a fresh database of the real PostgreSQL (named after `label`), its image
 * store in a temp directory and the in-process transport; requests go through inject, tokens
 * are signed by the harness's own key. `env` overrides settings.
 */
export async function startBundlingHarness(
  label = 'bundling',
  env: Record<string, string> = {},
): Promise<BundlingHarness> {
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'tc-bundling-'));
  let harness: ServiceHarness<BundlingSettings>;
  try {
    harness = await startServiceHarness<BundlingSettings>({
      service: 'bundling',
      label,
      build: buildBundlingService,
      settings: (tokens) => settingsSchema.parse({ ...tokens.settings, UPLOADS_DIR: uploadsDir, ...env }),
    });
  } catch (error) {
    await rm(uploadsDir, { recursive: true, force: true });
    throw error;
  }
  const { app, tokens } = harness;

  const call: BundlingHarness['call'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { 'x-forwarded-for': options.ip ?? nextIp(), ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined;
    if (options.form) {
      // The multipart encoding fetch would send, boundary included.
      const encoded = new Response(options.form);
      headers['content-type'] = encoded.headers.get('content-type')!;
      payload = Buffer.from(await encoded.arrayBuffer());
    } else if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      payload = options.raw.payload;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(options.body);
    }
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      for (const one of Array.isArray(value) ? value : [value]) {
        if (one !== undefined) responseHeaders.append(name, String(one));
      }
    }
    const bytes = res.rawPayload;
    const type = responseHeaders.get('content-type') ?? '';
    const body = type.includes('json') && bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
    return { status: res.statusCode, headers: responseHeaders, body, bytes };
  };

  return {
    ...harness,
    uploadsDir,
    call,
    async user(name = 'user', options = {}) {
      userCounter += 1;
      const id = randomUUID();
      const email = `${name}${userCounter}.${Date.now()}@example.com`.toLowerCase();
      const roles = options.roles ?? ['traveller'];
      return { id, email, roles, ip: nextIp(), token: await tokens.sign({ id, email, roles }) };
    },
    async rows<T>(sql: string, params: unknown[] = []) {
      return (await harness.database.pool.query(sql, params)).rows as T[];
    },
    async published(subject) {
      const rows = await harness.database.pool.query<{ envelope: EventEnvelope }>(
        'SELECT envelope FROM bundling.event_outbox WHERE subject = $1 ORDER BY created_at, id',
        [subject],
      );
      return rows.rows.map((row) => row.envelope);
    },
    async files() {
      const entries = await readdir(uploadsDir, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(uploadsDir, path.join(entry.parentPath, entry.name)))
        .sort();
    },
    async close() {
      await harness.close();
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}
