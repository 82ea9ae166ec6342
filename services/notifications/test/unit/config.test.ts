import { describe, expect, it } from 'vitest';
import { ConfigError } from '@tourconnect/service-kit';
import { loadConfig, settingsSchema } from '../../src/config.ts';

const base = {
  PORT: '8088',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tourconnect',
  NATS_URL: 'nats://127.0.0.1:4222',
  JWKS_URL: 'http://identity:8081/.well-known/jwks.json',
  BILLING_URL: 'http://billing:8084/',
};

describe('notifications config', () => {
  it('defaults to the local catcher on port 1025 and the local portal', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      SMTP_HOST: 'localhost',
      SMTP_PORT: 1025,
      SMTP_SECURE: false,
      PORTAL_URL: 'http://localhost:8080',
      MAIL_MAX_ATTEMPTS: 12,
      MAIL_ATTACHMENT_ATTEMPTS: 6,
      BILLING_URL: 'http://billing:8084',
    });
    expect(config.MAIL_LINK_KEY).toBeUndefined();
  });

  it('reads a link key in base64 or hex, and trims the portal URL', () => {
    const key = Buffer.alloc(32, 7);
    const settings = settingsSchema.parse({
      ...base,
      MAIL_LINK_KEY: key.toString('base64'),
      PORTAL_URL: 'https://tourconnect.example/',
    });
    expect(settings.MAIL_LINK_KEY).toEqual(key);
    expect(settings.PORTAL_URL).toBe('https://tourconnect.example');
    expect(settingsSchema.parse({ ...base, MAIL_LINK_KEY: key.toString('hex') }).MAIL_LINK_KEY).toEqual(key);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({
        ...base,
        MAIL_LINK_KEY: 'too-short',
        SMTP_USER: 'mailer',
        SMTP_URL: 'http://not-smtp',
        PORTAL_URL: 'not a url',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const variables = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(variables).toEqual(['MAIL_LINK_KEY', 'PORTAL_URL', 'SMTP_PASS', 'SMTP_URL']);
    }
    expect(() => loadConfig({ ...base, SMTP_USER: 'mailer' })).toThrow(/SMTP_PASS/);
  });

  it('stops without a billing URL to fetch receipts from, or with one that is not http(s)', () => {
    const { BILLING_URL: _unset, ...withoutBilling } = base;
    expect(() => loadConfig(withoutBilling)).toThrow(/BILLING_URL/);
    expect(() => loadConfig({ ...base, BILLING_URL: 'ftp://billing:8084' })).toThrow(/BILLING_URL/);
  });
});
