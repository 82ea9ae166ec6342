// Validates response bodies against the component schemas of Stripe's OpenAPI subset
// (infra/specs/stripe/openapi-subset.json, vendored from ../shared/specs), the way the spec means them:
//   - `nullable: true` admits null (for plain types, enums and anyOf alike);
//   - expandable fields are `anyOf: [id string, object]`, so both shapes validate;
//   - `$ref`s resolve inside the document;
//   - strict mode: objects may not carry properties the spec does not declare, except the
//     fields the pinned SDK's types add (SDK_ADDITIONS, listed in the README).
// It also checks that every field the SDK's TypeScript types declare non-optional is present.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { EMULATED_OBJECTS } from '../../src/spec/request-params-builder.ts';

export const SPEC_PATH = resolve(import.meta.dirname, '../../../specs/stripe/openapi-subset.json');

type Node = Record<string, unknown>;

const nullableString = { type: 'string', nullable: true };
/** Fields of API 2026-10-28.endive (the SDK's types) absent from the 2024-04-10 spec. */
export const SDK_ADDITIONS: Record<string, Record<string, Node>> = {
  payment_intent: {
    allowed_payment_method_types: { type: 'array', items: { type: 'string' }, nullable: true },
    customer_account: nullableString,
    excluded_payment_method_types: { type: 'array', items: { type: 'string' }, nullable: true },
    managed_payments: {
      type: 'object',
      properties: { enabled: { type: 'boolean' } },
      required: ['enabled'],
      nullable: true,
    },
    payment_record: nullableString,
    source: nullableString,
  },
  charge: { source: nullableString },
  refund: { customer: nullableString, customer_account: nullableString, payment_method: nullableString },
  payout: {
    payout_method: nullableString,
    trace_id: {
      type: 'object',
      properties: { status: { type: 'string' }, value: nullableString },
      required: ['status', 'value'],
      nullable: true,
    },
  },
  balance_transaction: { balance_type: { type: 'string' } },
  dispute: {
    enhanced_eligibility_types: { type: 'array', items: { type: 'string' } },
    intended_submission_method: nullableString,
  },
};

/**
 * Expandable fields may hold the full object of resources the emulator does not serve
 * (customer, invoice, review, application, …). It never expands those, so their expanded
 * form is refused outright, which also keeps compiling the schemas fast.
 */
const SERVED = EMULATED_OBJECTS;

function pruneUnservedExpansions(prop: Node): Node {
  if (prop['x-expansionResources'] === undefined || !Array.isArray(prop.anyOf)) return prop;
  const anyOf = (prop.anyOf as Node[]).map((branch) => {
    const ref = typeof branch.$ref === 'string' ? branch.$ref.split('/').pop()! : undefined;
    return ref && !SERVED.has(ref) ? { not: {} } : branch;
  });
  return { ...prop, anyOf };
}

