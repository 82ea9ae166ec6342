import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, upload } from '../support/files.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

// The checks an admin relies on before opening a document: a VAT id already used by another
// partner, and the same file bytes uploaded twice. Partners see that a warning exists; only
// the admin sees who else is involved.
describe('automated checks: duplicate VAT ids and duplicate files', () => {
  let p: PartnersHarness;
  let first: TestUser;
  let second: TestUser;
  let admin: TestUser;
  let firstId: string;
  let secondId: string;
  const check = (checks: { code: string; status: string }[], code: string) => checks.find((c) => c.code === code);
  const shared = pdf('The very same registration extract');

  beforeAll(async () => {
    p = await startPartnersHarness('partners_checks');
    [first, second, admin] = await Promise.all([p.user('first'), p.user('second'), p.admin()]);
    const body = { type: 'ota', country: 'DE', vatId: 'DE136695976' };
    firstId = (await p.call('POST', '/api/partners/register', { ...as(first), body: { ...body, name: 'First OTA' } }))
      .body.partner.id;
    secondId = (
      await p.call('POST', '/api/partners/register', { ...as(second), body: { ...body, name: 'Second OTA' } })
    ).body.partner.id;
    for (const user of [first, second]) {
      const res = await p.call('POST', '/api/partners/me/documents', {
        ...as(user),
        form: upload({ kind: 'business_registration' }, shared),
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => p?.close());

  it('tells the partner its VAT id is already in use, without saying by whom', async () => {
    const me = await p.call('GET', '/api/partners/me', as(second));
    expect(check(me.body.checks, 'vat_duplicate')).toEqual({ code: 'vat_duplicate', status: 'warn' });
    expect(JSON.stringify(me.body.checks)).not.toContain(firstId);
    expect(JSON.stringify(me.body.checks)).not.toContain('First OTA');
  });

  it('shows the admin the other partner by name and status', async () => {
    const detail = await p.call('GET', `/api/admin/partners/${secondId}`, as(admin));
    expect(check(detail.body.checks, 'vat_duplicate')).toEqual({
      code: 'vat_duplicate',
      status: 'warn',
      partnerIds: [firstId],
      partners: [{ id: firstId, name: 'First OTA', status: 'draft' }],
    });
  });

  it("flags the partner's own document whose bytes another partner uploaded too", async () => {
    const docs = await p.call('GET', '/api/partners/me/documents', as(second));
    const me = await p.call('GET', '/api/partners/me', as(second));
    expect(check(me.body.checks, 'duplicate_files')).toEqual({
      code: 'duplicate_files',
      status: 'warn',
      documentIds: [docs.body.items[0].id],
      // Which slot it fills and which slot it repeats; another partner's document stays anonymous.
      duplicates: [
        {
          documentId: docs.body.items[0].id,
          kind: 'business_registration',
          duplicateOf: [{ kind: 'business_registration', samePartner: false }],
        },
      ],
    });
  });

  it('passes both checks for a partner with its own VAT id and files', async () => {
    const third = await p.user('third');
    await p.call('POST', '/api/partners/register', {
      ...as(third),
      body: { type: 'ota', name: 'Third OTA', country: 'NL', vatId: 'NL004495445B01' },
    });
    await p.call('POST', '/api/partners/me/documents', {
      ...as(third),
      form: upload({ kind: 'business_registration' }, pdf('Third OTA extract')),
    });
    const me = await p.call('GET', '/api/partners/me', as(third));
    expect(check(me.body.checks, 'vat_duplicate')?.status).toBe('pass');
    expect(check(me.body.checks, 'duplicate_files')?.status).toBe('pass');
    expect(check(me.body.checks, 'vat_format')?.status).toBe('pass');
  });
});
