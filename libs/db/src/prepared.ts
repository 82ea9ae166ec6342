import { is, Param, Placeholder, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Executor } from './index.ts';

/** What a drizzle query builder gives for `.toSQL()`: the text and its parameters (placeholders unfilled). */
interface Buildable {
  toSQL(): { sql: string; params: unknown[] };
}

export interface PreparedStatement<Values extends object, Row> {
  readonly name: string;
  /** Runs the statement on `executor`'s connection (inside its transaction, if it is one). */
  run(executor: Executor, values: Values): Promise<{ rows: Row[]; rowCount: number }>;
}

/**
 * A statement that a hot path runs many times with other values: drizzle builds it ONCE (on its
 * first run, from the query `build` returns, with `sql.placeholder(...)` for the values), and
 * every run sends that text as a named prepared statement, so neither this process builds it
 * again nor PostgreSQL parses and plans it again on a connection that has run it before. The
 * values still go through each column's own encoder (a jsonb column's object, a timestamp's
 * Date), as drizzle's own prepared queries do.
 *
 * Rows come back as node-postgres gives them (column names as in the database, its own type
 * parsing), not mapped by drizzle: name the columns you need in `.returning({...})` and read
 * them by their database names, or use `rowCount`.
 *
 * A drizzle builder is cheap to write and costly to run: the consumers of a booking spent a
 * third of their CPU building four statements (the holds bench, services/bundling/README.md).
 */
export function preparedStatement<Values extends object, Row = Record<string, unknown>>(
  name: string,
  build: (executor: Executor) => Buildable,
): PreparedStatement<Values, Row> {
  let built: { text: string; params: Slot[] } | undefined;
  return {
    name,
    async run(executor, values) {
      if (!built) {
        const query = build(executor).toSQL();
        built = { text: query.sql, params: query.params.map(slotOf) };
      }
      const result = await clientOf(executor).query({
        name,
        text: built.text,
        values: built.params.map((slot) => valueOf(slot, values as Record<string, unknown>, name)),
      });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}

/**
 * An INSERT's values for a statement built once: each named column's placeholder, filled by name
 * at every run (`.values(placeholders<NewRow>(columns))`).
 */
export function placeholders<Row>(columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as Row;
}

/** A parameter of the built statement: a value fixed when it was built, or a placeholder with its column's encoder. */
type Slot =
  { kind: 'fixed'; value: unknown } | { kind: 'placeholder'; name: string; encode: (value: unknown) => unknown };

function slotOf(param: unknown): Slot {
  if (is(param, Placeholder)) return { kind: 'placeholder', name: param.name, encode: (v) => v };
  if (is(param, Param) && is(param.value, Placeholder)) {
    const encoder = param.encoder;
    return {
      kind: 'placeholder',
      name: param.value.name,
      encode: encoder ? (v) => encoder.mapToDriverValue(v) : (v) => v,
    };
  }
  return { kind: 'fixed', value: param };
}

function valueOf(slot: Slot, values: Record<string, unknown>, statement: string): unknown {
  if (slot.kind === 'fixed') return slot.value;
  const value = values[slot.name];
  if (value === undefined) throw new Error(`${statement}: no value for placeholder "${slot.name}"`);
  return value === null ? null : slot.encode(value);
}

/** The pool (a database) or the checked-out connection (a transaction) behind a drizzle executor. */
function clientOf(executor: Executor): pg.Pool | pg.PoolClient {
  const session = (executor as unknown as { session?: { client?: pg.Pool | pg.PoolClient } }).session;
  if (!session?.client || typeof session.client.query !== 'function') {
    throw new Error('preparedStatement: the executor is not a node-postgres drizzle database or transaction');
  }
  return session.client;
}
