// Keeps the state in <dataDir>/state.json so a restart of `npm start` keeps the demo's
// payments. Writes are coalesced and atomic (write to a temp file, then rename).
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PersistedState } from './types.ts';

const SAVE_DELAY_MS = 200;

export class FilePersistence {
  private readonly file: string;
  private timer: NodeJS.Timeout | undefined;
  private snapshot: (() => PersistedState) | undefined;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'state.json');
  }

  load(): PersistedState | undefined {
    if (!existsSync(this.file)) return undefined;
    const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as PersistedState;
    if (parsed.version !== 1) throw new Error(`unsupported state version in ${this.file}`);
    return parsed;
  }

  /** Schedules a write of whatever `snapshot` returns once the burst of changes settles. */
  scheduleSave(snapshot: () => PersistedState): void {
    this.snapshot = snapshot;
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.snapshot) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()));
    renameSync(tmp, this.file);
  }
}
