// Checks and coerces a parsed form body against a request-parameter schema derived from
// Stripe's OpenAPI document, answering the way Stripe does: unknown parameters, invalid
// integers/booleans/enums and missing required parameters each name the offending `param`.
import type { ParamSchema } from '../spec/request-params-builder.ts';
import { invalidParam, missingParam, unknownParam, type StripeError } from './errors.ts';
import type { FormObject, FormValue } from './form-parser.ts';

export type ParamValue = string | number | boolean | ParamValue[] | { [key: string]: ParamValue };
export type Params = Record<string, ParamValue>;

function childPath(parent: string, key: string): string {
  return parent ? `${parent}[${key}]` : key;
}

function describe(value: FormValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function oneOfList(values: unknown[]): string {
  const names = values.map(String);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}, or ${names[names.length - 1]}`;
}

function coerceString(value: FormValue, schema: ParamSchema, path: string): string {
  if (typeof value !== 'string') throw invalidParam(`Invalid string: ${describe(value)}`, path);
  if (schema.enum && !schema.bypassEnum && !schema.enum.includes(value)) {
    throw invalidParam(`Invalid ${path}: must be one of ${oneOfList(schema.enum)}`, path);
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    throw invalidParam(
      `Invalid string: ${value.slice(0, 30)}...; must be at most ${schema.maxLength} characters`,
      path,
    );
  }
  return value;
}

function coerceInteger(value: FormValue, path: string): number {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw invalidParam(`Invalid integer: ${describe(value)}`, path, 'parameter_invalid_integer');
  }
  return Number(value);
}

function coerceNumber(value: FormValue, path: string): number {
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(Number(value))) {
    throw invalidParam(`Invalid decimal: ${describe(value)}`, path);
  }
  return Number(value);
}

function coerceBoolean(value: FormValue, path: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidParam(`Invalid boolean: ${describe(value)}`, path);
}

function coerceArray(value: FormValue, schema: ParamSchema, path: string): ParamValue[] {
  if (typeof value === 'string') throw invalidParam(`Invalid array`, path);
  const keys = Object.keys(value);
  if (!keys.every((k) => /^\d+$/.test(k))) throw invalidParam(`Invalid array`, path);
  return keys
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => coerce(value[key]!, schema.items ?? {}, childPath(path, key)));
}

function coerceObject(value: FormValue, schema: ParamSchema, path: string): { [key: string]: ParamValue } {
  if (typeof value === 'string') throw invalidParam(`Invalid object`, path);
  const out: { [key: string]: ParamValue } = {};
  const free = !schema.properties && schema.additionalProperties === undefined;
  for (const [key, child] of Object.entries(value)) {
    const propSchema = schema.properties?.[key];
    const keyPath = childPath(path, key);
    if (propSchema) out[key] = coerce(child, propSchema, keyPath);
    else if (typeof schema.additionalProperties === 'object')
      out[key] = coerce(child, schema.additionalProperties, keyPath);
    else if (free || schema.additionalProperties === true) out[key] = coerce(child, {}, keyPath);
    else throw unknownParam(keyPath);
  }
  for (const name of schema.required ?? []) {
    if (out[name] === undefined) throw missingParam(childPath(path, name));
  }
  return out;
}

function shapeMatches(value: FormValue, branch: ParamSchema): boolean {
  const wantsContainer = branch.type === 'object' || branch.type === 'array';
  return typeof value === 'string' ? !wantsContainer : wantsContainer || branch.any === true;
}

function coerceAnyOf(value: FormValue, branches: ParamSchema[], path: string): ParamValue {
  let firstError: StripeError | undefined;
  // Try branches whose shape fits first so the reported error is the meaningful one.
  const ordered = [...branches].sort((a, b) => Number(shapeMatches(value, b)) - Number(shapeMatches(value, a)));
  for (const branch of ordered) {
    try {
      return coerce(value, branch, path);
    } catch (error) {
      firstError ??= error as StripeError;
    }
  }
  throw firstError ?? invalidParam(`Invalid value`, path);
}

export function coerce(value: FormValue, schema: ParamSchema, path: string): ParamValue {
  if (schema.any) return value as ParamValue;
  if (schema.anyOf) return coerceAnyOf(value, schema.anyOf, path);
  switch (schema.type) {
    case 'string':
      return coerceString(value, schema, path);
    case 'integer':
      return coerceInteger(value, path);
    case 'number':
      return coerceNumber(value, path);
    case 'boolean':
      return coerceBoolean(value, path);
    case 'array':
      return coerceArray(value, schema, path);
    case 'object':
      return coerceObject(value, schema, path);
    default:
      return value as ParamValue;
  }
}

/** Validates a whole request; `undefined` schema means the operation takes no parameters. */
export function validateParams(input: FormObject, schema: ParamSchema | undefined): Params {
  return coerceObject(input, schema ?? { type: 'object', properties: {} }, '') as Params;
}
