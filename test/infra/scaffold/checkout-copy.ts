// A throwaway copy of this checkout for the scaffold's tests: the tracked files as they are in
// the working tree, and a node_modules whose @tourconnect/* links point into the copy (what
// `npm install` would make), every other package linked to this checkout's install.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaffoldService, type ScaffoldResult } from '../../../scripts/new-service/scaffold.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CheckoutCopy {
  root: string;
  /** Links a workspace package the way `npm install` would after the scaffold added it. */
  linkWorkspace(dir: string): void;
  /** `node <args>` in the copy; resolves with the exit code and everything it printed. */
  node(args: string[], env?: Record<string, string>): Promise<{ code: number | null; output: string }>;
  /** `npm start` (scripts/start.ts) in the copy, resolved at its ready line; local fallbacks for what `env` omits. */
  startAllInOne(env: Record<string, string>): Promise<{ url: string; stop(): Promise<number | null> }>;
  remove(): void;
}

function trackedFiles(): string[] | undefined {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (git.status !== 0) return undefined;
  return git.stdout.split('\0').filter((path) => path !== '' && existsSync(join(ROOT, path)));
}

const SKIP = new Set(['node_modules', '.git', '.data', '.tmp', 'dist']);

function copyFiles(target: string): void {
  const files = trackedFiles();
  if (!files) {
    // Not a git checkout (an exported tree): everything but installs and local data.
    cpSync(ROOT, target, { recursive: true, filter: (src) => !SKIP.has(src.split('/').at(-1) ?? '') });
    return;
  }
  for (const path of files) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    cpSync(join(ROOT, path), join(target, path));
  }
}

const workspaceDirs = (root: string): string[] =>
  ['libs', 'services', 'infra'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group))
          .filter((d) => existsSync(join(root, group, d, 'package.json')))
          .map((d) => `${group}/${d}`)
      : [],
  );

function linkNodeModules(copy: string): (dir: string) => void {
  const modules = join(copy, 'node_modules');
  mkdirSync(join(modules, '@tourconnect'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== '@tourconnect') symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  const link = (dir: string) => {
    const { name } = JSON.parse(readFileSync(join(copy, dir, 'package.json'), 'utf8')) as { name: string };
    if (name.startsWith('@tourconnect/')) symlinkSync(join(copy, dir), join(modules, name));
    // A workspace's own node_modules holds versions that differ from the root's.
    const own = join(ROOT, dir, 'node_modules');
    if (existsSync(own) && !existsSync(join(copy, dir, 'node_modules')))
      symlinkSync(own, join(copy, dir, 'node_modules'));
  };
  for (const dir of workspaceDirs(copy)) link(dir);
  return link;
}

/** The environment minus the outer vitest's own variables (a nested run would think it is a
 * worker), and without colours, so output can be matched. */
const withoutVitest = (): Record<string, string | undefined> => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
});

async function startAllInOne(root: string, env: Record<string, string>) {
  const inherited = withoutVitest();
  for (const key of ['DATABASE_URL', 'NATS_URL', 'STRIPE_SECRET_KEY', 'PORT']) delete inherited[key];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...inherited,
      ...{ PORT: '0', STRIPE_EMULATOR_PORT: '0', OCTO_SIMULATOR_PORT: '0', SEED_DEMO_DATA: 'false' },
      ...{ DATA_DIR: join(root, '.data'), LOG_LEVEL: 'info' },
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise<string>((ready, fail) => {
    child.stdout.on('data', () => {
      const match = /TourConnect is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) ready(match[1]!);
    });
    child.on('exit', (code) => fail(new Error(`npm start exited with ${code} before it was ready:\n${output}`)));
  });
  const stop = () =>
    new Promise<number | null>((done) => {
      if (child.exitCode !== null) return done(child.exitCode);
      child.once('exit', (code) => done(code));
      child.kill('SIGTERM');
    });
  return { url, stop };
}

/**
 * A copy with `names` scaffolded and linked: a planned service (its port and gateway routes
 * exist already) and a new one (both are added) exercise both paths through the wiring.
 */
export async function scaffoldedCopy(names: string[]): Promise<{ copy: CheckoutCopy; results: ScaffoldResult[] }> {
  const copy = copyCheckout();
  const results: ScaffoldResult[] = [];
  for (const name of names) {
    results.push(await scaffoldService({ root: copy.root, name }));
    copy.linkWorkspace(`services/${name}`);
  }
  return { copy, results };
}

export function copyCheckout(): CheckoutCopy {
  const root = mkdtempSync(join(tmpdir(), 'tc-scaffold-'));
  copyFiles(root);
  const linkWorkspace = linkNodeModules(root);
  return {
    root,
    linkWorkspace,
    node: (args, env = {}) =>
      new Promise((done) => {
        const child = spawn(process.execPath, args, { cwd: root, env: { ...withoutVitest(), ...env } });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code) => done({ code, output }));
      }),
    startAllInOne: (env) => startAllInOne(root, env),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
