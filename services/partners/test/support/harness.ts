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
import { buildPartnersService } from '../../src/app.ts';
import { settingsSchema, type PartnersSettings } from '../../src/config.ts';

/** A signed-in identity user as partners sees one: the claims of identity's access token. */
export interface TestUser {
  id: string;
  email: string;
  token: string;
  /** The user's own client address (forwarded by the gateway), so per-IP limits never mix users. */
  ip: string;
  roles: Role[];
  /** The token's `email_verified` claim: true unless the test signs up an unverified user. */
  emailVerified: boolean;
}

export interface PartnersHarness extends ServiceHarness<PartnersSettings> {
  /** The local document store's root: a temp directory of this file's own. */
  uploadsDir: string;
  /** A request as the gateway forwards it (through inject: no port, no gateway). */
  call(method: string, url: string, options?: CallOptions): Promise<ApiResponse>;
  /**
   * A user identity would have registered, with a token signed as identity signs them; roles
   * default to a new user's ['traveller']. The e-mail is in lower case, as identity stores it.
   */
  user(name?: string, options?: { email?: string; roles?: Role[]; emailVerified?: boolean }): Promise<TestUser>;
  /** The same user with a token saying the e-mail is now verified (what signing in after verifying gives). */
  verified(user: TestUser): Promise<TestUser>;
  /** The same user with a token carrying other roles (what signing in again after a grant gives). */
  withRoles(user: TestUser, roles: Role[]): Promise<TestUser>;
  /** A platform administrator (roles traveller and admin, as identity's bootstrap grants). */
  admin(): Promise<TestUser>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The envelopes partners wrote to its outbox under `subject`, oldest first. */
  published(subject: string): Promise<EventEnvelope[]>;
  /** Every file (not directory) in the document store, relative to its root, sorted. */
  files(): Promise<string[]>;
}

/** `{ token, ip }` of a user, for `call`. */
export const as = (user: TestUser) => ({ token: user.token, ip: user.ip });

let userCounter = 0;

/**
 * The partners service alone on the real PostgreSQL (a fresh database per file), its document
 * store in a temp directory and the in-process transport, with tokens signed by the test's own
 * key. `env` overrides settings (e.g. PARTNER_DATA_HOLDERS).
 */
export async function startPartnersHarness(label: string, env: Record<string, string> = {}): Promise<PartnersHarness> {
  const uploadsDir = await mkdtemp(path.join(tmpdir(), 'tc-partners-'));
  let harness: ServiceHarness<PartnersSettings>;
  try {
    harness = await startServiceHarness<PartnersSettings>({
      service: 'partners',
      label,
      build: (deps) => buildPartnersService(deps),
      settings: (tokens) => settingsSchema.parse({ ...tokens.settings, UPLOADS_DIR: uploadsDir, ...env }),
    });
  } catch (error) {
    await rm(uploadsDir, { recursive: true, force: true });
    throw error;
  }
  const { app, tokens } = harness;

  const call: PartnersHarness['call'] = (method, url, options) => injectCall(app, method, url, options);

  const sign = async (id: string, email: string, roles: Role[], emailVerified = true): Promise<TestUser> => ({
    id,
    email,
    roles,
    emailVerified,
    ip: nextIp(),
    token: await tokens.sign({ id, email, roles, emailVerified }),
  });

  return {
    ...harness,
    uploadsDir,
    call,
    async user(name = 'user', options = {}) {
      userCounter += 1;
      const email = (options.email ?? `${name}${userCounter}.${Date.now()}@example.com`).toLowerCase();
      return sign(randomUUID(), email, options.roles ?? ['traveller'], options.emailVerified ?? true);
    },
    async withRoles(user, roles) {
      const { id, email, emailVerified } = user;
      return { ...user, roles, token: await tokens.sign({ id, email, roles, emailVerified }) };
    },
    async verified(user) {
      const { id, email, roles } = user;
      return { ...user, emailVerified: true, token: await tokens.sign({ id, email, roles, emailVerified: true }) };
    },
    admin() {
      return sign(randomUUID(), 'admin@partners.example', ['traveller', 'admin']);
    },
    async rows<T>(sql: string, params: unknown[] = []) {
      return (await harness.database.pool.query(sql, params)).rows as T[];
    },
    async published(subject) {
      const rows = await harness.database.pool.query<{ envelope: EventEnvelope }>(
        'SELECT envelope FROM partners.event_outbox WHERE subject = $1 ORDER BY created_at, id',
        [subject],
      );
      return rows.rows.map((row) => row.envelope);
    },
    async files() {
      const entries = await readdir(uploadsDir, { recursive: true, withFileTypes: true });
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
