// `npm run new:service` on a copy of this checkout, for a planned service (connectors) and a new
// one (widgets): what it refuses, what a dry run reports, and that what it writes type-checks,
// passes the lint rules and the repository's own deployment checks. test/infra/scaffold/
// new-service-runs.test.ts boots the result.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffoldService, ScaffoldError, type ScaffoldResult } from '../../../scripts/new-service/scaffold.ts';
import { scaffoldedCopy, type CheckoutCopy } from './checkout-copy.ts';
import { typeErrors } from './type-check.ts';

const WIRING = [
  'infra/ports.json',
  'scripts/all-in-one/platform.ts',
  'services/gateway/src/config.ts',
  'services/gateway/src/route-table.ts',
  'docker-compose.yml',
  'k8s/kustomization.yaml',
  'k8s/services/gateway.yaml',
  'README.md',
];
const NAMES = ['widgets', 'connectors'];

let copy: CheckoutCopy;
let widgets: ScaffoldResult;
let connectors: ScaffoldResult;
const read = (path: string) => readFileSync(join(copy.root, path), 'utf8');
const snapshot = () => Object.fromEntries(WIRING.map((path) => [path, read(path)]));
const tsFiles = (dir: string): string[] =>
  readdirSync(join(copy.root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${dir}/${f}`);

beforeAll(async () => {
  const scaffolded = await scaffoldedCopy(NAMES);
  copy = scaffolded.copy;
  [widgets, connectors] = scaffolded.results as [ScaffoldResult, ScaffoldResult];
}, 180_000);

afterAll(() => copy?.remove());

describe('npm run new:service', () => {
  it('refuses a service directory that exists or a name that cannot be one, and changes nothing', async () => {
    const before = snapshot();
    for (const name of ['widgets', 'identity']) {
      await expect(scaffoldService({ root: copy.root, name })).rejects.toThrow(
        new ScaffoldError(`services/${name} already exists; the scaffold never overwrites a service`),
      );
    }
    await expect(scaffoldService({ root: copy.root, name: 'gift-cards' })).rejects.toThrow(ScaffoldError);
    expect(snapshot()).toEqual(before);
  });

  it('only reports on a dry run', async () => {
    const before = snapshot();
    const { changes } = await scaffoldService({ root: copy.root, name: 'gadgets', dryRun: true });
    expect(changes.map((c) => c.path)).toEqual(
      expect.arrayContaining([...WIRING, 'services/gadgets/src/app.ts', 'k8s/services/gadgets.yaml']),
    );
    expect(snapshot()).toEqual(before);
    expect(readdirSync(join(copy.root, 'services'))).not.toContain('gadgets');
  });

  it('runs from the command line (npm run new:service)', async () => {
    const dry = await copy.node(['--import', 'tsx', 'scripts/new-service.ts', 'gadgets', '--dry-run']);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.output).toContain('would create services/gadgets/src/app.ts');
    expect(dry.output).toContain('would update docker-compose.yml');
    expect(readdirSync(join(copy.root, 'services'))).not.toContain('gadgets');
  }, 180_000);

  it("keeps a planned service's port and routes, and gives a new one the next free port and its own route", () => {
    const ports = JSON.parse(read('infra/ports.json')) as { services: Record<string, number> };
    expect(connectors.service).toMatchObject({ port: 8087, prefix: '/api/connectors' });
    expect(widgets.service.prefix).toBe('/api/widgets');
    expect(ports.services.widgets).toBe(widgets.service.port);
    expect(Object.values(ports.services).filter((p) => p === widgets.service.port)).toHaveLength(1);
    expect(read('services/gateway/src/route-table.ts')).toContain("{ prefix: '/api/widgets', service: 'widgets' }");
  });

  it('writes the first migration: the schema, the event tables and the audit log', () => {
    const drizzle = join(copy.root, 'services/widgets/drizzle');
    const sql = readFileSync(
      join(
        drizzle,
        readdirSync(drizzle).find((f) => f.endsWith('.sql'))!,
      ),
      'utf8',
    );
    expect(sql).toMatch(/^CREATE SCHEMA IF NOT EXISTS "widgets";/);
    for (const table of ['event_outbox', 'event_inbox', 'event_dead_letters', 'audit_log'])
      expect(sql).toContain(`CREATE TABLE "widgets"."${table}"`);
    expect(readdirSync(join(drizzle, 'meta')).sort()).toEqual(['0000_snapshot.json', '_journal.json']);
  });

  it('writes code that type-checks, with the launcher and gateway edits', () => {
    const files = [
      ...NAMES.flatMap((name) => tsFiles(`services/${name}`)),
      'scripts/all-in-one/platform.ts',
      'services/gateway/src/config.ts',
      'services/gateway/src/route-table.ts',
    ];
    expect(typeErrors(copy.root, files)).toEqual([]);
  }, 180_000);

  it('writes code the layering rules accept', async () => {
    const eslint = new ESLint({ cwd: copy.root });
    const results = await eslint.lintFiles(NAMES.map((name) => `services/${name}`));
    const errors = results.flatMap((r) =>
      r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`),
    );
    expect(errors).toEqual([]);
  }, 180_000);

  it("wires the gateway's upstreams in docker-compose.yml and k8s/", () => {
    const compose = parse(read('docker-compose.yml'), { merge: true }) as {
      services: Record<string, { environment: Record<string, string>; depends_on: Record<string, unknown> }>;
    };
    const k8s = read('k8s/services/gateway.yaml');
    for (const { service } of [widgets, connectors]) {
      const url = `http://${service.name}:${service.port}`;
      expect(compose.services.gateway?.environment[`${service.NAME}_URL`]).toBe(url);
      expect(compose.services.gateway?.depends_on[service.name]).toEqual({ condition: 'service_healthy' });
      expect(k8s).toMatch(new RegExp(`- name: ${service.NAME}_URL\\n\\s+value: ${url}\\n`));
    }
  });

  it("passes the repository's deployment checks for both services", async () => {
    const run = await copy.node([
      'node_modules/vitest/vitest.mjs',
      'run',
      'test/infra/deployment-config.test.ts',
      'test/infra/k8s-manifests.test.ts',
      '--reporter=verbose',
      // Every check but other services' own and the cross-service ones: a working tree may hold
      // a service someone is still wiring by hand.
      '-t',
      `^(?!service (?!(${NAMES.join('|')}) ))(?!services/ and infra)(?!across services)`,
    ]);
    expect(run.code, run.output).toBe(0);
    for (const name of NAMES) expect(run.output).toContain(`service ${name}`);
  }, 180_000);
});