function transform(node: unknown, strict: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => transform(item, strict));
  if (typeof node !== 'object' || node === null) return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node as Node)) {
    if (key.startsWith('x-') || key === 'description' || key === 'title' || key === 'nullable') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Node).map(([name, schema]) => [
          name,
          transform(pruneUnservedExpansions(schema as Node), strict),
        ]),
      );
    } else {
      out[key] = key === 'enum' ? value : transform(value, strict);
    }
  }
  if (strict && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if ((node as Node).nullable === true) {
    if (Array.isArray(out.anyOf)) out.anyOf = [...out.anyOf, { type: 'null' }];
    else if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

const specText = () => readFileSync(SPEC_PATH, 'utf8');

/** Non-optional top-level fields of an SDK interface, read from stripe-node's .d.ts. */
function sdkRequiredFields(resourcesDir: string, file: string, iface: string): string[] {
  const source = readFileSync(join(resourcesDir, file), 'utf8');
  const start = source.indexOf(`export interface ${iface} {`);
  if (start < 0) throw new Error(`interface ${iface} not found in ${file}`);
  const fields: string[] = [];
  let depth = 0;
  for (const line of source.slice(source.indexOf('{', start)).split('\n')) {
    const match = depth === 1 ? /^ {4}(\w+):/.exec(line) : null;
    if (match) fields.push(match[1]!);
    for (const char of line) depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    if (depth === 0) break;
  }
  return fields;
}

const SDK_INTERFACES: Record<string, [string, string]> = {
  account: ['Accounts.d.ts', 'Account'],
  account_link: ['AccountLinks.d.ts', 'AccountLink'],
  balance: ['Balance.d.ts', 'Balance'],
  balance_transaction: ['BalanceTransactions.d.ts', 'BalanceTransaction'],
  bank_account: ['BankAccounts.d.ts', 'BankAccount'],
  charge: ['Charges.d.ts', 'Charge'],
  dispute: ['Disputes.d.ts', 'Dispute'],
  event: ['Events.d.ts', 'EventBase'],
  payment_intent: ['PaymentIntents.d.ts', 'PaymentIntent'],
  payment_method: ['PaymentMethods.d.ts', 'PaymentMethod'],
  payout: ['Payouts.d.ts', 'Payout'],
  refund: ['Refunds.d.ts', 'Refund'],
  transfer: ['Transfers.d.ts', 'Transfer'],
  transfer_reversal: ['TransferReversals.d.ts', 'TransferReversal'],
  webhook_endpoint: ['WebhookEndpoints.d.ts', 'WebhookEndpoint'],
};

export interface ValidationResult {
  schema: string;
  errors: string[];
}

type CompiledFn = ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; message?: string; params: unknown }> | null;
};

/** Component schemas the emulator's responses can be checked against. */
const COMPONENTS = [
  ...SERVED,
  'account_link',
  'balance',
  'event',
  'webhook_endpoint',
  'error',
  'deleted_account',
  'deleted_webhook_endpoint',
];
const CACHE_DIR = resolve(import.meta.dirname, '../../node_modules/.cache/stripe-emulator-spec');
const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function operationRefs(spec: Node): Record<string, string> {
  const refs: Record<string, string> = {};
  for (const [path, item] of Object.entries(spec.paths as Record<string, Node>)) {
    for (const method of Object.keys(item)) {
      refs[`${method.toUpperCase()} ${path}`] =
        `/paths/${pointer(path)}/${method}/responses/200/content/application~1json/schema`;
    }
  }
  return refs;
}

/**
 * Compiling the Stripe schemas takes seconds, so the compiled validators are generated once
 * as standalone code and cached (keyed by the spec, this file and ajv's version).
 */
function compiledValidators(text: string, refs: Record<string, string>, strict: boolean): Record<string, CompiledFn> {
  const ajvVersion = (
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve('ajv/package.json'), 'utf8')) as { version: string }
  ).version;
  const key = createHash('sha256')
    .update(text)
    .update(readFileSync(import.meta.filename))
    .update(ajvVersion)
    .update(String(strict))
    .digest('hex')
    .slice(0, 16);
  const file = join(CACHE_DIR, `validators-${key}.cjs`);
  const load = () => createRequire(import.meta.url)(file) as Record<string, CompiledFn>;
  if (existsSync(file)) return load();
  const spec = JSON.parse(text) as Node;
  const components = (spec.components as Node).schemas as Record<string, Node>;
  for (const [name, extra] of Object.entries(SDK_ADDITIONS)) Object.assign(components[name]!.properties as Node, extra);
  const doc = {
    $id: 'stripe',
    components: { schemas: transform(components, strict) },
    paths: transform(spec.paths, strict),
  };
  const ajv = new Ajv({
    strict: false,
    allErrors: false,
    inlineRefs: false,
    code: { source: true },
    formats: { 'unix-time': true, decimal: true },
  });
  ajv.addSchema(doc);
  const exportsMap = Object.fromEntries(Object.values(refs).map((ref, i) => [`v${i}`, `stripe#${ref}`]));
  const names = Object.keys(refs);
  const source = `${standaloneCode(ajv, exportsMap)}\nmodule.exports.__names = ${JSON.stringify(names)};\n`;
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, source);
  renameSync(tmp, file);
  return load();
}

