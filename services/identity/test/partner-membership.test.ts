import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessTransport, type EventEnvelope, type InProcessTransport } from '@tourconnect/events';
import { register, startIdentity, waitFor, type IdentityHarness } from './support/identity-harness.ts';
import { partnerRegistered } from './support/partner-events.ts';
import { deletionRequested, memberJoined, memberRemoved } from './support/partner-membership-events.ts';

const DURABLE = {
  'partners.partner.registered.v1': 'identity-grant-partner-role',
  'partners.member.joined.v1': 'identity-member-joined',
  'partners.member.removed.v1': 'identity-member-removed',
  'partners.partner.deletion_requested.v1': 'identity-partner-erasure',
} as Record<string, string>;

describe('partner membership events → partner role, and partner erasure', () => {
  let h: IdentityHarness;
  let transport: InProcessTransport;

  beforeAll(async () => {
    // No broker-side de-duplication: the consumers themselves must cope with redeliveries.
    transport = createInProcessTransport({ duplicateWindowMs: 0 });
    h = await startIdentity({ label: 'identity_partner_membership', transport });
  });
  afterAll(() => h.close());

  const rows = async (sql: string, params: unknown[] = []) => (await h.database.pool.query(sql, params)).rows;
  const durableOf = (event: EventEnvelope) => DURABLE[event.subject]!;
  /** Publishes the events and waits until their consumers have nothing left to do. */
  async function deliver(...events: EventEnvelope[]): Promise<void> {
    await Promise.all(events.map((event) => transport.publish(event)));
    for (const event of events) {
      await waitFor(
        () =>
          rows(`SELECT count(*)::int AS n FROM identity.event_inbox WHERE durable = $1 AND event_id = $2`, [
            durableOf(event),
            event.id,
          ]),
        (r) => r[0].n === 1,
      );
      await waitFor(
        () => Promise.resolve(transport.backlog('identity', durableOf(event))),
        (n) => n === 0,
      );
    }
  }
  const partnerRole = (userId: string) =>
    rows(`SELECT partner_id FROM identity.user_roles WHERE user_id = $1 AND role = 'partner'`, [userId]);
  const outbox = (subject: string, userId: string) =>
    rows(
      `SELECT envelope FROM identity.event_outbox WHERE subject = $1 AND envelope->'payload'->>'userId' = $2 ORDER BY created_at`,
      [subject, userId],
    );
  const newUserId = async () => (await register(h.app)).session.user.id as string;

  it('follows the newest membership when a move from A to B arrives out of order (joined B, then removed A)', async () => {
    const userId = await newUserId();
    const [partnerA, partnerB] = [randomUUID(), randomUUID()];
    await deliver(memberJoined(userId, partnerA));
    await deliver(memberJoined(userId, partnerB));
    expect(await partnerRole(userId)).toEqual([{ partner_id: partnerB }]);
    await deliver(memberRemoved(userId, partnerA));
    expect(await partnerRole(userId)).toEqual([{ partner_id: partnerB }]);
  });

  it('a member who joins gets the partner role for that partner, once under duplicate delivery', async () => {
    const userId = await newUserId();
    const partnerId = randomUUID();
    const event = memberJoined(userId, partnerId);
    await deliver(event, event, event);
    expect(await partnerRole(userId)).toEqual([{ partner_id: partnerId }]);
    const granted = await outbox('identity.user.role_granted.v1', userId);
    expect(granted).toHaveLength(1);
    expect(granted[0].envelope).toMatchObject({
      audience: [userId],
      correlationId: event.correlationId,
      payload: { userId, role: 'partner', partnerId },
    });
    const audit = await rows(
      `SELECT data FROM identity.audit_log WHERE action = 'user.role_granted' AND entity_id = $1`,
      [userId],
    );
    expect(audit).toEqual([{ data: { role: 'partner', partnerId, cause: event.id } }]);
  });

  it('a removal revokes the role only for the partner it names; a stale one changes nothing', async () => {
    const userId = await newUserId();
    const partnerId = randomUUID();
    await deliver(memberJoined(userId, partnerId, 'viewer'));

    await deliver(memberRemoved(userId, randomUUID()));
    expect(await partnerRole(userId)).toEqual([{ partner_id: partnerId }]);
    expect(await outbox('identity.user.role_revoked.v1', userId)).toEqual([]);

    const removal = memberRemoved(userId, partnerId);
    await deliver(removal, removal);
    expect(await partnerRole(userId)).toEqual([]);
    expect(await rows(`SELECT role FROM identity.user_roles WHERE user_id = $1`, [userId])).toEqual([
      { role: 'traveller' },
    ]);
    const revoked = await outbox('identity.user.role_revoked.v1', userId);
    expect(revoked).toHaveLength(1);
    expect(revoked[0].envelope).toMatchObject({
      audience: [userId],
      payload: { userId, role: 'partner', partnerId },
    });
  });

  it('a deletion request revokes the role of every member, confirms once to the requester, and ignores redelivery', async () => {
    const partnerId = randomUUID();
    const otherPartnerId = randomUUID();
    const [owner, manager, viewer, outsider] = await Promise.all([newUserId(), newUserId(), newUserId(), newUserId()]);
    await deliver(
      partnerRegistered(owner, partnerId),
      memberJoined(manager, partnerId, 'manager'),
      memberJoined(viewer, partnerId, 'viewer'),
      memberJoined(outsider, otherPartnerId),
    );
    const requestId = randomUUID();
    const request = deletionRequested(partnerId, owner, requestId);
    await deliver(request);

    expect(await rows(`SELECT user_id FROM identity.user_roles WHERE partner_id = $1`, [partnerId])).toEqual([]);
    for (const userId of [owner, manager, viewer]) {
      expect(await outbox('identity.user.role_revoked.v1', userId), userId).toHaveLength(1);
    }
    expect(await partnerRole(outsider)).toEqual([{ partner_id: otherPartnerId }]);
    const erased = await rows(`SELECT envelope FROM identity.event_outbox WHERE subject = $1`, [
      'identity.partner_data.erased.v1',
    ]);
    expect(erased).toHaveLength(1);
    expect(erased[0].envelope).toMatchObject({
      subject: 'identity.partner_data.erased.v1',
      producer: 'identity',
      audience: [owner],
      correlationId: request.correlationId,
      payload: { partnerId, requestId, service: 'identity', deletedRecords: 3 },
    });

    await deliver(request, request);
    expect(
      await rows(`SELECT count(*)::int AS n FROM identity.event_outbox WHERE subject = $1`, [
        'identity.partner_data.erased.v1',
      ]),
    ).toEqual([{ n: 1 }]);
    for (const userId of [owner, manager, viewer]) {
      expect(await outbox('identity.user.role_revoked.v1', userId), userId).toHaveLength(1);
    }
    expect(
      await rows(`SELECT data FROM identity.audit_log WHERE action = 'partner_data.erased' AND entity_id = $1`, [
        partnerId,
      ]),
    ).toEqual([{ data: { requestId, revokedRoles: 3 } }]);
  });

  it('a join or registration that arrives after the erasure (on its own consumer) grants nothing', async () => {
    const [member, owner] = [await newUserId(), await newUserId()];
    const partnerId = randomUUID();
    await deliver(deletionRequested(partnerId, owner, randomUUID()));
    await deliver(memberJoined(member, partnerId), partnerRegistered(owner, partnerId));
    expect(await partnerRole(member)).toEqual([]);
    expect(await partnerRole(owner)).toEqual([]);
  });

  it('dead-letters a joined event whose user does not exist', async () => {
    const ghost = randomUUID();
    const event = memberJoined(ghost, randomUUID());
    await transport.publish(event);
    const [letter] = await waitFor(
      () => rows(`SELECT durable, subject, error FROM identity.event_dead_letters WHERE event_id = $1`, [event.id]),
      (r) => r.length === 1,
    );
    expect(letter).toMatchObject({ durable: 'identity-member-joined', subject: 'partners.member.joined.v1' });
    expect(letter.error).toMatch(/not a user/);
    expect(await rows(`SELECT 1 FROM identity.user_roles WHERE user_id = $1`, [ghost])).toEqual([]);
    expect(await rows(`SELECT 1 FROM identity.event_inbox WHERE event_id = $1`, [event.id])).toEqual([]);
  });
});
