// Stripe's wire format: application/x-www-form-urlencoded with bracket notation
// (`metadata[k]=v`, `items[0][x]=y`, `expand[]=a`). The result keeps every leaf a string;
// the parameter validator turns index-keyed objects into arrays where the spec says so.

export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export class FormParseError extends Error {
  constructor(readonly param: string) {
    super(`Invalid parameter structure: ${param}`);
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** `a[b][0][]` → ['a', 'b', '0', ''] */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  let consumed = open;
  while ((match = pattern.exec(key)) !== null) {
    if (match.index !== consumed) break;
    segments.push(match[1]!);
    consumed = match.index + match[0].length;
  }
  if (consumed !== key.length) return [key];
  return segments;
}

function assign(target: FormObject, segments: string[], value: string, fullKey: string): void {
  let node = target;
  for (let i = 0; i < segments.length; i += 1) {
    let segment = segments[i]!;
    // `[]` appends: give it the next free index so arrays keep their order.
    if (segment === '') segment = String(Object.keys(node).length);
    if (i === segments.length - 1) {
      if (typeof node[segment] === 'object') throw new FormParseError(fullKey);
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === undefined) {
      const child: FormObject = {};
      node[segment] = child;
      node = child;
    } else if (typeof next === 'string') {
      throw new FormParseError(fullKey);
    } else {
      node = next;
    }
  }
}

export function parseForm(body: string): FormObject {
  const out: FormObject = {};
  if (!body) return out;
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (!key) continue;
    assign(out, splitKey(key), value, key);
  }
  return out;
}
