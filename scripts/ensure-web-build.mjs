// Builds the portal once if web/dist is missing or older than its sources, so `npm ci && npm start`
// works on a fresh clone without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
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
const sourceTime = Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs)));
if (!existsSync(dist) || statSync(dist).mtimeMs < sourceTime) {
  console.log('Building the portal (web/dist)…');
  execSync('npm run build -w web', { stdio: 'inherit' });
}
