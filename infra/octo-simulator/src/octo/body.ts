// Hand-written request checks. Each check takes the error to raise, because the OCTO
// OpenAPI lists BAD_REQUEST for the availability operations but only UNPROCESSABLE_ENTITY
// for the booking operations; the simulator answers with the code the operation documents.
import { OctoError, octoErrors } from './errors.ts';

export type Fail = (message: string) => OctoError;
export const failBadRequest: Fail = (message) => octoErrors.badRequest(message);
export const failUnprocessable: Fail = (message) => octoErrors.unprocessable(message);

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as an object; an absent body counts as {} when `optional`. */
export function bodyObject(body: unknown, fail: Fail, optional = false): JsonObject {
  if (body === undefined || body === null) {
    if (optional) return {};
    throw fail('The request body must be a JSON object');
  }
  if (!isObject(body)) throw fail('The request body must be a JSON object');
  return body;
}

export function optString(obj: JsonObject, field: string, fail: Fail): string | undefined {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw fail(`${field} must be a string`);
  return value;
}

export function optNullableString(obj: JsonObject, field: string, fail: Fail): string | null | undefined {
  if (obj[field] === null) return null;
  return optString(obj, field, fail);
}

export function optBoolean(obj: JsonObject, field: string, fail: Fail): boolean | undefined {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw fail(`${field} must be a boolean`);
  return value;
}

export function optInteger(
  obj: JsonObject,
  field: string,
  fail: Fail,
  range: { min: number; max: number },
): number | undefined {
  const value = obj[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw fail(`${field} must be an integer between ${range.min} and ${range.max}`);
  }
  return value;
}

/**
 * An id field (productId, optionId, …): missing or empty → the specific INVALID_*_ID error
 * ("Missing or invalid …" per the OCTO docs); present but not a string → `fail`.
 */
export function requireId(obj: JsonObject, field: string, fail: Fail, invalid: (value: string) => OctoError): string {
  const value = obj[field];
  if (value === undefined || value === null || value === '') throw invalid('');
  if (typeof value !== 'string') throw fail(`${field} must be a string`);
  return value;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
