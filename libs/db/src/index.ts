import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';

// Schema-agnostic handles: a service's repositories type their own tables; the shared libs
// (events, audit) only need "something that runs queries", inside or outside a transaction.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = NodePgDatabase<Record<string, any>>;
export type Tx = PgTransaction<
  NodePgQueryResultHKT,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  Record<string, any>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ExtractTablesWithRelations<Record<string, any>>
>;
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  readonly pool: pg.Pool;
  readonly db: Db;
  /** The service's own PostgreSQL schema (one per service, never read by another). */
  readonly schema: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  schema: string;
  /** Pool size; the all-in-one mode runs seven services against one server, so keep it small. */
  max?: number;
  applicationName?: string;
}

export function createDatabase(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? options.schema,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that errors (server restart) must not crash the process; the next
  // checkout gets a fresh connection and readiness reports the outage.
  pool.on('error', () => {});
  // pg-pool drops its own error listener while a client is checked out; a connection killed
  // mid-transaction must fail that query, not crash the process with an unhandled 'error'.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle({ client: pool }) as Db;
  return {
    pool,
    db,
    schema: options.schema,
    close: () => pool.end(),
  };
}

/**
 * Applies the service's drizzle-kit migrations at boot. The migrations journal lives in
 * the service's own schema so services never share bookkeeping tables.
 */
export async function applyMigrations(database: Database, migrationsFolder: string): Promise<void> {
  await database.pool.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
  await migrate(database.db, {
    migrationsFolder,
    migrationsSchema: database.schema,
    migrationsTable: '__drizzle_migrations',
  });
}

/** Checks the server answers; used by /readyz. */
export async function pingDatabase(database: Database, timeoutMs = 2_000): Promise<void> {
  const client = await withTimeout(database.pool.connect(), timeoutMs, 'database connect');
  try {
    await withTimeout(client.query('SELECT 1'), timeoutMs, 'database ping');
  } finally {
    client.release();
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export { sql } from 'drizzle-orm';
export { placeholders, preparedStatement, type PreparedStatement } from './prepared.ts';
