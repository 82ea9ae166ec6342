import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@tourconnect/contracts/http';
import type { EventEnvelope } from '@tourconnect/events';
import {
  injectCall,
  nextIp,
  startServiceHarness,
  type ApiResponse,
  type CallOptions,
  type ServiceHarness,
} from '@tourconnect/service-kit/testing';

export { nextIp, type ApiResponse, type CallOptions } from '@tourconnect/service-kit/testing';
import { buildBundlingService } from '../../src/app.ts';
import { settingsSchema, type BundlingSettings } from '../../src/config.ts';

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
      settings: (tokens) =>
        settingsSchema.parse({
          ...tokens.settings,
          UPLOADS_DIR: uploadsDir,
          // Most tests book without billing's Connect accounts; the payout gate's test turns it on.
          BOOKING_REQUIRES_PAYOUT_ACCOUNTS: 'false',
          ...env,
        }),
    });
  } catch (error) {
    await rm(uploadsDir, { recursive: true, force: true });
    throw error;
  }
  const { app, tokens } = harness;

  const call: BundlingHarness['call'] = (method, url, options) => injectCall(app, method, url, options);

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
