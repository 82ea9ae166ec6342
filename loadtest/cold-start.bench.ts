import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startAllInOne } from '../test/e2e/start-process.ts';

export interface ColdStart {
  firstStartMs: number;
  restartMs: number;
  readyLineMs: number;
  rssMb: number;
}

/**
 * `npm start` with no environment, to the ready line: the first start on an empty data folder
 * (initdb, migrations, seed) and a restart on the kept data. Memory is the process RSS at ready.
 */
export async function runColdStartBench(): Promise<ColdStart> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tc-bench-start-'));
  try {
    const first = await startAllInOne({ DATA_DIR: dataDir });
    const firstStartMs = first.readyMs;
    await first.stop();
    const second = await startAllInOne({ DATA_DIR: dataDir });
    const match = /ready in ([\d.]+) s, (\d+) MB/.exec(second.output());
    await second.stop();
    return {
      firstStartMs,
      restartMs: second.readyMs,
      readyLineMs: match ? Math.round(Number(match[1]) * 1000) : NaN,
      rssMb: match ? Number(match[2]) : NaN,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await runColdStartBench());
  process.exit(0);
}
