// Pure units behind the wire format: bracket parsing, parameter coercion, fees, config.
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PORT, loadConfig } from '../src/config.ts';
import { StripeError } from '../src/core/errors.ts';
import { processingFee } from '../src/core/fees.ts';
import { FormParseError, parseForm } from '../src/core/form-parser.ts';
import { validateParams } from '../src/core/param-validator.ts';
import { operationParams } from '../src/spec/request-params.ts';

function errorOf(run: () => unknown): StripeError['body'] {
  try {
    run();
  } catch (error) {
    if (error instanceof StripeError) return error.body;
  }
  throw new Error('expected a StripeError');
}

describe('parseForm', () => {
  it('builds nested objects and arrays from bracket notation', () => {
    expect(parseForm('a=1&metadata[k]=v%20w&items[0][x]=y&items[1][x]=z&expand[]=p&expand[]=q&plus=a+b')).toEqual({
      a: '1',
      metadata: { k: 'v w' },
      items: { 0: { x: 'y' }, 1: { x: 'z' } },
      expand: { 0: 'p', 1: 'q' },
      plus: 'a b',
    });
  });

  it('accepts percent-encoded brackets and refuses a key that is both a value and a hash', () => {
    expect(parseForm('metadata%5Bk%5D=v')).toEqual({ metadata: { k: 'v' } });
    expect(() => parseForm('a=1&a[b]=2')).toThrow(FormParseError);
  });
});

describe('validateParams (from the spec)', () => {
  const create = operationParams('POST /v1/payment_intents').body;

  it('coerces integers, booleans, arrays and emptyable values', () => {
    const params = validateParams(
      parseForm('amount=500&currency=usd&confirm=true&payment_method_types[0]=card&metadata[a]=1'),
      create,
    );
    expect(params).toEqual({
      amount: 500,
      currency: 'usd',
      confirm: true,
      payment_method_types: ['card'],
      metadata: { a: '1' },
    });
    const update = operationParams('POST /v1/payment_intents/{intent}').body;
    expect(validateParams(parseForm('metadata=&description='), update)).toEqual({ metadata: '', description: '' });
    expect(errorOf(() => validateParams(parseForm('metadata='), create))).toMatchObject({ param: 'metadata' });
  });

  it('answers like Stripe for bad values', () => {
    expect(errorOf(() => validateParams(parseForm('currency=usd'), create))).toMatchObject({
      code: 'parameter_missing',
      param: 'amount',
    });
    expect(errorOf(() => validateParams(parseForm('amount=5.5&currency=usd'), create))).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'amount',
      message: 'Invalid integer: 5.5',
    });
    expect(errorOf(() => validateParams(parseForm('amount=5&currency=usd&confirm=yes'), create))).toMatchObject({
      param: 'confirm',
      message: 'Invalid boolean: yes',
    });
    expect(
      errorOf(() => validateParams(parseForm('amount=5&currency=usd&capture_method=later'), create)),
    ).toMatchObject({
      param: 'capture_method',
      message: 'Invalid capture_method: must be one of automatic, automatic_async, or manual',
    });
    expect(
      errorOf(() => validateParams(parseForm('amount=5&currency=usd&shipping[nickname]=x'), create)),
    ).toMatchObject({ code: 'parameter_unknown', param: 'shipping[nickname]' });
  });
});

describe('processingFee', () => {
  it('is percentage (half up) plus a fixed part, in integers, never more than the amount', () => {
    const model = { percent_bps: 290, fixed: { default: 30, eur: 25 } };
    expect(processingFee(10_000, 'usd', model)).toBe(320);
    expect(processingFee(1_550, 'usd', model)).toBe(45 + 30);
    expect(processingFee(10_000, 'eur', model)).toBe(315);
    expect(processingFee(20, 'usd', model)).toBe(20);
  });
});

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:12111 and .data/stripe-emulator at the repository root', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: DEFAULT_PORT, host: '127.0.0.1' });
    expect(config.dataDir).toMatch(/\/\.data\/stripe-emulator$/);
  });

  it('explains a bad STRIPE_EMULATOR_PORT', () => {
    expect(() => loadConfig({ STRIPE_EMULATOR_PORT: 'abc' })).toThrow(
      new ConfigError('STRIPE_EMULATOR_PORT must be a port number (1-65535), got "abc".'),
    );
    expect(() => loadConfig({ STRIPE_EMULATOR_PORT: '70000' })).toThrow(/between 1 and 65535/);
  });

  it('takes the public address browsers use as an origin, and explains a bad one', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ STRIPE_EMULATOR_PUBLIC_URL: 'http://localhost:12111/' }).publicUrl).toBe(
      'http://localhost:12111',
    );
    expect(() => loadConfig({ STRIPE_EMULATOR_PUBLIC_URL: 'localhost:12111' })).toThrow(/http\(s\)/);
    expect(() => loadConfig({ STRIPE_EMULATOR_PUBLIC_URL: 'ftp://localhost' })).toThrow(/http\(s\) origin/);
    expect(() => loadConfig({ STRIPE_EMULATOR_PUBLIC_URL: 'http://localhost:12111/pay' })).toThrow(/without a path/);
  });
});