export class SpecValidator {
  readonly spec: Node;
  readonly checked = new Set<string>();
  private readonly validators = new Map<string, CompiledFn>();
  private readonly sdkRequired = new Map<string, string[]>();
  private readonly objectSchemas = new Map<string, string>();

  constructor(options: { strict?: boolean } = {}) {
    const text = specText();
    this.spec = JSON.parse(text) as Node;
    const refs: Record<string, string> = Object.fromEntries(
      COMPONENTS.map((name) => [name, `/components/schemas/${name}`]),
    );
    Object.assign(refs, operationRefs(this.spec));
    const compiled = compiledValidators(text, refs, options.strict ?? true) as Record<string, CompiledFn> & {
      __names: string[];
    };
    compiled.__names.forEach((name, i) => this.validators.set(name, compiled[`v${i}`]!));
    for (const name of COMPONENTS) {
      const schema = ((this.spec.components as Node).schemas as Record<string, Node>)[name]!;
      const objectEnum = ((schema.properties as Node | undefined)?.object as Node | undefined)?.enum;
      if (Array.isArray(objectEnum) && !name.startsWith('deleted_'))
        this.objectSchemas.set(String(objectEnum[0]), name);
    }
    const resources = join(dirname(createRequire(import.meta.url).resolve('stripe')), 'resources');
    readdirSync(resources); // fail early and clearly if the SDK layout changed
    for (const [object, [file, iface]] of Object.entries(SDK_INTERFACES))
      this.sdkRequired.set(object, sdkRequiredFields(resources, file, iface));
  }

  private run(name: string, value: unknown): string[] {
    const fn = this.validators.get(name);
    if (!fn) return [`no compiled schema ${name}`];
    this.checked.add(name);
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  /** A component schema, by name (`payment_intent`, `charge`, `error`, …). */
  validateComponent(name: string, value: unknown): string[] {
    return this.run(name, value);
  }

  private sdkPresence(value: Node): string[] {
    if (value.deleted === true) return [];
    const required = this.sdkRequired.get(String(value.object)) ?? [];
    return required
      .filter((field) => !(field in value))
      .map((field) => `${String(value.object)}: SDK type requires \`${field}\``);
  }

  /** By the body's `object`: lists item by item, events with their data.object, SDK presence. */
  validateObject(value: unknown): ValidationResult {
    const body = value as Node;
    if (body.object === 'list') {
      const errors = (body.data as unknown[]).flatMap((item) => this.validateObject(item).errors);
      return { schema: 'list', errors };
    }
    const name = body.deleted === true ? `deleted_${String(body.object)}` : this.objectSchemas.get(String(body.object));
    if (!name) return { schema: 'unknown', errors: [`no schema for object '${String(body.object)}'`] };
    const errors = [...this.validateComponent(name, body), ...this.sdkPresence(body)];
    if (body.object === 'event')
      errors.push(...this.validateObject((body.data as Node).object).errors.map((e) => `event.data.object: ${e}`));
    return { schema: name, errors };
  }

  /** The operation's documented response (200 or error), plus validateObject's checks. */
  validateResponse(method: string, path: string, status: number, body: unknown): ValidationResult {
    if (status >= 400) return { schema: 'error', errors: this.validateComponent('error', body) };
    const byObject = this.validateObject(body);
    const template = this.templateFor(path);
    const operation = template ? `${method.toUpperCase()} ${template}` : undefined;
    if (!operation || !this.validators.has(operation)) return byObject;
    return { schema: operation, errors: [...this.run(operation, body), ...byObject.errors] };
  }

  private templateFor(path: string): string | undefined {
    const clean = path.split('?')[0]!;
    return Object.keys(this.spec.paths as Node).find((template) =>
      new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(clean),
    );
  }
}
