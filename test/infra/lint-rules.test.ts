// The layering rules in eslint.config.js (docs/conventions.md, "Layering rules") must fire on
// the code they forbid and stay quiet on the code the template writes. Each case lints a
// planted snippet as if it lived at `file`; nothing is written to disk.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  // The config and its plugins load on the first lint: here, under the hook's longer timeout.
  await eslint.lintText('export {};\n', { filePath: resolve(ROOT, 'services/widgets/src/app.ts') });
});

const restrictedImport = 'no-restricted-imports';
const restrictedSyntax = 'no-restricted-syntax';

/**
 * The errors eslint reports on `code` as the file `file`: the layering rules' ids and messages,
 * or with `every`, every rule's (snippets need not use what they import otherwise).
 */
async function lint(file: string, code: string, every = false): Promise<{ rules: string[]; messages: string[] }> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  const errors = (result?.messages ?? []).filter(
    (m) => m.severity === 2 && (every || m.ruleId === null || [restrictedImport, restrictedSyntax].includes(m.ruleId)),
  );
  return { rules: errors.map((m) => m.ruleId ?? `parse error: ${m.message}`), messages: errors.map((m) => m.message) };
}

describe('drizzle-orm and the schema only under src/db/', () => {
  it.each([
    ['services/widgets/src/domain/orders.ts', "import { eq } from 'drizzle-orm';\nexport const x = eq;\n"],
    ['services/widgets/src/routes/orders.routes.ts', "import { sql } from 'drizzle-orm/sql';\nexport const x = sql;\n"],
    [
      'services/widgets/src/events/order-paid.handler.ts',
      "import { orders } from '../db/schema.ts';\nexport const x = orders;\n",
    ],
    ['services/widgets/src/domain/orders.ts', "import { orders } from '../db/schema';\nexport const x = orders;\n"],
    ['services/widgets/src/app.ts', "import { outbox } from './db/schema.ts';\nexport const x = outbox;\n"],
  ])('fires in %s', async (file, code) => {
    const { rules, messages } = await lint(file, code);
    expect(rules).toEqual([restrictedImport]);
    expect(messages[0]).toMatch(/src\/db\//);
  });

  it.each([
    [
      'services/widgets/src/db/orders.repository.ts',
      "import { eq } from 'drizzle-orm';\nimport { orders } from './schema.ts';\nexport const x = [eq, orders];\n",
    ],
    // app.ts hands bootService the outbox, inbox, dead-letter and audit tables this way.
    [
      'services/widgets/src/app.ts',
      "import { serviceTables } from './db/service-tables.ts';\nexport const x = serviceTables;\n",
    ],
    // Tests may read tables to assert on them.
    [
      'services/widgets/test/integration/orders.test.ts',
      "import { eq } from 'drizzle-orm';\nimport { orders } from '../../src/db/schema.ts';\nexport const x = [eq, orders];\n",
    ],
  ])('allows %s', async (file, code) => {
    expect((await lint(file, code)).rules).toEqual([]);
  });
});

describe("no service imports another service's package", () => {
  it.each([
    ['services/widgets/src/domain/orders.ts', "import { buildIdentityService } from '@tourconnect/identity';"],
    ['services/widgets/src/db/orders.repository.ts', "import { settingsSchema } from '@tourconnect/partners/config';"],
    ['services/widgets/src/config.ts', "import { routeTable } from '@tourconnect/gateway';"],
    ['services/widgets/test/support/harness.ts', "import { buildPartnersService } from '@tourconnect/partners';"],
    ['services/widgets/src/domain/orders.ts', "import { x } from '../../../partners/src/domain/members.ts';"],
    ['libs/money/src/x.ts', "import { buildIdentityService } from '@tourconnect/identity';"],
  ])('fires in %s', async (file, code) => {
    const { rules, messages } = await lint(file, `${code}\nexport const y = 1;\n`);
    expect(rules).toEqual([restrictedImport]);
    expect(messages[0]).toMatch(/another service/);
  });

  it.each([
    // The root's own tests, scripts and benchmarks put services together.
    ['test/e2e/flow.test.ts', "import { buildIdentityService } from '@tourconnect/identity';"],
    ['scripts/all-in-one/platform.ts', "import { buildPartnersService } from '@tourconnect/partners';"],
    ['loadtest/x.bench.ts', "import { buildGateway } from '@tourconnect/gateway';"],
    // Libraries are what services share.
    ['services/widgets/src/domain/orders.ts', "import { money } from '@tourconnect/money';"],
    ['services/widgets/src/domain/orders.ts', "import { x } from '../events/order-paid.handler.ts';"],
  ])('allows %s', async (file, code) => {
    expect((await lint(file, `${code}\nexport const y = 1;\n`)).rules).toEqual([]);
  });
});

describe('process.env only in config.ts', () => {
  it.each([
    ['services/widgets/src/domain/orders.ts', 'export const url = process.env.WIDGETS_URL;', restrictedSyntax],
    ['services/widgets/src/app.ts', "export const url = process.env['WIDGETS_URL'];", restrictedSyntax],
    [
      'services/widgets/src/db/orders.repository.ts',
      'const { env } = process;\nexport const x = env;',
      restrictedSyntax,
    ],
    ['libs/money/src/x.ts', 'export const x = globalThis.process.env.X;', restrictedSyntax],
    ['services/widgets/src/server.ts', "import { env } from 'node:process';\nexport const x = env;", restrictedImport],
  ])('fires in %s', async (file, code, rule) => {
    const { rules, messages } = await lint(file, `${code}\n`);
    expect(rules).toEqual([rule]);
    expect(messages[0]).toMatch(/config\.ts/);
  });

  it.each([
    ['services/widgets/src/config.ts', 'export const env = process.env;'],
    ['libs/service-kit/src/config.ts', 'export const env = process.env;'],
    // Test-support entry points read the tests' own variables (TEST_DATABASE_URL, TEST_LOG_LEVEL).
    ['libs/db/src/testing.ts', 'export const url = process.env.TEST_DATABASE_URL;'],
    ['libs/service-kit/src/testing/harness.ts', 'export const level = process.env.TEST_LOG_LEVEL;'],
    ['services/widgets/test/integration/orders.test.ts', 'export const url = process.env.TEST_NATS_URL;'],
    ['scripts/all-in-one/platform.ts', 'export const dir = process.env.UPLOADS_DIR;'],
  ])('allows %s', async (file, code) => {
    expect((await lint(file, `${code}\n`)).rules).toEqual([]);
  });
});

describe('a service laid out as the template', () => {
  it('passes every rule', async () => {
    const files: [string, string][] = [
      [
        'services/widgets/src/domain/place-order.ts',
        [
          "import type { Tx } from '@tourconnect/db';",
          "import { money } from '@tourconnect/money';",
          "import { insertOrder } from '../db/orders.repository.ts';",
          'export async function placeOrder(tx: Tx) {',
          "  return insertOrder(tx, money(100, 'EUR'));",
          '}',
        ].join('\n'),
      ],
      [
        'services/widgets/src/db/orders.repository.ts',
        [
          "import { eq } from 'drizzle-orm';",
          "import type { Executor } from '@tourconnect/db';",
          "import { orders } from './schema.ts';",
          'export async function findOrder(db: Executor, id: string) {',
          '  const [row] = await db.select().from(orders).where(eq(orders.id, id));',
          '  return row;',
          '}',
        ].join('\n'),
      ],
      [
        'services/widgets/src/config.ts',
        [
          "import { z } from 'zod';",
          'export const settingsSchema = z.object({ WIDGETS_LIMIT: z.coerce.number().default(5) });',
          'export const loadConfig = (env = process.env) => settingsSchema.parse(env);',
        ].join('\n'),
      ],
    ];
    for (const [file, code] of files) expect((await lint(file, `${code}\n`, true)).rules, file).toEqual([]);
  });
});
