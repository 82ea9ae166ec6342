import { defineConfig } from 'vitest/config';

// One runner for the whole repository. Integration tests talk to the real PostgreSQL and
// NATS of the machine (TEST_DATABASE_URL, TEST_NATS_URL); each file makes its own database.
export default defineConfig({
  test: {
    include: [
      'libs/*/test/**/*.test.ts',
      'services/*/test/**/*.test.ts',
      'infra/*/test/**/*.test.ts',
      'web/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
  },
});
