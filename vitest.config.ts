import { defineConfig } from 'vitest/config';

// One runner for the whole repository, split into projects so a tier runs alone
// (`npm run test:unit`, `npx vitest run --project integration`). `integration` takes every
// file the other two do not, so the projects partition the suite and `npm test` runs each
// file exactly once.
//
// - unit: needs nothing but Node (no PostgreSQL, NATS, Redis or browser): pure functions,
//   schemas, config parsing, manifest and lint checks. A file is a unit test by its folder
//   (`test/unit/`) or by being listed here.
// - integration: builds apps and talks to the real PostgreSQL and NATS of the machine
//   (TEST_DATABASE_URL, TEST_NATS_URL); each file makes its own database.
// - e2e: flows across services, the all-in-one process and the browser tests.
const unit = [
  'libs/*/test/unit/**/*.test.ts',
  'services/*/test/unit/**/*.test.ts',
  'libs/money/test/**/*.test.ts',
  'libs/contracts/test/**/*.test.ts',
  'libs/audit/test/canonical-json.test.ts',
  'libs/service-kit/test/config.test.ts',
  'web/test/**/*.test.ts',
  // Only the top level: test/infra/<folder>/ holds infra checks that boot something.
  'test/infra/*.test.ts',
];
const e2e = ['test/e2e/**/*.test.ts'];
const everything = [
  'libs/*/test/**/*.test.ts',
  'services/*/test/**/*.test.ts',
  'infra/*/test/**/*.test.ts',
  'web/test/**/*.test.ts',
  'test/**/*.test.ts',
];
const ignored = ['**/node_modules/**'];

export default defineConfig({
  test: {
    exclude: ignored,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      { extends: true, test: { name: 'integration', include: everything, exclude: [...ignored, ...unit, ...e2e] } },
      { extends: true, test: { name: 'e2e', include: e2e } },
    ],
  },
});
