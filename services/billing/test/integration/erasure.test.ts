import { randomUUID } from 'node:crypto';
import { testEnvelope } from '@tourconnect/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectHarness, type ConnectHarness } from '../support/connect-harness.ts';

// GDPR: partners.partner.deletion_requested.v1 → billing deletes its members projection and the
// partner's name, keeps money records for legal retention, and confirms with
// billing.partner_data.erased.v1 (what partners waits for when billing is a PARTNER_DATA_HOLDER).
describe('partner erasure in billing', () => {
  let c: ConnectHarness;

  beforeAll(async () => {
    c = await startConnectHarness('billing_erasure');
  }, 60_000);
  afterAll(() => c?.close());

  const deletionRequested = (partnerId: string, requestedByUserId: string, requestId = randomUUID()) =>
    testEnvelope('partners.partner.deletion_requested.v1', { partnerId, requestId, requestedByUserId });
  const partnerRow = async (id: string) =>
    (await c.rows('SELECT name, status, legal_name, vat_id, country FROM billing.partners WHERE id = $1', [id]))[0];
  const confirmations = async (partnerId: string) =>
    (await c.published('billing.partner_data.erased.v1')).filter(
      (e) => (e.payload as { partnerId: string }).partnerId === partnerId,
    );

  it('without money records: members and every personal detail go; confirmed once even when delivered twice', async () => {
    const p = await c.partner({ name: 'Bellavista' });
    const manager = await c.member(p.partnerId, 'manager');
    const event = deletionRequested(p.partnerId, p.ownerId);
    await c.h.deliver(event, 2);
    expect(await c.rows('SELECT user_id FROM billing.members WHERE partner_id = $1', [p.partnerId])).toEqual([]);
    expect(await partnerRow(p.partnerId)).toEqual({
      name: '',
      status: 'deletion_requested',
      legal_name: null,
      vat_id: null,
      country: 'IT',
    });
    const confirmed = await confirmations(p.partnerId);
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({
      audience: [p.ownerId],
      payload: {
        partnerId: p.partnerId,
        requestId: (event.payload as { requestId: string }).requestId,
        service: 'billing',
        deletedRecords: 2,
        anonymisedRecords: 1,
      },
    });
    // The former members can no longer read anything of the partner.
    const res = await c.call('GET', '/api/billing/partner/payouts', { token: manager.token });
    expect(res.body.code).toBe('not_a_partner');
    // A late, older verification does not bring the name back.
    await c.h.deliver({
      ...testEnvelope('partners.partner.verified.v1', {
        partnerId: p.partnerId,
        ownerUserId: p.ownerId,
        type: 'agency',
        name: 'Bellavista',
        verifiedByUserId: randomUUID(),
        legalName: 'Bellavista S.r.l.',
      }),
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(await partnerRow(p.partnerId)).toMatchObject({ name: '', legal_name: null });
  });

  it('with an issued invoice and a Connect account: money records kept (counted), invoice details kept', async () => {
    const p = await c.partner({ name: 'Navigazione Lago' });
    const onboard = await c.call('POST', '/api/billing/connect/onboard', { token: p.ownerToken, body: {} });
    expect(onboard.status).toBe(200);
    await c.rows(
      `INSERT INTO billing.invoices (id, partner_id, number, period_start, period_end, currency, net_minor, vat_minor,
         total_minor, lines, partner_snapshot)
       VALUES ($1, $2, $3, '2026-11-01', '2026-11-30', 'EUR', 1000, 220, 1220, '[]', '{}')`,
      [randomUUID(), p.partnerId, `F-2026-${randomUUID().slice(0, 6)}`],
    );
    await c.h.deliver(deletionRequested(p.partnerId, p.ownerId));
    expect(await partnerRow(p.partnerId)).toEqual({
      name: '',
      status: 'deletion_requested',
      legal_name: 'Navigazione Lago S.r.l.',
      vat_id: 'IT00743110157',
      country: 'IT',
    });
    const [confirmed] = await confirmations(p.partnerId);
    // The owner's membership deleted; the partner row, the invoice and the account row kept.
    expect(confirmed?.payload).toMatchObject({ deletedRecords: 1, anonymisedRecords: 3 });
    expect(
      await c.rows('SELECT count(*)::int AS n FROM billing.partner_accounts WHERE partner_id = $1', [p.partnerId]),
    ).toEqual([{ n: 1 }]);
  });
});
