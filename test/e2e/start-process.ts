import { spawn, type ChildProcess } from 'node:child_process';

export interface StartedPlatform {
  url: string;
  child: ChildProcess;
  output: () => string;
  readyMs: number;
  stop(): Promise<number | null>;
}

/**
 * Runs `scripts/start.ts` exactly as `npm start` does, in a child process, with only the
 * given environment (no DATABASE_URL / NATS_URL / STRIPE_SECRET_KEY unless passed), and
 * resolves once it prints its ready line.
 */
export async function startAllInOne(env: Record<string, string>, timeoutMs = 90_000): Promise<StartedPlatform> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['DATABASE_URL', 'NATS_URL', 'STRIPE_SECRET_KEY', 'PORT'].includes(k)),
  ) as Record<string, string>;
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...clean, LOG_LEVEL: 'info', PORT: '0', STRIPE_EMULATOR_PORT: '0', OCTO_SIMULATOR_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const match = /TourConnect is running at (http:\/\/localhost:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    readyMs: Date.now() - startedAt,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
