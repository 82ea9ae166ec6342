import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@tourconnect/service-kit';
import { loadConfig, settingsSchema } from '../../src/config.ts';
import { newPrivateKeyPem } from '../support/keys.ts';

const base = {
  PORT: '8081',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tourconnect',
  NATS_URL: 'nats://127.0.0.1:4222',
};

function problemsOf(env: Record<string, string>): Array<{ variable: string; message: string }> {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('identity config', () => {
  it('has safe defaults for everything but the connections', () => {
    expect(settingsSchema.parse({})).toEqual({
      JWT_ISSUER: 'tourconnect-identity',
      JWT_AUDIENCE: 'tourconnect',
      ACCESS_TOKEN_TTL_SECONDS: 900,
      REFRESH_TOKEN_TTL_SECONDS: 2_592_000,
      COOKIE_SECURE: false,
      LOGIN_MAX_FAILURES: 5,
      LOGIN_DELAY_SECONDS: 30,
      LOGIN_ACCOUNT_MAX_FAILURES: 50,
      LOGIN_LOCK_SECONDS: 900,
      EMAIL_VERIFICATION_TTL_SECONDS: 86_400,
      PASSWORD_RESET_TTL_SECONDS: 1800,
      EMAIL_COOLDOWN_SECONDS: 60,
    });
    const config = loadConfig({
      ...base,
      COOKIE_SECURE: 'true',
      ADMIN_EMAIL: ' Admin@Example.COM ',
      ADMIN_PASSWORD: 'x-long-pass-1',
    });
    expect(config).toMatchObject({ PORT: 8081, COOKIE_SECURE: true, ADMIN_EMAIL: 'admin@example.com' });
  });

  it('names a missing DATABASE_URL', () => {
    const { DATABASE_URL: _omit, ...env } = base;
    expect(() => loadConfig(env)).toThrowError(/DATABASE_URL: is required but not set/);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'a@b.co' })).toEqual([
      { variable: 'ADMIN_PASSWORD', message: expect.stringMatching(/both or neither/) },
    ]);
    expect(problemsOf({ ADMIN_PASSWORD: 'secret-pass-1' })).toEqual([
      { variable: 'ADMIN_EMAIL', message: expect.stringMatching(/both or neither/) },
    ]);
    expect(() => settingsSchema.parse({ ADMIN_EMAIL: 'a@b.co' })).toThrow(/both or neither/);
  });

  it('accepts only a PKCS8 Ed25519 JWT_PRIVATE_KEY, also flattened onto one line', () => {
    const pem = newPrivateKeyPem();
    expect(settingsSchema.parse({ JWT_PRIVATE_KEY: pem.replace(/\n/g, '\\n') }).JWT_PRIVATE_KEY).toBe(pem.trim());
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(problemsOf({ JWT_PRIVATE_KEY: rsa })[0]).toMatchObject({
      variable: 'JWT_PRIVATE_KEY',
      message: expect.stringMatching(/Ed25519/),
    });
    expect(problemsOf({ JWT_PRIVATE_KEY: 'hunter2' })[0]?.variable).toBe('JWT_PRIVATE_KEY');
  });

  it('names malformed numbers and booleans', () => {
    const names = problemsOf({ ACCESS_TOKEN_TTL_SECONDS: 'soon', COOKIE_SECURE: 'maybe', LOGIN_MAX_FAILURES: '0' }).map(
      (p) => p.variable,
    );
    expect(names.sort()).toEqual(['ACCESS_TOKEN_TTL_SECONDS', 'COOKIE_SECURE', 'LOGIN_MAX_FAILURES']);
  });
});
