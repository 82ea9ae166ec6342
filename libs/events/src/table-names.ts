import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { EventTables } from './tables.ts';

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function qualified(table: PgTable): string {
  const { schema, name } = getTableConfig(table);
  return schema ? `${quote(schema)}.${quote(name)}` : quote(name);
}

/** Quoted names for the hot paths that talk to pg directly (relay, maintenance). */
export interface ResolvedTables {
  outbox: string;
  inbox: string;
  deadLetters: string;
  /** LISTEN/NOTIFY channel that wakes this service's relays. */
  channel: string;
}

export function resolveTables(tables: EventTables): ResolvedTables {
  const schema = getTableConfig(tables.outbox).schema ?? 'public';
  return {
    outbox: qualified(tables.outbox),
    inbox: qualified(tables.inbox),
    deadLetters: qualified(tables.deadLetters),
    channel: `tc_outbox_${schema}`.slice(0, 63),
  };
}
