// The docs are read in this repository, on a clone of it: every relative link in a tracked
// Markdown file must stay inside the repository and reach a file (and heading) that exists.
// Web links (https:, mailto:) are not followed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function markdownFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--', '*.md'], { cwd: ROOT, encoding: 'utf8' });
  if (git.status === 0) return git.stdout.split('\0').filter((f) => f !== '' && existsSync(join(ROOT, f)));
  // Not a git checkout: every Markdown file outside installs and local data.
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir)).flatMap((entry) => {
      const path = dir ? `${dir}/${entry}` : entry;
      if (['node_modules', '.git', '.data', '.tmp', 'dist'].includes(entry)) return [];
      return statSync(join(ROOT, path)).isDirectory() ? walk(path) : path.endsWith('.md') ? [path] : [];
    });
  return walk('');
}

const withoutFences = (text: string): string => text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

/** Text outside fenced code blocks and inline code spans, where `[a](b)` is only an example. */
const prose = (text: string): string => withoutFences(text).replace(/`[^`\n]*`/g, '');

/** Inline links and images `[text](target "title")`, and reference definitions `[id]: target`. */
function linkTargets(text: string): string[] {
  const body = prose(text);
  const inline = [...body.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '');
  const references = [...body.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1] ?? '');
  return [...inline, ...references];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  // A heading's inline code counts: `defineHandler` in a heading is part of its anchor.
  for (const match of withoutFences(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = (match[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function problems(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return linkTargets(text).flatMap((target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return []; // https:, mailto:, …
    const [path = '', anchor] = target.split('#');
    const resolved =
      path === '' ? join(ROOT, file) : resolve(ROOT, path.startsWith('/') ? `.${path}` : join(dirname(file), path));
    const inside = relative(ROOT, resolved);
    if (inside.startsWith('..')) return [`${file}: ${target} leaves the repository`];
    if (!existsSync(resolved)) return [`${file}: ${target} does not exist`];
    if (
      anchor &&
      resolved.endsWith('.md') &&
      !headingAnchors(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor))
    )
      return [`${file}: ${target} names no heading of ${inside}`];
    return [];
  });
}

describe('links in the Markdown files', () => {
  const files = markdownFiles();

  it('finds the docs', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/conventions.md']));
  });

  it('stay inside the repository and reach files and headings that exist', () => {
    expect(files.flatMap(problems)).toEqual([]);
  });

  it('are found wherever Markdown puts them, and never inside code', () => {
    const sample = [
      'See [the docs](docs/a.md#top "title"), ![logo](<img/logo.png>) and [mail](mailto:x@example.com).',
      '[ref]: ../outside.md',
      '`[not](a-link.md)`',
      '```',
      '[not](either.md)',
      '```',
    ].join('\n');
    expect(linkTargets(sample)).toEqual(['docs/a.md#top', 'img/logo.png', 'mailto:x@example.com', '../outside.md']);
    expect([
      ...headingAnchors('# Adding a service\n## Money rules (v2)\n## Money rules (v2)\n### In a service: `publish`'),
    ]).toEqual(['adding-a-service', 'money-rules-v2', 'money-rules-v2-1', 'in-a-service-publish']);
  });
});
