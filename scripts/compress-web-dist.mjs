// After `vite build`: writes a Brotli (.br) and a gzip (.gz) copy of every text asset in
// web/dist, so the gateway serves them compressed without spending CPU per request, and moves
// the source maps out of the served folder (web/.sourcemaps) so they are never public.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? 'web/dist');
const maps = path.resolve(path.dirname(dist), '.sourcemaps');
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.webmanifest']);
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

rmSync(maps, { recursive: true, force: true });
let raw = 0;
let brotli = 0;
for (const file of [...files(dist)]) {
  if (file.endsWith('.map')) {
    const target = path.join(maps, path.relative(dist, file));
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(file, target);
    continue;
  }
  if (!COMPRESSIBLE.has(path.extname(file)) || statSync(file).size < MIN_BYTES) continue;
  const body = readFileSync(file);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  brotli += br.length;
}
console.log(
  `compressed web assets: ${(raw / 1024).toFixed(0)} KB → ${(brotli / 1024).toFixed(0)} KB brotli; source maps in ${path.relative(process.cwd(), maps)}`,
);
