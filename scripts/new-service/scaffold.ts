// `npm run new:service <name>`: a new service from the template in ./template, wired into every
// place docs/conventions.md lists. It writes nothing when the service directory exists, and
// with `dryRun` it only reports what it would write.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { ScaffoldError } from './text-edits.ts';
import {
  choosePort,
  choosePrefix,
  withAllInOne,
  withCompose,
  withGatewayDeployment,
  withGatewayUpstream,
  withKustomization,
  withPort,
  withReadmeRow,
  withRoute,
  type PortTable,
  type ServiceNames,
} from './wiring.ts';

export { ScaffoldError } from './text-edits.ts';

const TEMPLATE = fileURLToPath(new URL('./template/', import.meta.url));
/** The checkout this script lives in; `root` may name another (a copy, in tests). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ScaffoldOptions {
  name: string;
  /** The checkout to write into; defaults to this repository. */
  root?: string;
  /** Defaults to the name's port in infra/ports.json, else the next free one. */
  port?: number;
  /** Report the files without writing any (and without generating the migration). */
  dryRun?: boolean;
}

export interface FileChange {
  /** Relative to the root. */
  path: string;
  kind: 'create' | 'update';
  content: string;
}

export interface ScaffoldResult {
  service: ServiceNames;
  changes: FileChange[];
}

/** Lower-case letters and digits: the name is also a PostgreSQL schema, a subject prefix and part of identifiers. */
const NAME = /^[a-z][a-z0-9]{1,29}$/;

export async function scaffoldService(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const root = options.root ?? REPO_ROOT;
  const { name } = options;
  if (!NAME.test(name))
    throw new ScaffoldError(`"${name}" is not a service name: lower-case letters and digits, starting with a letter`);
  const dir = join(root, 'services', name);
  if (existsSync(dir))
    throw new ScaffoldError(`services/${name} already exists; the scaffold never overwrites a service`);
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const ports = JSON.parse(read('infra/ports.json')) as PortTable;
  const service: ServiceNames = {
    name,
    Name: name[0]!.toUpperCase() + name.slice(1),
    NAME: name.toUpperCase(),
    port: choosePort(ports, name, options.port),
    prefix: choosePrefix(read('services/gateway/src/route-table.ts'), name),
  };
  const changes = await format(root, [...serviceFiles(service, root), ...wiringChanges(service, read)]);
  if (options.dryRun) return { service, changes };
  write(
    root,
    changes.filter((c) => c.path.startsWith(`services/${name}/`)),
  );
  try {
    changes.push(...generateFirstMigration(root, service));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  write(
    root,
    changes.filter((c) => !c.path.startsWith(`services/${name}/`)),
  );
  return { service, changes };
}

function fill(text: string, s: ServiceNames, versions: Record<string, string>): string {
  return text
    .replaceAll('__name__', s.name)
    .replaceAll('__Name__', s.Name)
    .replaceAll('__NAME__', s.NAME)
    .replaceAll('__port__', String(s.port))
    .replaceAll('__prefix__', s.prefix)
    .replaceAll('__drizzleOrmRange__', versions['drizzle-orm'] ?? '*')
    .replaceAll('__zodRange__', versions.zod ?? '*');
}

function templateFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? templateFiles(path) : path.endsWith('.tmpl') ? [path] : [];
  });
}

/** The caret range of what is installed, so the new package asks for what the repository runs. */
function installedRanges(root: string): Record<string, string> {
  // Hoisted to the root by the workspaces; their exports hide package.json from require.
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return { 'drizzle-orm': `^${version('drizzle-orm')}`, zod: `^${version('zod')}` };
}

function serviceFiles(s: ServiceNames, root: string): FileChange[] {
  const versions = installedRanges(root);
  const base = join(TEMPLATE, 'service');
  return templateFiles(base).map((file) => ({
    path: `services/${s.name}/${fill(relative(base, file), s, versions).replace(/\.tmpl$/, '')}`,
    kind: 'create',
    content: fill(readFileSync(file, 'utf8'), s, versions),
  }));
}

function wiringChanges(s: ServiceNames, read: (path: string) => string): FileChange[] {
  const template = (file: string) => fill(readFileSync(join(TEMPLATE, 'wiring', file), 'utf8'), s, {});
  const edits: [string, (text: string) => string][] = [
    ['infra/ports.json', (t) => withPort(t, s)],
    ['scripts/all-in-one/platform.ts', (t) => withAllInOne(t, s)],
    ['services/gateway/src/config.ts', (t) => withGatewayUpstream(t, s)],
    ['services/gateway/src/route-table.ts', (t) => withRoute(t, s)],
    ['docker-compose.yml', (t) => withCompose(t, s, template('compose-service.yaml.tmpl'))],
    ['k8s/kustomization.yaml', (t) => withKustomization(t, s)],
    ['k8s/services/gateway.yaml', (t) => withGatewayDeployment(t, s)],
    ['README.md', (t) => withReadmeRow(t, s)],
  ];
  const updates = edits.flatMap(([path, edit]): FileChange[] => {
    const before = read(path);
    const after = edit(before);
    return after === before ? [] : [{ path, kind: 'update', content: after }];
  });
  return [
    { path: `k8s/services/${s.name}.yaml`, kind: 'create', content: template('k8s-service.yaml.tmpl') },
    ...updates,
  ];
}

/** What `prettier --check .` in CI expects; Markdown is not formatted in this repository. */
async function format(root: string, changes: FileChange[]): Promise<FileChange[]> {
  return Promise.all(
    changes.map(async (change) => {
      if (change.path.endsWith('.md') || change.path.endsWith('.http')) return change;
      const filepath = join(root, change.path);
      const config = (await prettier.resolveConfig(filepath)) ?? {};
      return { ...change, content: await prettier.format(change.content, { ...config, filepath }) };
    }),
  );
}

function write(root: string, changes: FileChange[]): void {
  for (const change of changes) {
    const path = join(root, change.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, change.content);
  }
}

/**
 * drizzle-kit writes the first migration and its snapshot from src/db/schema.ts (so the next
 * `db:generate` diffs against it); the schema itself is created by applyMigrations beforehand,
 * hence `IF NOT EXISTS`.
 */
function generateFirstMigration(root: string, s: ServiceNames): FileChange[] {
  const dir = join(root, 'services', s.name);
  // Its package exports no bin entry; the CLI sits next to its main module.
  const bin = join(dirname(createRequire(join(root, 'package.json')).resolve('drizzle-kit')), 'bin.cjs');
  const run = spawnSync(process.execPath, [bin, 'generate', '--name', 'init'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new ScaffoldError(`drizzle-kit generate failed:\n${run.stdout}\n${run.stderr}`);
  const migrations = join(dir, 'drizzle');
  const first = readdirSync(migrations).find((f) => f.endsWith('.sql'));
  if (!first) throw new ScaffoldError(`drizzle-kit wrote no migration into services/${s.name}/drizzle`);
  const sqlPath = join(migrations, first);
  const sql = readFileSync(sqlPath, 'utf8').replace(
    `CREATE SCHEMA "${s.name}";`,
    `CREATE SCHEMA IF NOT EXISTS "${s.name}";`,
  );
  writeFileSync(sqlPath, sql);
  return [sqlPath, ...filesUnder(join(migrations, 'meta'))].map((path) => ({
    path: relative(root, path),
    kind: 'create' as const,
    content: readFileSync(path, 'utf8'),
  }));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).map((f) => join(dir, f));
}
