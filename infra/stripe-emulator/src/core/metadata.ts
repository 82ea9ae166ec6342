import { invalidParam } from './errors.ts';

const MAX_KEYS = 50;
const MAX_KEY_LENGTH = 40;
const MAX_VALUE_LENGTH = 500;

/**
 * Applies a `metadata` parameter as Stripe does: keys set to '' are removed, `metadata=''`
 * clears everything, and Stripe's limits (50 keys, 40-char keys, 500-char values) hold.
 */
export function applyMetadata(current: Record<string, string>, param: unknown): Record<string, string> {
  if (param === undefined) return current;
  if (param === '') return {};
  const next = { ...current };
  for (const [key, value] of Object.entries(param as Record<string, string>)) {
    if (key.length > MAX_KEY_LENGTH)
      throw invalidParam(
        `Metadata keys can have up to ${MAX_KEY_LENGTH} characters, but you passed in a key that is ${key.length} characters.`,
        `metadata[${key}]`,
      );
    if (value.length > MAX_VALUE_LENGTH)
      throw invalidParam(
        `Metadata values can have up to ${MAX_VALUE_LENGTH} characters, but you passed in a value that is ${value.length} characters.`,
        `metadata[${key}]`,
      );
    if (value === '') delete next[key];
    else next[key] = value;
  }
  if (Object.keys(next).length > MAX_KEYS)
    throw invalidParam(`You can have up to ${MAX_KEYS} metadata keys.`, 'metadata');
  return next;
}
