// Builds the portal once if web/dist is missing or older than its sources, so `npm ci && npm start`
// works on a fresh clone without a separate build step.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import path from 'node:path';

const dist = path.resolve('web/dist/index.html');
const newest = (dir) => {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
};
const sources = ['web/src', 'web/index.html', 'libs/contracts/src/http'].filter(existsSync);
const stale = () => {
  const sourceTime = Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs)));
  return !existsSync(dist) || statSync(dist).mtimeMs < sourceTime;
};

// Several test files (and `npm start`) may ask at once; two vite builds emptying web/dist
// together fail each other. The first takes the lock (mkdir is atomic) and builds; the others
// wait for it and then find the build fresh. A lock left by a killed build is taken over after
// ten minutes.
const LOCK = path.resolve('web/.build-lock');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function withLock(fn) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 10 * 60_000)
        rmSync(LOCK, { force: true, recursive: true });
      else sleep(500);
    }
  }
  try {
    fn();
  } finally {
    rmSync(LOCK, { force: true, recursive: true });
  }
}

if (stale()) {
  withLock(() => {
    if (!stale()) return;
    console.log('Building the portal (web/dist)…');
    execSync('npm run build -w web', { stdio: 'inherit' });
  });
}
