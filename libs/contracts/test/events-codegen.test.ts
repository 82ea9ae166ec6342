// Guards the generated code in src/gen: it must be exactly what buf produces from proto/
// with the committed template, so nobody edits it by hand or forgets `npm run generate`.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const contractsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = join(contractsDir, '..', '..', 'proto');
const committedGen = join(contractsDir, 'src', 'gen');

// Same PATH `npm run generate` sees: every node_modules/.bin from the package up to the
// root, so buf finds the locally installed protoc-gen-es.
function binDirs(from: string): string[] {
  const dirs: string[] = [];
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin');
    if (existsSync(bin)) dirs.push(bin);
  }
  return dirs;
}
const bins = binDirs(contractsDir);
const env = { ...process.env, PATH: [...bins, process.env.PATH ?? ''].join(delimiter) };
const buf = bins.map((dir) => join(dir, 'buf')).find((path) => existsSync(path)) ?? 'buf';

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(root, path) : Promise.resolve([relative(root, path)]);
    }),
  );
  return nested.flat().sort();
}

describe('generated event contracts', () => {
  const temps: string[] = [];
  afterAll(async () => {
    await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('src/gen is exactly what buf generates from proto/ (run `npm run proto:generate`)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'contracts-gen-'));
    temps.push(out);
    // --output prefixes the template's `out: src/gen`, so the same template writes to out/src/gen.
    await run(buf, ['generate', '--template', 'buf.gen.yaml', '--output', out, protoDir], { cwd: contractsDir, env });
    const fresh = join(out, 'src', 'gen');

    const committedFiles = await listFiles(committedGen);
    expect(committedFiles).toEqual(await listFiles(fresh));
    for (const file of committedFiles) {
      const [committed, regenerated] = await Promise.all([
        readFile(join(committedGen, file), 'utf8'),
        readFile(join(fresh, file), 'utf8'),
      ]);
      expect(committed, `src/gen/${file} differs from buf's output`).toBe(regenerated);
    }
  });

  it('proto/ passes buf lint', async () => {
    const outcome = await run(buf, ['lint', protoDir], { cwd: contractsDir, env }).then(
      ({ stdout }) => ({ exitCode: 0, output: stdout }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        exitCode: error.code ?? -1,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    expect(outcome).toEqual({ exitCode: 0, output: '' });
  });
});
