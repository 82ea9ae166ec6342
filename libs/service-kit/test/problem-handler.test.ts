import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, createService, type ServiceApp } from '../src/index.ts';

describe('problem+json error handling', () => {
  let app: ServiceApp;
  const written: unknown[] = [];

  beforeAll(async () => {
    app = await createService({ name: 'probe', logLevel: 'silent' });
    const body = z.strictObject({ email: z.email(), age: z.number().int().min(18) });
    app.post('/things', { schema: { body } }, async (request, reply) => {
      written.push(request.body);
      return reply.status(201).send({ ok: true });
    });
    app.get('/conflict', async () => {
      throw new AppError(409, 'email_taken', 'An account with this e-mail already exists');
    });
    app.get('/boom', async () => {
      throw new Error('connection to db-primary.internal:5432 refused (password=hunter2)');
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/things', payload, headers: { 'content-type': contentType } });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ email: 'a@b.co', age: 30 }));
    expect(res.statusCode).toBe(201);
  });

  it.each([
    ['malformed JSON', () => post('{"email": '), 400, 'malformed_json'],
    ['empty JSON body', () => post(''), 400, 'malformed_json'],
    [
      'wrong content type',
      () => post('email=a@b.co', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    ],
    [
      'oversized body',
      () => post(JSON.stringify({ email: 'a@b.co', age: 30, pad: 'x'.repeat(1_100_000) })),
      413,
      'payload_too_large',
    ],
  ])('%s → problem+json with a stable code, nothing written', async (_name, send, status, code) => {
    const before = written.length;
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, code, type: expect.stringContaining(code.replace(/_/g, '-')) });
    expect(written.length).toBe(before);
  });

  it('lists each invalid field: unknown fields, wrong types, invalid e-mail', async () => {
    const res = await post(JSON.stringify({ email: 'not-an-email', age: '30', admin: true }));
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('validation_failed');
    const byPath = Object.fromEntries(problem.errors.map((e: { path: string; code: string }) => [e.path, e.code]));
    expect(byPath['body.email']).toBeDefined();
    expect(byPath['body.age']).toBe('invalid_type');
    expect(
      problem.errors.some(
        (e: { code: string; message: string }) => e.code === 'unrecognized_keys' && e.message.includes('admin'),
      ),
    ).toBe(true);
  });

  it('maps domain errors to their status and code', async () => {
    const res = await app.inject({ method: 'GET', url: '/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'email_taken', detail: 'An account with this e-mail already exists' });
  });

  it('never leaks internals in a 5xx', async () => {
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('internal_error');
    expect(res.body).not.toMatch(/db-primary|hunter2|Error:|at /);
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/nowhere?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'not_found', instance: '/nowhere' });
  });

  it('echoes a safe request id and invents one otherwise', async () => {
    const mine = await app.inject({ method: 'GET', url: '/livez', headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers['x-request-id']).toBe('abc-123');
    const evil = await app.inject({ method: 'GET', url: '/livez', headers: { 'x-request-id': 'a b\nc' } });
    expect(evil.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/livez' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('JSON only', () => {
  it('refuses a text/plain body with 415 instead of parsing it as a string', async () => {
    const app = await createService({ name: 'probe', logLevel: 'silent' });
    app.post('/echo', async (request) => ({ got: request.body }));
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
    await app.close();
  });
});
