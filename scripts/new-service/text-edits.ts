// Line-based edits of files other people also edit by hand (platform.ts, docker-compose.yml,
// the gateway's config): each edit finds its anchor or fails naming the file and the anchor,
// so a moved anchor stops the scaffold instead of writing into the wrong place.

export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

export interface EditableFile {
  /** Relative to the checkout's root, for messages. */
  path: string;
  lines: string[];
}

export function editable(path: string, text: string): EditableFile {
  return { path, lines: text.split('\n') };
}

export const textOf = (file: EditableFile): string => file.lines.join('\n');

function indexOf(
  file: EditableFile,
  anchor: RegExp,
  which: 'first' | 'last',
  from = 0,
  to = file.lines.length,
): number {
  const range = file.lines.slice(from, to);
  const found = which === 'first' ? range.findIndex((l) => anchor.test(l)) : range.findLastIndex((l) => anchor.test(l));
  return found < 0 ? -1 : found + from;
}

export function requireLine(
  file: EditableFile,
  anchor: RegExp,
  which: 'first' | 'last' = 'first',
  from?: number,
  to?: number,
): number {
  const at = indexOf(file, anchor, which, from, to);
  if (at < 0) throw new ScaffoldError(`${file.path}: no line matches ${anchor}; wire the service by hand there`);
  return at;
}

export function hasLine(file: EditableFile, anchor: RegExp): boolean {
  return indexOf(file, anchor, 'first') >= 0;
}

export function insertAt(file: EditableFile, at: number, lines: string[]): void {
  file.lines.splice(at, 0, ...lines);
}

export function insertAfterLast(file: EditableFile, anchor: RegExp, lines: string[]): void {
  insertAt(file, requireLine(file, anchor, 'last') + 1, lines);
}

export function insertBeforeFirst(file: EditableFile, anchor: RegExp, lines: string[]): void {
  insertAt(file, requireLine(file, anchor, 'first'), lines);
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * The lines of a YAML block starting at `start` (a `key:` line): up to the next non-empty line
 * indented no deeper than the key. Returns [start, end) line numbers.
 */
export function yamlBlock(file: EditableFile, start: number): [number, number] {
  const indent = indentOf(file.lines[start] ?? '');
  let end = start + 1;
  while (end < file.lines.length) {
    const line = file.lines[end] ?? '';
    if (line.trim() !== '' && indentOf(line) <= indent) break;
    end += 1;
  }
  // Trailing blank lines separate blocks; they are not part of this one.
  while (end > start + 1 && (file.lines[end - 1] ?? '').trim() === '') end -= 1;
  return [start, end];
}
