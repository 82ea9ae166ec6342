import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnvelope } from '@tourconnect/service-kit/testing';
import { registerPartner, uploadDocument } from '../support/builders.ts';
import { pdf, png, upload } from '../support/files.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

// `<holder>.partner_data.erased.v1` (identity's, the one holder today): a holder confirms it
// erased its part of a partner; on the last confirmation partners erases itself. A broker may
// deliver a confirmation twice: the erasure, its audit entry and partners.partner.deleted.v1
// must each happen once.
describe('erasure confirmations from partner data holders (identity.partner_data.erased.v1)', () => {
  let p: PartnersHarness;
  let owner: TestUser;
  let partnerId: string;
  let requestId: string;

  const confirmation = (partner: string, request: string) =>
    testEnvelope('identity.partner_data.erased.v1', {
      partnerId: partner,
      requestId: request,
      service: 'identity',
      deletedRecords: 1,
      anonymisedRecords: 0,
    });
  const count = async (sql: string, params: unknown[] = []) => (await p.rows<{ n: number }>(sql, params))[0]!.n;
  const deadLetters = () =>
    p.rows<{ event_id: string }>(
      `SELECT event_id FROM partners.event_dead_letters WHERE subject = $1 ORDER BY dead_at`,
      ['identity.partner_data.erased.v1'],
    );

  beforeAll(async () => {
    p = await startPartnersHarness('partners_data_erased');
    owner = await p.user('owner');
    partnerId = await registerPartner(p, owner, { type: 'ota', name: 'Twice Told Travel', country: 'DE' });
    await uploadDocument(p, owner, 'business_registration', pdf('Twice Told registration'));
    const logo = await p.call('POST', '/api/partners/me/logo', {
      ...as(owner),
      form: upload({}, png([5, 5, 5]), 'logo.png', 'image/png'),
    });
    if (logo.status !== 200) throw new Error(`logo: ${logo.status} ${JSON.stringify(logo.body)}`);
    const res = await p.call('DELETE', '/api/partners/me', {
      ...as(owner),
      body: { confirmName: 'Twice Told Travel' },
    });
    if (res.status !== 202) throw new Error(`delete: ${res.status} ${JSON.stringify(res.body)}`);
    requestId = res.body.id;
  });
  afterAll(() => p?.close());

  it('a confirmation for a request that does not exist is dead-lettered and changes nothing', async () => {
    await p.deliver(confirmation(partnerId, randomUUID()), 2);
    // Another partner's id on this request is as unknown as a request that does not exist.
    await p.deliver(confirmation(randomUUID(), requestId), 1);
    // One dead letter per event, however often it was delivered.
    expect(await deadLetters()).toHaveLength(2);
    const progress = await p.call('GET', '/api/partners/me/deletion', as(owner));
    expect(progress.body).toMatchObject({ id: requestId, status: 'in_progress' });
    expect(progress.body.services.map((s: { status: string }) => s.status)).toEqual(['pending', 'pending']);
    expect((await p.files()).filter((file) => file.includes(partnerId))).toHaveLength(2);
  });

  it('delivered twice, the last confirmation erases the partner once, audits once and announces once', async () => {
    await p.deliver(confirmation(partnerId, requestId), 2);

    const done = await p.call('GET', '/api/partners/me/deletion', as(owner));
    expect(done.body).toMatchObject({ id: requestId, status: 'completed', partnerName: '' });
    expect(done.body.services).toEqual([
      expect.objectContaining({ service: 'identity', status: 'confirmed' }),
      expect.objectContaining({ service: 'partners', status: 'confirmed' }),
    ]);
    expect(await p.rows(`SELECT status, name FROM partners.partners WHERE id = $1`, [partnerId])).toEqual([
      { status: 'deleted', name: 'Deleted partner' },
    ]);
    expect((await p.files()).filter((file) => file.includes(partnerId))).toEqual([]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM partners.audit_log WHERE action = 'partner.erased' AND entity_id = $1`,
        [partnerId],
      ),
    ).toBe(1);
    const deleted = await p.published('partners.partner.deleted.v1');
    expect(deleted.map((envelope) => envelope.payload)).toEqual([{ partnerId, requestId }]);
    // Only the two unknown confirmations of the first test were dead-lettered.
    expect(await deadLetters()).toHaveLength(2);
  });

  it('a later confirmation of a completed request (a holder re-sending it) changes nothing', async () => {
    const audit = await count(`SELECT count(*)::int AS n FROM partners.audit_log`);
    await p.deliver(confirmation(partnerId, requestId), 1);
    expect(await count(`SELECT count(*)::int AS n FROM partners.audit_log`)).toBe(audit);
    expect(await p.published('partners.partner.deleted.v1')).toHaveLength(1);
    expect(await deadLetters()).toHaveLength(2);
  });
});
