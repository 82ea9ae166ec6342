import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tourconnect/events';
import { testEnvelope } from '@tourconnect/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectHarness, type ConnectHarness } from '../support/connect-harness.ts';

// partners' events → billing's partners and members projections: who may onboard to Connect
// and read a partner's money, and the details invoices print. Every event is delivered twice
// (the harness's transport has no de-duplication window).
describe("partners' events → billing's partners and members", () => {
  let c: ConnectHarness;

  beforeAll(async () => {
    c = await startConnectHarness('billing_partner_projection');
  }, 60_000);
  afterAll(() => c?.close());

  const ids = () => ({ partnerId: randomUUID(), ownerUserId: randomUUID() });
  const registered = (p: { partnerId: string; ownerUserId: string }, name = 'Lago Blu Tours') =>
    testEnvelope('partners.partner.registered.v1', { ...p, type: 'agency', name });
  const verified = (p: { partnerId: string; ownerUserId: string }, legal = true) =>
    testEnvelope('partners.partner.verified.v1', {
      ...p,
      type: 'agency',
      name: 'Lago Blu Tours',
      verifiedByUserId: randomUUID(),
      ...(legal ? { legalName: 'Lago Blu S.r.l.', vatId: 'IT00743110157', country: 'IT' } : {}),
    });
  const partner = async (id: string) =>
    (
      await c.rows(
        'SELECT name, type, status, verified, legal_name, vat_id, country FROM billing.partners WHERE id = $1',
        [id],
      )
    )[0];
  const membersOf = (partnerId: string) =>
    c.rows('SELECT user_id, role FROM billing.members WHERE partner_id = $1 ORDER BY role, user_id', [partnerId]);
  const twice = async (event: EventEnvelope) => {
    await c.h.deliver(event, 2);
    const rows = await c.rows('SELECT count(*)::int AS n FROM billing.event_inbox WHERE event_id = $1', [event.id]);
    expect(rows, `${event.subject} handled once`).toEqual([{ n: 1 }]);
  };

  it('registered, then verified (each twice): a draft with its owner, then verified with the invoice details', async () => {
    const p = ids();
    await twice(registered(p));
    expect(await partner(p.partnerId)).toEqual({
      name: 'Lago Blu Tours',
      type: 'agency',
      status: 'draft',
      verified: false,
      legal_name: null,
      vat_id: null,
      country: null,
    });
    expect(await membersOf(p.partnerId)).toEqual([{ user_id: p.ownerUserId, role: 'owner' }]);
    await twice(verified(p));
    expect(await partner(p.partnerId)).toMatchObject({
      status: 'verified',
      verified: true,
      legal_name: 'Lago Blu S.r.l.',
      vat_id: 'IT00743110157',
      country: 'IT',
    });
  });

  it.each([
    ['submitted (legal change)', 'pending_review'],
    ['rejected', 'rejected'],
    ['suspended', 'suspended'],
  ])('a verified partner %s (twice) is no longer verified and cannot onboard', async (label, status) => {
    const p = ids();
    await c.h.deliver(registered(p));
    await c.h.deliver(verified(p));
    const event =
      label === 'rejected'
        ? testEnvelope('partners.partner.rejected.v1', { ...p, rejectedByUserId: randomUUID(), reason: 'Unreadable' })
        : label === 'suspended'
          ? testEnvelope('partners.partner.suspended.v1', { ...p, suspendedByUserId: randomUUID(), reason: 'Review' })
          : testEnvelope('partners.partner.submitted.v1', {
              ...p,
              type: 'agency',
              name: 'Lago Blu Tours',
              reason: 'legal_details_changed',
            });
    await twice(event);
    expect(await partner(p.partnerId)).toMatchObject({ status, verified: false, legal_name: 'Lago Blu S.r.l.' });
    const token = await c.h.tokens.sign({ id: p.ownerUserId, roles: ['partner'] });
    const res = await c.call('POST', '/api/billing/connect/onboard', { token, body: {} });
    expect(res.body.code).toBe('partner_not_verified');
  });

  it('an older event arriving late changes nothing that a newer one said', async () => {
    const p = ids();
    await c.h.deliver(registered(p));
    const older = verified(p);
    const suspended = testEnvelope('partners.partner.suspended.v1', {
      ...p,
      suspendedByUserId: randomUUID(),
      reason: 'Review',
    });
    await c.h.deliver(suspended);
    await c.h.deliver({ ...older, occurredAt: new Date(Date.now() - 60_000).toISOString() });
    // Still suspended, but the details only the older verification carried are kept for invoices.
    expect(await partner(p.partnerId)).toMatchObject({ status: 'suspended', verified: false, country: 'IT' });
  });

  it('members join and leave (twice); the owner hands over and stays on as a manager', async () => {
    const p = ids();
    await c.h.deliver(registered(p));
    const [manager, viewer, next] = [randomUUID(), randomUUID(), randomUUID()];
    await twice(
      testEnvelope('partners.member.joined.v1', { partnerId: p.partnerId, userId: manager, role: 'manager' }),
    );
    await twice(testEnvelope('partners.member.joined.v1', { partnerId: p.partnerId, userId: viewer, role: 'viewer' }));
    await twice(testEnvelope('partners.member.removed.v1', { partnerId: p.partnerId, userId: viewer }));
    await twice(testEnvelope('partners.member.joined.v1', { partnerId: p.partnerId, userId: next, role: 'manager' }));
    await twice(
      testEnvelope('partners.partner.owner_changed.v1', {
        partnerId: p.partnerId,
        ownerUserId: next,
        previousOwnerUserId: p.ownerUserId,
        changedByUserId: p.ownerUserId,
      }),
    );
    const expected = [
      { user_id: manager, role: 'manager' },
      { user_id: p.ownerUserId, role: 'manager' },
      { user_id: next, role: 'owner' },
    ].sort((a, b) => (a.role === b.role ? a.user_id.localeCompare(b.user_id) : a.role.localeCompare(b.role)));
    expect(await membersOf(p.partnerId)).toEqual(expected);
  });

  it('deleted (twice): a deleted row without members (money records keep its id)', async () => {
    const p = ids();
    await c.h.deliver(registered(p));
    await c.h.deliver(verified(p));
    await twice(testEnvelope('partners.partner.deleted.v1', { partnerId: p.partnerId, requestId: randomUUID() }));
    expect(await partner(p.partnerId)).toMatchObject({ status: 'deleted', verified: false });
    expect(await membersOf(p.partnerId)).toEqual([]);
    expect(await c.rows('SELECT count(*)::int AS n FROM billing.event_dead_letters')).toEqual([{ n: 0 }]);
  });
});
