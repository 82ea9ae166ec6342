// Request-parameter schemas per operation: the spec-derived file plus the differences the
// pinned SDK (stripe-node 23, API 2026-10-28.endive) brings, and the few operations the
// emulator serves beyond the spec subset. Every difference is listed in the README.
import { readFileSync } from 'node:fs';
import type { OperationParams, ParamSchema, RequestParamsFile } from './request-params-builder.ts';
import { clone } from '../core/clone.ts';
import { EVIDENCE_FIELDS } from '../resources/disputes.model.ts';

const file = JSON.parse(readFileSync(new URL('./request-params.json', import.meta.url), 'utf8')) as RequestParamsFile;

const str: ParamSchema = { type: 'string', maxLength: 5000 };
const int: ParamSchema = { type: 'integer' };
const strList: ParamSchema = { type: 'array', items: str };
const emptyable = (schema: ParamSchema): ParamSchema => ({ anyOf: [schema, { type: 'string', enum: [''] }] });
const metadata = emptyable({ type: 'object', additionalProperties: { type: 'string' } });
const created: ParamSchema = {
  anyOf: [{ type: 'object', properties: { gt: int, gte: int, lt: int, lte: int } }, int],
};
const paging = { ending_before: str, starting_after: str, limit: int, expand: strList };

/** Parameters the SDK's types have and the 2024-04-10 spec lacks. */
const SDK_PAYMENT_INTENT_PARAMS: Record<string, ParamSchema> = {
  allowed_payment_method_types: strList,
  excluded_payment_method_types: emptyable(strList),
  customer_account: str,
};

const evidence: ParamSchema = {
  type: 'object',
  properties: Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, { type: 'string', maxLength: 150_000 }])),
};
const expandOnly: OperationParams = { query: { type: 'object', properties: { expand: strList } } };

/** The disputes API (stripe-node's DisputeUpdateParams, DisputeListParams); not in the spec subset. */
const DISPUTE_OPERATIONS: Record<string, OperationParams> = {
  'GET /v1/disputes': {
    query: { type: 'object', properties: { ...paging, created, charge: str, payment_intent: str } },
  },
  'GET /v1/disputes/{dispute}': expandOnly,
  'POST /v1/disputes/{dispute}': {
    body: { type: 'object', properties: { evidence, expand: strList, metadata, submit: { type: 'boolean' } } },
  },
  'POST /v1/disputes/{dispute}/close': { body: { type: 'object', properties: { expand: strList } } },
};

const EXTRA_OPERATIONS: Record<string, OperationParams> = {
  ...DISPUTE_OPERATIONS,
  'GET /v1/account': { query: { type: 'object', properties: { expand: strList } } },
  'GET /v1/charges': {
    query: {
      type: 'object',
      properties: { ...paging, created, customer: str, payment_intent: str, transfer_group: str },
    },
  },
  'GET /v1/payment_methods/{payment_method}': { query: { type: 'object', properties: { expand: strList } } },
  'POST /v1/payment_intents/{intent}/capture': {
    body: {
      type: 'object',
      properties: {
        amount_to_capture: int,
        expand: strList,
        metadata,
        statement_descriptor: str,
        statement_descriptor_suffix: str,
        transfer_group: str,
      },
    },
  },
};

function withSdkAdditions(operations: Record<string, OperationParams>): Record<string, OperationParams> {
  const out = clone(operations);
  for (const key of [
    'POST /v1/payment_intents',
    'POST /v1/payment_intents/{intent}',
    'POST /v1/payment_intents/{intent}/confirm',
  ]) {
    const body = out[key]?.body;
    if (body?.properties) Object.assign(body.properties, SDK_PAYMENT_INTENT_PARAMS);
  }
  // The SDK offers API versions newer than the spec's enum; the route checks the format.
  for (const key of ['POST /v1/webhook_endpoints']) {
    const props = out[key]?.body?.properties;
    if (props?.api_version) props.api_version = str;
  }
  // Event names the SDK knows and the 2024-04-10 enum does not.
  for (const key of ['POST /v1/webhook_endpoints', 'POST /v1/webhook_endpoints/{webhook_endpoint}']) {
    const events = out[key]?.body?.properties?.enabled_events;
    const names = events?.items?.enum;
    if (names) names.push('refund.failed');
  }
  return { ...out, ...EXTRA_OPERATIONS };
}

export const operations = withSdkAdditions(file.operations);
export const expandableFields: Record<string, string[]> = file.expandable;
export const specApiVersion = file.source.apiVersion;

export function operationParams(operationKey: string): OperationParams {
  const found = operations[operationKey];
  if (!found) throw new Error(`no parameter schema for ${operationKey}`);
  return found;
}
