import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonProblemCodes, loginBodySchema, registerBodySchema } from '../../libs/contracts/src/http/index.ts';
import { codeForStatus } from '../src/api/api-error.ts';
import { supportedLanguages } from '../src/i18n/languages.ts';
import { issuesToFieldErrors, problemToFieldErrors } from '../src/lib/form-errors.ts';
import type { FormSchema } from '../src/lib/use-schema-form.ts';
import { readCatalogue, webRoot } from './locale-files.ts';

/** Every problem code the back end answers with (issue 2, conventions.md) plus the client's own. */
const problemCodes = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  'unauthorized',
  'token_invalid',
  'token_expired',
  'forbidden',
  'rate_limited',
  'csrf_failed',
  'email_taken',
  'invalid_credentials',
  'too_many_attempts',
  'refresh_token_invalid',
  'refresh_token_reused',
  'internal_error',
  'service_unavailable',
  'bad_gateway',
  'network_error',
  'invalid_response',
  'unknown_error',
  'generic',
];

/** Codes the shared zod schemas produce for the forms, found by feeding them bad input. */
function schemaCodes(): string[] {
  const bad: [FormSchema<unknown>, unknown][] = [
    [registerBodySchema, { email: 'not-an-email', password: 'short', displayName: ' ', locale: 'en' }],
    [registerBodySchema, { email: 'a@b.co', password: 'password123', displayName: 'A' }],
    [registerBodySchema, { email: 'a@b.co', password: `a1${'x'.repeat(200)}`, displayName: 'x'.repeat(81) }],
    [registerBodySchema, { email: 'a@b.co', password: 'abcdefghijk', displayName: 'A', locale: 'xx', admin: true }],
    [loginBodySchema, { email: 'a@b.co', password: '' }],
    [loginBodySchema, {}],
  ];
  const codes = new Set<string>();
  for (const [schema, body] of bad) {
    const result = schema.safeParse(body);
    if (result.success) throw new Error(`expected ${JSON.stringify(body)} to be rejected`);
    for (const list of Object.values(issuesToFieldErrors(result.error.issues))) list?.forEach((c) => codes.add(c));
  }
  return [...codes].sort();
}

/**
 * Problem codes the services the portal talks to throw, read from their sources
 * (`new AppError(409, 'code'…)`, `conflict('code', …)`, `unauthorized('code', …)`): a new code
 * cannot reach a user untranslated. bundling's field codes (`{ path, code: 'code' }`), its
 * pricing and coupon code unions and the zod messages of its contract count too.
 */
function serviceCodes(): string[] {
  const repo = join(webRoot, '..');
  const roots = [
    'services/identity/src',
    'services/partners/src',
    'services/notifications/src',
    'services/gateway/src',
    'services/bundling/src',
    'libs/service-kit/src',
  ];
  const codes = new Set<string>();
  for (const root of roots) {
    for (const file of readdirSync(join(repo, root), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(join(repo, root, file), 'utf8');
      for (const m of text.matchAll(/new AppError\(\s*\d+\s*,\s*'([a-z_]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/\b(?:conflict|unauthorized)\(\s*'([a-z_]+)'/g)) codes.add(m[1]!);
      if (!root.startsWith('services/bundling')) continue;
      // Field codes of problem entries, and codes thrown through a typed union (pricing, coupons).
      for (const m of text.matchAll(/\bpath\b[^{}]*?\bcode: '([a-z_]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/export type \w*ErrorCode =([^;]+);/g)) {
        for (const c of m[1]!.matchAll(/'([a-z_]+)'/g)) codes.add(c[1]!);
      }
    }
  }
  const contract = readFileSync(join(repo, 'libs/contracts/src/http/bundling.ts'), 'utf8');
  for (const m of contract.matchAll(/\bmessage: '([a-z_]+)'/g)) codes.add(m[1]!);
  return [...codes].sort();
}

describe('error translations', () => {
  it('every problem code identity, partners, notifications, the gateway and bundling answer with is translated', () => {
    const codes = serviceCodes();
    expect(codes).toEqual(
      expect.arrayContaining([
        'partner_owner_account',
        'email_taken',
        'partner_locked',
        // bundling: thrown, field, pricing, coupon and contract codes
        'capacity_model_locked',
        'net_rate_required',
        'refund_exceeds_paid',
        'coupon_expired',
        'policy_tiers_unordered',
      ]),
    );
    for (const language of supportedLanguages) {
      const errors = readCatalogue(language, 'errors');
      expect(
        codes.filter((code) => !errors.get(code)),
        `${language}/errors.json`,
      ).toEqual([]);
    }
  });

  const found = schemaCodes();

  it('the shared schemas yield the codes the forms show', () => {
    for (const code of [
      'invalid_email',
      'password_too_short',
      'password_needs_letter_and_digit',
      'password_too_common',
      'password_too_long',
      'required',
      'too_big',
      'unrecognized_keys',
      'invalid_value',
      'invalid_type',
    ]) {
      expect(found).toContain(code);
    }
  });

  const everyCode = [...new Set([...problemCodes, ...commonProblemCodes, ...found])].sort();

  it.each([...supportedLanguages])('%s translates every problem and field code', (language) => {
    const errors = readCatalogue(language, 'errors');
    const english = readCatalogue('en', 'errors');
    const problems: string[] = [];
    for (const code of everyCode) {
      const text = errors.get(code);
      if (typeof text !== 'string' || !text.trim()) problems.push(`${code}: missing`);
      else if (text === code) problems.push(`${code}: untranslated code`);
      else if (language !== 'en' && text === english.get(code)) problems.push(`${code}: English copy`);
    }
    expect(problems).toEqual([]);
  });

  it('maps non-problem HTTP failures to translated codes', () => {
    const english = readCatalogue('en', 'errors');
    for (const status of [400, 401, 403, 404, 413, 415, 418, 429, 500, 502, 503, 504]) {
      expect(english.has(codeForStatus(status)), `status ${status}`).toBe(true);
    }
  });

  it('puts server field errors next to their field whatever the path style', () => {
    const errors = problemToFieldErrors([
      { path: 'body.email', code: 'invalid_format', message: 'invalid_email' },
      { path: '/password', code: 'custom', message: 'password_too_short' },
      { path: 'displayName', code: 'too_small', message: 'Too small: expected string to have >=1 characters' },
    ]);
    expect(errors).toEqual({ email: ['invalid_email'], password: ['password_too_short'], displayName: ['too_small'] });
  });
});
