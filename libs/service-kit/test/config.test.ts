import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigSchema, ConfigError, parseConfig } from '../src/config.ts';

const valid = {
  PORT: '8081',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tourconnect',
  NATS_URL: 'nats://127.0.0.1:4222',
};

describe('config', () => {
  it('reads and types the environment once', () => {
    const config = parseConfig('identity', baseConfigSchema, valid);
    expect(config.PORT).toBe(8081);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names a missing variable', () => {
    const { DATABASE_URL: _omit, ...env } = valid;
    expect(() => parseConfig('identity', baseConfigSchema, env)).toThrowError(/DATABASE_URL: is required but not set/);
  });

  it('names every malformed variable', () => {
    try {
      parseConfig('identity', baseConfigSchema, {
        ...valid,
        PORT: 'eighty',
        NATS_URL: 'http://nats',
        DATABASE_URL: 'mysql://x/y',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((p) => p.variable).sort();
      expect(names).toEqual(['DATABASE_URL', 'NATS_URL', 'PORT']);
    }
  });

  it('sizes the database pool from DATABASE_POOL_MAX, 10 unless set, and refuses a size it cannot use', () => {
    expect(parseConfig('bundling', baseConfigSchema, valid).DATABASE_POOL_MAX).toBe(10);
    expect(parseConfig('bundling', baseConfigSchema, { ...valid, DATABASE_POOL_MAX: '24' }).DATABASE_POOL_MAX).toBe(24);
    for (const bad of ['0', '-3', '2.5', 'many', '201']) {
      expect(() => parseConfig('bundling', baseConfigSchema, { ...valid, DATABASE_POOL_MAX: bad })).toThrowError(
        /DATABASE_POOL_MAX/,
      );
    }
  });

  it('lets services extend the base schema with their own variables', () => {
    const schema = baseConfigSchema.extend({ ADMIN_EMAIL: z.string().email() });
    expect(() => parseConfig('identity', schema, valid)).toThrowError(/ADMIN_EMAIL/);
    expect(parseConfig('identity', schema, { ...valid, ADMIN_EMAIL: 'a@b.co' }).ADMIN_EMAIL).toBe('a@b.co');
  });
});
