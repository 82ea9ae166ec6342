// Configuration of the standalone simulator and of createOctoSimulator.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createOctoSimulator } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function runServer(env: Record<string, string>) {
  // node --import tsx rather than the tsx CLI, which would start a second node process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/octo-simulator/src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', OCTO_SIMULATOR_LOG: 'false', ...env },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('configuration', () => {
  it('defaults to 127.0.0.1:13100 with the key "test"', () => {
    expect(loadConfig({})).toEqual({ port: 13100, host: '127.0.0.1', keys: ['test'], logger: true });
    expect(loadConfig({ OCTO_SIMULATOR_PORT: '0', OCTO_SIMULATOR_KEYS: ' acme, test ,' }).keys).toEqual([
      'acme',
      'test',
    ]);
  });

  it('lists every problem with the variable name', () => {
    try {
      loadConfig({
        OCTO_SIMULATOR_PORT: '13100x',
        OCTO_SIMULATOR_KEYS: 'good,bad key,good',
        OCTO_SIMULATOR_LOG: 'maybe',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const { problems } = err as ConfigError;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/OCTO_SIMULATOR_PORT must be an integer/);
      expect(problems.join('\n')).toMatch(/invalid key "bad key"/);
      expect(problems.join('\n')).toMatch(/lists "good" twice/);
    }
    expect(() => loadConfig({ OCTO_SIMULATOR_KEYS: ' , ' })).toThrow(/at least one API key/);
    expect(() => loadConfig({ OCTO_SIMULATOR_PORT: '70000' })).toThrow(/between 0 and 65535/);
  });

  it('createOctoSimulator refuses unusable keys', () => {
    expect(() => createOctoSimulator({ keys: [] })).toThrow(/at least one API key/);
    expect(() => createOctoSimulator({ keys: ['a b'] })).toThrow(/invalid API key/);
    expect(() => createOctoSimulator({ keys: ['a', 'a'] })).toThrow(/unique/);
  });

  it('server.ts exits with the message on bad configuration', async () => {
    const run = runServer({ OCTO_SIMULATOR_PORT: 'http' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/OCTO_SIMULATOR_PORT must be an integer between 0 and 65535, got "http"/);
  });

  it('server.ts serves the keys from OCTO_SIMULATOR_KEYS and stops on SIGTERM', async () => {
    const run = runServer({ OCTO_SIMULATOR_PORT: '0', OCTO_SIMULATOR_KEYS: 'alpha,beta' });
    const deadline = Date.now() + 15_000;
    while (!/OCTO simulator: (\S+)\/octo/.test(run.output()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const base = /OCTO simulator: (\S+)\/octo/.exec(run.output())?.[1];
    expect(base, run.output()).toBeDefined();
    const ok = await fetch(`${base}/octo/supplier`, { headers: { authorization: 'Bearer beta' } });
    expect(ok.status).toBe(200);
    const forbidden = await fetch(`${base}/octo/supplier`, { headers: { authorization: 'Bearer test' } });
    expect(((await forbidden.json()) as { error: string }).error).toBe('FORBIDDEN');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
