import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers shared by the locale tests: read catalogues and flatten them to dotted keys. */
export const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const localesDir = join(webRoot, 'src', 'locales');

export type Flat = Map<string, unknown>;

export function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** A missing file reads as an empty catalogue, so the tests report its keys as missing. */
export function readCatalogue(language: string, namespace: string): Flat {
  const path = join(localesDir, language, `${namespace}.json`);
  return existsSync(path) ? flatten(JSON.parse(readFileSync(path, 'utf8'))) : new Map();
}

export function listDir(path: string): string[] {
  return existsSync(path) ? readdirSync(path).sort() : [];
}

/** Every .ts/.tsx file under web/src, with its text. */
export function sourceFiles(dir = join(webRoot, 'src')): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name)) files.push({ path, text: readFileSync(path, 'utf8') });
  }
  return files;
}
