// Validates response bodies against the component schemas of the OCTO OpenAPI.
//
// OpenAPI 3.0 schemas are not plain JSON Schema, so they are converted once per set of
// capabilities: `nullable: true` becomes `anyOf [null, …]`; an `allOf` that extends a base
// schema (ErrorInvalidProductID = BaseError + productId) is merged; an `allOf` wrapping a
// single $ref becomes the $ref; every object gets `additionalProperties: false`, so a field
// that is not in the spec fails. Capability fields (`x-capability-data`) are required when
// their capability was requested and forbidden when it was not.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;
interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; responses: Record<string, { content?: { 'application/json'?: { schema: Schema } } }> }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

export const SPEC_DIR = fileURLToPath(new URL('../../../specs/octo/', import.meta.url));
export const CANONICAL_SPEC = 'octo-openapi.typespec.yaml';
export const TYPES_SPEC = 'octo-openapi.octo-types.yaml';

const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/octo-spec/', import.meta.url));

/**
 * Parses a spec file. Parsing 370 kB of YAML takes about a second, and every test file runs
 * in its own process, so the parsed document is cached as JSON keyed by the file's hash.
 */
export function loadSpec(file = CANONICAL_SPEC): OpenApiDoc {
  const text = readFileSync(`${SPEC_DIR}${file}`, 'utf8');
  const cached = `${CACHE_DIR}${createHash('sha256').update(text).digest('hex')}.json`;
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as OpenApiDoc;
  const doc = parse(text) as OpenApiDoc;
  mkdirSync(CACHE_DIR, { recursive: true });
  const temp = `${cached}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(doc));
  renameSync(temp, cached); // atomic: parallel test files never read a half-written cache
  return doc;
}

const refName = (ref: string): string => ref.replace('#/components/schemas/', '');
const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** BaseError + own properties → one flat object schema. */
function mergeExtension(schema: Schema, components: Record<string, Schema>): Schema {
  const parts = (schema.allOf as Schema[]).map((part) =>
    typeof part.$ref === 'string' ? flatten(components[refName(part.$ref)] ?? {}, components) : part,
  );
  const { allOf: _allOf, ...own } = schema;
  return [...parts, own].reduce<Schema>(
    (acc, part) => ({
      ...acc,
      ...part,
      type: 'object',
      properties: { ...(acc.properties as Schema), ...(part.properties as Schema) },
      required: [...((acc.required as string[]) ?? []), ...((part.required as string[]) ?? [])],
    }),
    {},
  );
}

function flatten(schema: Schema, components: Record<string, Schema>): Schema {
  return Array.isArray(schema.allOf) && schema.properties ? mergeExtension(schema, components) : schema;
}

function convert(node: unknown, caps: ReadonlySet<string>, components: Record<string, Schema>): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, caps, components));
  if (!isObj(node)) return node;
  let s: Schema = Object.fromEntries(
    Object.entries(flatten(node, components)).filter(
      ([k]) => !k.startsWith('x-') && !['description', 'example', 'examples'].includes(k),
    ),
  );
  if (Array.isArray(s.allOf) && s.allOf.length === 1 && !s.properties) {
    const { allOf, type: _type, ...rest } = s;
    s = { ...rest, ...(allOf[0] as Schema) };
  }
  if (typeof s.$ref === 'string') {
    const ref = { $ref: s.$ref.replace('#/components/schemas/', '#/definitions/') };
    return s.nullable ? { anyOf: [{ type: 'null' }, ref] } : ref;
  }
  if (isObj(s.properties)) {
    const required = new Set((s.required as string[] | undefined) ?? []);
    const properties: Schema = {};
    for (const [name, prop] of Object.entries(s.properties)) {
      const cap = isObj(prop)
        ? (prop['x-capability-data'] as { capability: string; required?: boolean } | undefined)
        : undefined;
      if (cap && !caps.has(cap.capability)) continue;
      if (cap?.required) required.add(name);
      properties[name] = convert(prop, caps, components);
    }
    s = { ...s, properties, required: [...required].filter((r) => r in properties), additionalProperties: false };
  }
  if (isObj(s.items)) s = { ...s, items: convert(s.items, caps, components) };
  if (Array.isArray(s.anyOf)) s = { ...s, anyOf: convert(s.anyOf, caps, components) };
  if (s.nullable) {
    const { nullable: _n, ...rest } = s;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return s;
}

export type CapabilitySet = readonly string[];

export class OctoSpec {
  readonly doc: OpenApiDoc;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(file = CANONICAL_SPEC) {
    this.doc = loadSpec(file);
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(this.ajv);
  }

  private schemaId(caps: CapabilitySet): string {
    const key = [...caps].sort().join('+') || 'none';
    const id = `https://octo.schema/${key.replace(/\//g, '_')}.json`;
    if (!this.ajv.getSchema(id)) {
      const components = this.doc.components.schemas;
      const definitions = Object.fromEntries(
        Object.entries(components).map(([name, schema]) => [name, convert(schema, new Set(caps), components)]),
      );
      this.ajv.addSchema({ $id: id, definitions });
    }
    return id;
  }

  /** A validator for a component schema (or an array of it, written "Name[]"). */
  validator(schema: string, caps: CapabilitySet = []): ValidateFunction {
    const cacheKey = `${schema}@${[...caps].sort().join(',')}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      const id = this.schemaId(caps);
      const name = schema.replace(/\[\]$/, '');
      const ref = { $ref: `${id}#/definitions/${name}` };
      validate = this.ajv.compile(schema.endsWith('[]') ? { type: 'array', items: ref } : ref);
      this.compiled.set(cacheKey, validate);
    }
    return validate;
  }

  /** Throws with ajv's messages when `body` does not match the schema. */
  assert(schema: string, body: unknown, caps: CapabilitySet = []): void {
    const validate = this.validator(schema, caps);
    if (!validate(body)) {
      const details = this.ajv.errorsText(validate.errors, { separator: '\n  ' });
      throw new Error(
        `Body is not a valid OCTO ${schema} (capabilities: ${caps.join(', ') || 'none'}):\n  ${details}\nBody: ${JSON.stringify(body).slice(0, 2000)}`,
      );
    }
  }

  /** The 200 schema of an operation ("Booking" or "Availability[]"). */
  successSchema(operationId: string): string {
    const schema = this.operation(operationId).responses['200']?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${operationId} has no 200 JSON schema`);
    if (schema.type === 'array') return `${refName(String((schema.items as Schema).$ref))}[]`;
    return refName(String(schema.$ref));
  }

  /** Error schemas the operation lists for HTTP 400. */
  errorSchemas(operationId: string): string[] {
    const schema = this.operation(operationId).responses['400']?.content?.['application/json']?.schema;
    return ((schema?.anyOf as Schema[] | undefined) ?? []).map((s) => refName(String(s.$ref)));
  }

  operation(operationId: string) {
    for (const methods of Object.values(this.doc.paths)) {
      for (const op of Object.values(methods)) if (op.operationId === operationId) return op;
    }
    throw new Error(`Unknown operationId ${operationId}`);
  }
}

/** The error schema that describes each OCTO error code. */
export const ERROR_SCHEMA_BY_CODE: Record<string, string> = {
  INVALID_PRODUCT_ID: 'ErrorInvalidProductID',
  INVALID_OPTION_ID: 'ErrorInvalidOptionID',
  INVALID_UNIT_ID: 'ErrorInvalidUnitID',
  INVALID_AVAILABILITY_ID: 'ErrorInvalidAvailabilityID',
  INVALID_BOOKING_UUID: 'ErrorInvalidBookingUUID',
  BAD_REQUEST: 'ErrorBadRequest',
  UNPROCESSABLE_ENTITY: 'ErrorUnprocessableEntity',
  INTERNAL_SERVER_ERROR: 'ErrorInternalServerError',
  UNAUTHORIZED: 'ErrorUnauthorized',
  FORBIDDEN: 'ErrorForbidden',
};
