// The checks behind "every body on spec" must themselves be able to fail, and the request
// schemas the emulator enforces must still be the ones Stripe's spec publishes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REQUEST_PARAMS_PATH, renderRequestParams } from '../src/tools/generate-request-params.ts';
import { SPEC_PATH, SpecValidator } from './helpers/spec-validator.ts';

const validator = new SpecValidator();

function validIntent(): Record<string, unknown> {
  return {
    id: 'pi_123',
    object: 'payment_intent',
    amount: 1000,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: { enabled: true, allow_redirects: 'always' },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: 'pi_123_secret_x',
    confirmation_method: 'automatic',
    created: 1_700_000_000,
    currency: 'usd',
    customer: null,
    description: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
    // Fields API 2026-10-28.endive (the pinned SDK) adds.
    allowed_payment_method_types: null,
    customer_account: null,
    excluded_payment_method_types: null,
    managed_payments: null,
    payment_record: null,
    source: null,
  };
}

describe('the response validator', () => {
  it('accepts a correct object, with nullable fields null', () => {
    expect(validator.validateComponent('payment_intent', validIntent())).toEqual([]);
  });

  it('fails when a required property is missing', () => {
    const intent = validIntent();
    delete intent.status;
    expect(validator.validateComponent('payment_intent', intent).join()).toContain(
      "must have required property 'status'",
    );
  });

  it('fails on a wrong type, a value outside an enum, and null where the spec does not allow it', () => {
    expect(validator.validateComponent('payment_intent', { ...validIntent(), amount: '1000' })).not.toEqual([]);
    expect(validator.validateComponent('payment_intent', { ...validIntent(), status: 'paid' })).not.toEqual([]);
    expect(validator.validateComponent('payment_intent', { ...validIntent(), currency: null })).not.toEqual([]);
  });

  it('accepts an expandable field as an id or as the expanded object, and refuses anything else', () => {
    expect(validator.validateComponent('payment_intent', { ...validIntent(), latest_charge: 'ch_1' })).toEqual([]);
    expect(
      validator
        .validateComponent('payment_intent', { ...validIntent(), latest_charge: { id: 'ch_1', object: 'charge' } })
        .join(),
    ).toContain('required');
    expect(validator.validateComponent('payment_intent', { ...validIntent(), latest_charge: 42 })).not.toEqual([]);
    // Resources the emulator never serves may not appear expanded.
    expect(
      validator.validateComponent('payment_intent', {
        ...validIntent(),
        customer: { id: 'cus_1', object: 'customer' },
      }),
    ).not.toEqual([]);
  });

  it('refuses properties the spec does not declare (strict mode), but knows the SDK additions', () => {
    expect(validator.validateComponent('payment_intent', { ...validIntent(), colour: 'blue' }).join()).toContain(
      'additional',
    );
    expect(
      validator.validateComponent('payment_intent', { ...validIntent(), allowed_payment_method_types: null }),
    ).toEqual([]);
    expect(
      validator.validateComponent('payment_intent', { ...validIntent(), allowed_payment_method_types: 'card' }),
    ).not.toEqual([]);
  });

  it('checks list envelopes by operation and events by their data.object', () => {
    const list = { object: 'list', data: [validIntent()], has_more: false, url: '/v1/payment_intents' };
    expect(validator.validateResponse('GET', '/v1/payment_intents', 200, list).errors).toEqual([]);
    expect(
      validator.validateResponse('GET', '/v1/payment_intents', 200, { ...list, url: '/v1/charges' }).errors,
    ).not.toEqual([]);
    const event = {
      id: 'evt_1',
      object: 'event',
      api_version: '2026-10-28.endive',
      created: 1,
      livemode: false,
      pending_webhooks: 0,
      request: { id: null, idempotency_key: null },
      type: 'payment_intent.created',
      data: { object: { ...validIntent(), amount: 'x' } },
    };
    expect(validator.validateObject(event).errors.join()).toContain('event.data.object');
    expect(
      validator.validateResponse('POST', '/v1/payment_intents', 402, {
        error: { type: 'card_error', code: 'card_declined' },
      }).errors,
    ).toEqual([]);
    expect(
      validator.validateResponse('POST', '/v1/payment_intents', 400, { error: { type: 'teapot' } }).errors,
    ).not.toEqual([]);
  });

  it('requires the fields the pinned SDK types declare non-optional', () => {
    expect(validator.validateObject(validIntent()).errors).toEqual([]);
    const intent = validIntent();
    delete intent.allowed_payment_method_types;
    expect(validator.validateObject(intent).errors).toEqual([
      'payment_intent: SDK type requires `allowed_payment_method_types`',
    ]);
  });
});

describe('request parameter schemas', () => {
  it('are the ones generated from the OpenAPI subset (regenerate with src/tools/generate-request-params.ts)', () => {
    expect(JSON.parse(readFileSync(REQUEST_PARAMS_PATH, 'utf8'))).toEqual(JSON.parse(renderRequestParams(SPEC_PATH)));
  });
});
