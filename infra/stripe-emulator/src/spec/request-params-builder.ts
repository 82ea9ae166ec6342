// Derives the request-parameter schemas of the emulated operations from Stripe's OpenAPI
// document. The emulator validates every request against them, so "unknown parameter",
// "invalid integer" and "missing required param" answers follow the published spec rather
// than a hand-kept list. The output is committed (request-params.json) because the spec
// lives outside this repository; test/spec-params.test.ts checks it is still current.

export interface ParamSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, ParamSchema>;
  additionalProperties?: ParamSchema | boolean;
  required?: string[];
  items?: ParamSchema;
  anyOf?: ParamSchema[];
  enum?: unknown[];
  maxLength?: number;
  /** Stripe accepts values outside `enum` for these (x-stripeBypassValidation). */
  bypassEnum?: boolean;
  /** Accept anything below this point: deep payment-method option trees we do not emulate. */
  any?: boolean;
}

export interface OperationParams {
  query?: ParamSchema;
  body?: ParamSchema;
}

export interface RequestParamsFile {
  source: { apiVersion: string; paths: number };
  operations: Record<string, OperationParams>;
  /** object type → fields whose value is an id that `expand[]` may replace by the object */
  expandable: Record<string, string[]>;
}

type SpecNode = Record<string, unknown>;

/** Objects the emulator serves; expandable fields of other schemas are irrelevant here. */
export const EMULATED_OBJECTS: ReadonlySet<string> = new Set([
  'account',
  'balance_transaction',
  'bank_account',
  'charge',
  'dispute',
  'payment_intent',
  'payment_method',
  'payout',
  'refund',
  'transfer',
  'transfer_reversal',
]);

/** Subtrees accepted without inspection: thousands of payment-method options we never read. */
const OPAQUE_PARAMS = new Set(['payment_method_data', 'payment_method_options', 'mandate_data']);

function isNode(value: unknown): value is SpecNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function simplify(node: unknown, name: string | undefined): ParamSchema {
  if (!isNode(node)) return {};
  if (name && OPAQUE_PARAMS.has(name)) return { any: true };
  const out: ParamSchema = {};
  if (typeof node.type === 'string') out.type = node.type as ParamSchema['type'];
  if (Array.isArray(node.enum)) out.enum = node.enum;
  if (typeof node.maxLength === 'number') out.maxLength = node.maxLength;
  if (node['x-stripeBypassValidation'] === true) out.bypassEnum = true;
  if (Array.isArray(node.required) && node.required.length > 0) out.required = [...(node.required as string[])];
  if (isNode(node.properties)) {
    out.properties = {};
    for (const [key, child] of Object.entries(node.properties)) out.properties[key] = simplify(child, key);
  }
  if (isNode(node.additionalProperties)) out.additionalProperties = simplify(node.additionalProperties, undefined);
  else if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  if (node.items !== undefined) out.items = simplify(node.items, undefined);
  if (Array.isArray(node.anyOf)) out.anyOf = node.anyOf.map((branch) => simplify(branch, undefined));
  return out;
}

function queryParams(operation: SpecNode): ParamSchema | undefined {
  const parameters = Array.isArray(operation.parameters) ? (operation.parameters as SpecNode[]) : [];
  const query = parameters.filter((p) => p.in === 'query');
  if (query.length === 0) return undefined;
  const schema: ParamSchema = { type: 'object', properties: {} };
  for (const p of query) {
    schema.properties![String(p.name)] = simplify(p.schema, String(p.name));
    if (p.required === true) (schema.required ??= []).push(String(p.name));
  }
  return schema;
}

function bodyParams(operation: SpecNode): ParamSchema | undefined {
  const content = (operation.requestBody as SpecNode | undefined)?.content as SpecNode | undefined;
  const form = content?.['application/x-www-form-urlencoded'] as SpecNode | undefined;
  return form?.schema ? simplify(form.schema, undefined) : undefined;
}

function expandableFields(schemas: SpecNode): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const schema of Object.values(schemas)) {
    if (!isNode(schema) || !isNode(schema.properties)) continue;
    const objectEnum = (schema.properties.object as SpecNode | undefined)?.enum;
    if (!Array.isArray(objectEnum) || objectEnum.length !== 1) continue;
    const fields = Object.entries(schema.properties)
      .filter(([, prop]) => isNode(prop) && prop['x-expansionResources'] !== undefined)
      .map(([field]) => field);
    const objectName = String(objectEnum[0]);
    if (!EMULATED_OBJECTS.has(objectName) || out[objectName]) continue;
    if (fields.length > 0) out[objectName] = fields.sort();
  }
  return out;
}

export function buildRequestParams(spec: SpecNode): RequestParamsFile {
  const operations: Record<string, OperationParams> = {};
  const paths = spec.paths as Record<string, SpecNode>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!isNode(operation)) continue;
      const entry: OperationParams = {};
      const query = queryParams(operation);
      const body = bodyParams(operation);
      if (query) entry.query = query;
      if (body) entry.body = body;
      operations[`${method.toUpperCase()} ${path}`] = entry;
    }
  }
  const info = spec.info as SpecNode;
  const components = spec.components as SpecNode;
  return {
    source: { apiVersion: String(info.version), paths: Object.keys(paths).length },
    operations,
    expandable: expandableFields(components.schemas as SpecNode),
  };
}
