// One lint setup for the repository (TypeScript rules without type information, so it stays fast),
// plus the layering rules of docs/conventions.md ("Layering rules"), which
// test/infra/lint-rules.test.ts proves fire on planted violations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Every service package, built or planned: a directory under services/ or a name in the port table.
const root = new URL('.', import.meta.url);
const serviceNames = [
  ...new Set([
    ...readdirSync(new URL('services/', root)).filter((name) =>
      statSync(new URL(`services/${name}`, root)).isDirectory(),
    ),
    ...Object.keys(JSON.parse(readFileSync(new URL('infra/ports.json', root), 'utf8')).services),
  ]),
].sort();
const services = serviceNames.join('|');

// SQL stays in a service's repositories: the domain, routes and handlers see results, not tables.
// app.ts hands bootService the event and audit tables through src/db/service-tables.ts.
const dbLayer = [
  {
    regex: '^drizzle-orm(/|$)',
    message: 'drizzle-orm belongs in src/db/ (a repository); call a repository function from here instead.',
  },
  {
    regex: '(^|/)db/schema(\\.ts)?$',
    message: 'Tables are read and written only under src/db/; call a repository function from here instead.',
  },
];

// Services meet only through HTTP (via the gateway) and events, never through each other's code.
const otherServices = [
  {
    regex: `^@tourconnect/(${services})(/|$)`,
    message:
      "A service never imports another service's package: call its API through the gateway or react to its events. Flows across services are tested in the root test/e2e/.",
  },
  {
    regex: `^(\\.\\./)+(services/)?(${services})/src/`,
    message: "A service never imports another service's code: call its API or react to its events.",
  },
];

// `env` taken from node:process would dodge the process.env rule below.
const envImports = ['process', 'node:process'].map((name) => ({
  name,
  importNames: ['env'],
  message: 'Only config.ts reads the environment: add the variable to its schema and take it from settings.',
}));

const restrictImports = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

const processEnvMessage =
  'Only config.ts reads the environment (validated once at boot): add the variable to its schema and pass it down in settings.';

// Where the environment may be read: each package's config module, and the test-support entry
// points (`@tourconnect/db/testing`, `@tourconnect/service-kit/testing`), which are the tests'
// own configuration (TEST_DATABASE_URL, TEST_LOG_LEVEL) and never run in a deployed service.
const mayReadEnv = ['**/config.ts', 'libs/*/src/testing.ts', 'libs/*/src/testing/**'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.tmp/**', 'libs/contracts/src/gen/**', '**/drizzle/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },

  // ------------------------------------------------------------------ layering rules
  // A later block replaces an earlier one's options for the same rule, so each block lists
  // every restriction that applies to its files.
  {
    name: 'layering/service-src',
    files: ['services/*/src/**/*.ts'],
    rules: restrictImports([...dbLayer, ...otherServices], envImports),
  },
  {
    name: 'layering/service-db',
    files: ['services/*/src/db/**/*.ts'],
    rules: restrictImports(otherServices, envImports),
  },
  {
    name: 'layering/service-config',
    files: ['services/*/src/**/config.ts'],
    rules: restrictImports([...dbLayer, ...otherServices]),
  },
  {
    // Tests too: a service's tests start that service alone (startServiceHarness); a flow that
    // needs several services is a root test/e2e/ test. Tests may read tables (assertions).
    name: 'layering/service-tests',
    files: ['services/*/test/**/*.ts'],
    rules: restrictImports(otherServices),
  },
  {
    // Libraries sit below services: a library importing a service would invert the layers.
    name: 'layering/libs',
    files: ['libs/*/src/**/*.ts'],
    rules: restrictImports(otherServices, envImports),
  },
  {
    name: 'layering/libs-config',
    files: mayReadEnv.map((glob) => (glob.startsWith('libs/') ? glob : `libs/*/src/${glob}`)),
    rules: restrictImports(otherServices),
  },
  {
    name: 'layering/process-env',
    files: ['services/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: mayReadEnv,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: processEnvMessage },
        {
          selector: "MemberExpression[object.property.name='process'][property.name='env']",
          message: processEnvMessage,
        },
        {
          selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
          message: processEnvMessage,
        },
      ],
    },
  },
);
