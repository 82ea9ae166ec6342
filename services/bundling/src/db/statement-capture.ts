import { is, SQL } from 'drizzle-orm';
import type { Executor } from '@tourconnect/db';

/**
 * Runs `write` against a stand-in executor that records the statements it would execute instead
 * of sending them, so they can join one batch (`writeAndHold`). Only `execute(sql)` is
 * recorded; anything else `write` tries (a query builder, a transaction) throws, so a writer that
 * needs an answer from the database cannot be captured by mistake.
 */
export async function captureStatements(write: (executor: Executor) => Promise<unknown>): Promise<SQL[]> {
  const captured: SQL[] = [];
  const execute = (statement: unknown) => {
    if (!is(statement, SQL)) throw new Error('captureStatements: only sql`…` statements can be recorded');
    captured.push(statement);
    return Promise.resolve({ rows: [], rowCount: 0 });
  };
  const recorder = new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'execute') return execute;
        if (property === 'then') return undefined;
        throw new Error(`captureStatements: only execute() can be recorded, not ${String(property)}`);
      },
    },
  );
  await write(recorder as Executor);
  return captured;
}
