import type { Database } from '@tourconnect/db';

export const TABLES = [
  'users',
  'user_roles',
  'refresh_tokens',
  'login_throttle',
  'account_tokens',
  'account_notices',
  'event_outbox',
  'audit_log',
] as const;

/** Row counts of identity's tables: "nothing written" means these did not move. */
export async function countRows(database: Database): Promise<Record<(typeof TABLES)[number], number>> {
  const parts = TABLES.map((t) => `(SELECT count(*)::int FROM identity.${t}) AS ${t}`);
  const { rows } = await database.pool.query(`SELECT ${parts.join(', ')}`);
  return rows[0];
}

/** The rows a query returns, for assertions on identity's tables. */
export async function rowsOf(database: Database, sql: string, params: unknown[] = []) {
  return (await database.pool.query(sql, params)).rows;
}
