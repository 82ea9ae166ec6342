import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tourconnect/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSellable } from '../../src/domain/sellable.ts';
import { givenMember, givenPartner } from '../support/builders.ts';
import { startBundlingHarness, type BundlingHarness } from '../support/harness.ts';
import { partnerEvents, type PartnerFixture } from '../support/partner-events.ts';

describe("partners' events → bundling's partners and members projections", () => {
  let h: BundlingHarness;

  beforeAll(async () => {
    // The harness's transport has no de-duplication window: every consumer must cope itself.
    h = await startBundlingHarness('bundling_projection');
  });
  afterAll(() => h?.close());

  const fixture = (): PartnerFixture => ({
    partnerId: randomUUID(),
    ownerUserId: randomUUID(),
    name: 'Lago Blu Tours',
    type: 'agency',
  });
  const partner = async (id: string) =>
    (
      await h.rows<{ name: string; type: string; status: string; verified: boolean }>(
        `SELECT name, type, status, verified FROM bundling.partners WHERE id = $1`,
        [id],
      )
    )[0];
  const membersOf = (partnerId: string) =>
    h.rows(`SELECT user_id, role FROM bundling.members WHERE partner_id = $1 ORDER BY role, user_id`, [partnerId]);
  const handledOnce = async (event: EventEnvelope) => {
    const rows = await h.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM bundling.event_inbox WHERE event_id = $1`,
      [event.id],
    );
    expect(rows, `${event.subject} handled once`).toEqual([{ n: 1 }]);
  };
  const twice = async (event: EventEnvelope) => {
    await h.deliver(event, 2);
    await handledOnce(event);
  };
  const deadLetters = async () =>
    (await h.rows<{ n: number }>(`SELECT count(*)::int AS n FROM bundling.event_dead_letters`))[0]!.n;

  it('registered (twice): a draft partner, not sellable, with its owner as member', async () => {
    const p = fixture();
    await twice(partnerEvents.registered(p));
    expect(await partner(p.partnerId)).toEqual({
      name: 'Lago Blu Tours',
      type: 'agency',
      status: 'draft',
      verified: false,
    });
    expect(await membersOf(p.partnerId)).toEqual([{ user_id: p.ownerUserId, role: 'owner' }]);
    expect(isSellable(await partner(p.partnerId))).toBe(false);
  });

  it('submitted, then verified (each twice): pending review, then verified and sellable', async () => {
    const p = fixture();
    await h.deliver(partnerEvents.registered(p));
    await twice(partnerEvents.submitted(p));
    expect(await partner(p.partnerId)).toMatchObject({ status: 'pending_review', verified: false });
    await twice(partnerEvents.verified(p));
    expect(await partner(p.partnerId)).toMatchObject({ status: 'verified', verified: true });
    expect(isSellable(await partner(p.partnerId))).toBe(true);
  });

  it.each([
    ['rejected', partnerEvents.rejected, 'rejected'],
    ['suspended', partnerEvents.suspended, 'suspended'],
    ['deletion requested', partnerEvents.deletionRequested, 'deletion_requested'],
    [
      'back in review after a legal change',
      (p: PartnerFixture) => partnerEvents.submitted(p, 'legal_details_changed'),
      'pending_review',
    ],
  ])('a verified partner %s (twice) loses its badge and sells nothing', async (_label, event, status) => {
    const p = fixture();
    for (const e of [partnerEvents.registered, partnerEvents.submitted, partnerEvents.verified]) await h.deliver(e(p));
    await twice(event(p));
    const row = await partner(p.partnerId);
    expect(row).toMatchObject({ status, verified: false, name: 'Lago Blu Tours' });
    expect(isSellable(row)).toBe(false);
  });

  it('reinstated after a suspension (partners publishes verified again): sellable again', async () => {
    const p = fixture();
    for (const e of [
      partnerEvents.registered,
      partnerEvents.submitted,
      partnerEvents.verified,
      partnerEvents.suspended,
    ])
      await h.deliver(e(p));
    await h.deliver(partnerEvents.verified(p));
    expect(isSellable(await partner(p.partnerId))).toBe(true);
  });

  it('deleted (twice): the partner stays as a deleted row and its members are gone', async () => {
    const p = fixture();
    const manager = randomUUID();
    await h.deliver(partnerEvents.registered(p));
    await h.deliver(partnerEvents.memberJoined(p.partnerId, manager, 'manager'));
    await twice(partnerEvents.deleted(p));
    expect(await partner(p.partnerId)).toMatchObject({ status: 'deleted', verified: false });
    expect(await membersOf(p.partnerId)).toEqual([]);
  });

  it('member joined and removed (each twice)', async () => {
    const p = fixture();
    const viewer = randomUUID();
    await h.deliver(partnerEvents.registered(p));
    await twice(partnerEvents.memberJoined(p.partnerId, viewer, 'viewer'));
    expect(await membersOf(p.partnerId)).toEqual(
      expect.arrayContaining([
        { user_id: viewer, role: 'viewer' },
        { user_id: p.ownerUserId, role: 'owner' },
      ]),
    );
    await twice(partnerEvents.memberRemoved(p.partnerId, viewer));
    expect(await membersOf(p.partnerId)).toEqual([{ user_id: p.ownerUserId, role: 'owner' }]);
  });

  it('a user who moves to another partner acts for the newest one; removal from the old one leaves it', async () => {
    const [a, b] = [fixture(), fixture()];
    const user = randomUUID();
    await h.deliver(partnerEvents.memberJoined(a.partnerId, user, 'manager'));
    await h.deliver(partnerEvents.memberJoined(b.partnerId, user, 'viewer'));
    await h.deliver(partnerEvents.memberRemoved(a.partnerId, user));
    expect(await h.rows(`SELECT partner_id, role FROM bundling.members WHERE user_id = $1`, [user])).toEqual([
      { partner_id: b.partnerId, role: 'viewer' },
    ]);
  });

  it('an older event arriving late does not undo a newer one (verified, then a late submitted)', async () => {
    const p = fixture();
    const registered = partnerEvents.registered(p);
    const submitted = partnerEvents.submitted(p);
    const verified = partnerEvents.verified(p);
    // The submission happened first, but is delivered after the verification.
    submitted.occurredAt = new Date(Date.parse(verified.occurredAt) - 60_000).toISOString();
    registered.occurredAt = new Date(Date.parse(verified.occurredAt) - 120_000).toISOString();
    await h.deliver(verified);
    await h.deliver(submitted);
    await h.deliver(registered);
    expect(await partner(p.partnerId)).toMatchObject({ status: 'verified', verified: true, name: 'Lago Blu Tours' });
    // The owner still arrives from the late registration.
    expect(await membersOf(p.partnerId)).toEqual([{ user_id: p.ownerUserId, role: 'owner' }]);
  });

  it('a status event for a partner not yet seen creates it; the name arrives with a later event', async () => {
    const p = fixture();
    await h.deliver(partnerEvents.suspended(p));
    expect(await partner(p.partnerId)).toEqual({ name: '', type: '', status: 'suspended', verified: false });
    const registered = partnerEvents.registered(p);
    registered.occurredAt = new Date(Date.now() - 60_000).toISOString();
    await h.deliver(registered);
    expect(await partner(p.partnerId)).toEqual({
      name: 'Lago Blu Tours',
      type: 'agency',
      status: 'suspended',
      verified: false,
    });
  });

  it('the builders: givenPartner / givenMember set up a verified partner and its members in one line', async () => {
    const a = await givenPartner(h);
    const draft = await givenPartner(h, { verified: false, name: 'Draft Co' });
    const viewer = await givenMember(h, a, 'viewer');
    expect(await partner(a.partnerId)).toMatchObject({ status: 'verified', verified: true });
    expect(await partner(draft.partnerId)).toMatchObject({ status: 'draft', verified: false, name: 'Draft Co' });
    expect(await membersOf(a.partnerId)).toEqual(
      expect.arrayContaining([
        { user_id: a.owner.id, role: 'owner' },
        { user_id: viewer.id, role: 'viewer' },
      ]),
    );
    await a.emit(partnerEvents.suspended);
    expect(isSellable(await partner(a.partnerId))).toBe(false);
    expect(await deadLetters()).toBe(0);
  });
});
