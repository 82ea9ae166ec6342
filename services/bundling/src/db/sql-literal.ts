/**
 * Values written into SQL text as literals, for statements sent on the simple protocol (one
 * batch, no parameters: `writeAndHold`). Exactly what the value means, whatever
 * `standard_conforming_strings` says; objects are written as JSON.
 */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`writeAndHold: cannot inline ${value}`);
    return `(${value})`;
  }
  if (typeof value === 'bigint') return `(${value.toString()})`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return quoted(value.toISOString());
  if (typeof value === 'string') return quoted(value);
  return quoted(JSON.stringify(value));
}

/** A string literal that means exactly `text`, whatever standard_conforming_strings says (as pg's escapeLiteral). */
export function quoted(text: string): string {
  const body = text.replace(/'/g, "''");
  return text.includes('\\') ? ` E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}
