/**
 * Canonical JSON in the spirit of RFC 8785 (JCS): object keys sorted by UTF-16 code units,
 * no whitespace, numbers and strings serialised as ECMAScript JSON.stringify does. Input is
 * first passed through JSON semantics (toJSON, undefined members dropped) so the text hashed
 * is the text of what jsonb stores and returns.
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return serialise(JSON.parse(text));
}

/** Applies JSON semantics to a value, as storing it in jsonb and reading it back does. */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function serialise(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${serialise(record[key])}`);
  return `{${members.join(',')}}`;
}
