// Regenerates src/spec/request-params.json from Stripe's OpenAPI subset.
// Usage (from the repo root): npx tsx infra/stripe-emulator/src/tools/generate-request-params.ts [spec.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildRequestParams } from '../spec/request-params-builder.ts';

export const DEFAULT_SPEC_PATH = resolve(import.meta.dirname, '../../../specs/stripe/openapi-subset.json');
export const REQUEST_PARAMS_PATH = resolve(import.meta.dirname, '../spec/request-params.json');

export function renderRequestParams(specPath: string): string {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Record<string, unknown>;
  return `${JSON.stringify(buildRequestParams(spec), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const specPath = resolve(process.argv[2] ?? DEFAULT_SPEC_PATH);
  writeFileSync(REQUEST_PARAMS_PATH, renderRequestParams(specPath));
  console.log(`wrote ${REQUEST_PARAMS_PATH} from ${specPath}`);
}
