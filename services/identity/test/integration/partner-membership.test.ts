import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@tourconnect/events';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { register } from '../support/http.ts';
import { deletionRequested, memberJoined, memberRemoved, partnerRegistered } from '../support/partner-events.ts';
import { rowsOf } from '../support/rows.ts';

const DURABLE = {
  'partners.partner.registered.v1': 'identity-grant-partner-role',
  'partners.member.joined.v1': 'identity-member-joined',
  'partners.member.removed.v1': 'identity-member-removed',
  'partners.partner.deletion_requested.v1': 'identity-partner-erasure',
} as Record<string, string>;

describe('partner membership events → partner role, and partner erasure', () => {
  let h: IdentityHarness;

  beforeAll(async () => {
    // The harness's transport has no de-duplication window: the consumers must cope with redeliveries.
    h = await startIdentity({ label: 'identity_partner_membership' });
  });
  afterAll(() => h.close());

  const rows = (sql: string, params: unknown[] = []) => rowsOf(h.database, sql, params);
  /** Hands each event to its consumer `times` times and checks its durable handled it (once, in the inbox). */
  async function deliver(events: EventEnvelope | EventEnvelope[], times = 1): Promise<void> {
    for (const event of [events].flat()) {
      await h.deliver(event, times);
      const inbox = await rows(
        `SELECT count(*)::int AS n FROM identity.event_inbox WHERE durable = $1 AND event_id = $2`,
        [DURABLE[event.subject], event.id],
      );
      expect(inbox, `${event.subject} handled by ${DURABLE[event.subject]}`).toEqual([{ n: 1 }]);
    }
  }
  const partnerRole = (userId: string) =>
    rows(`SELECT partner_id FROM identity.user_roles WHERE user_id = $1 AND role = 'partner'`, [userId]);
  const outbox = (subject: string, userId: string) =>
    rows(
      `SELECT envelope FROM identity.event_outbox WHERE subject = $1 AND envelope->'payload'->>'userId' = $2 ORDER BY created_at`,
      [subject, userId],
    );
  const revocationAudit = (userId: string) =>
    rows(`SELECT data, correlation_id FROM identity.audit_log WHERE action = 'user.role_revoked' AND entity_id = $1`, [
      userId,
    ]);
  const newUserId = async () => (await register(h.app)).session.user.id as string;

  it('follows the newest membership when a move from A to B arrives out of order (joined B, then removed A)', async () => {
    const userId = await newUserId();
    const [partnerA, partnerB] = [randomUUID(), randomUUID()];
    await deliver(memberJoined(userId, partnerA));
    const joinedB = memberJoined(userId, partnerB);
    await deliver(joinedB);
    expect(await partnerRole(userId)).toEqual([{ partner_id: partnerB }]);
    // Losing A is a revocation like any other: announced (the portal refreshes) and audited.
    const revoked = await outbox('identity.user.role_revoked.v1', userId);
    expect(revoked.map((r) => r.envelope.payload)).toEqual([{ userId, role: 'partner', partnerId: partnerA }]);
    expect(revoked[0].envelope).toMatchObject({ audience: [userId], correlationId: joinedB.correlationId });
    expect(await revocationAudit(userId)).toEqual([
      { data: { role: 'partner', partnerId: partnerA, cause: joinedB.id }, correlation_id: joinedB.correlationId },
    ]);

    await deliver(memberRemoved(userId, partnerA), 2);
    expect(await partnerRole(userId)).toEqual([{ partner_id: partnerB }]);
    expect(await outbox('identity.user.role_revoked.v1', userId)).toHaveLength(1);
  });

  it('a member who joins gets the partner role for that partner, once under duplicate delivery', async () => {
    const userId = await newUserId();
    const partnerId = randomUUID();
    const event = memberJoined(userId, partnerId);
    await deliver(event, 3);
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
    await deliver(removal, 2);
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
    expect(await revocationAudit(userId)).toEqual([
      { data: { role: 'partner', partnerId, cause: removal.id }, correlation_id: removal.correlationId },
    ]);
  });

  it('a deletion request revokes the role of every member, confirms once to the requester, and ignores redelivery', async () => {
    const partnerId = randomUUID();
    const otherPartnerId = randomUUID();
    const [owner, manager, viewer, outsider] = await Promise.all([newUserId(), newUserId(), newUserId(), newUserId()]);
    await deliver([
      partnerRegistered(owner, partnerId),
      memberJoined(manager, partnerId, 'manager'),
      memberJoined(viewer, partnerId, 'viewer'),
      memberJoined(outsider, otherPartnerId),
    ]);
    const requestId = randomUUID();
    const request = deletionRequested(partnerId, owner, requestId);
    await deliver(request);

    expect(await rows(`SELECT user_id FROM identity.user_roles WHERE partner_id = $1`, [partnerId])).toEqual([]);
    // Each revocation goes through revokeRole: one role_revoked event and one audit entry per member.
    for (const userId of [owner, manager, viewer]) {
      const revoked = await outbox('identity.user.role_revoked.v1', userId);
      expect(
        revoked.map((r) => r.envelope.payload),
        userId,
      ).toEqual([{ userId, role: 'partner', partnerId }]);
      expect(revoked[0].envelope).toMatchObject({ audience: [userId], correlationId: request.correlationId });
      expect(await revocationAudit(userId), userId).toEqual([
        { data: { role: 'partner', partnerId, cause: request.id }, correlation_id: request.correlationId },
      ]);
    }
    expect(await partnerRole(outsider)).toEqual([{ partner_id: otherPartnerId }]);
    expect(await outbox('identity.user.role_revoked.v1', outsider)).toEqual([]);
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

    await deliver(request, 2);
    expect(
      await rows(`SELECT count(*)::int AS n FROM identity.event_outbox WHERE subject = $1`, [
        'identity.partner_data.erased.v1',
      ]),
    ).toEqual([{ n: 1 }]);
    for (const userId of [owner, manager, viewer]) {
      expect(await outbox('identity.user.role_revoked.v1', userId), userId).toHaveLength(1);
      expect(await revocationAudit(userId), userId).toHaveLength(1);
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
    await deliver([memberJoined(member, partnerId), partnerRegistered(owner, partnerId)]);
    expect(await partnerRole(member)).toEqual([]);
    expect(await partnerRole(owner)).toEqual([]);
  });

  it('dead-letters a joined event whose user does not exist', async () => {
    const ghost = randomUUID();
    const event = memberJoined(ghost, randomUUID());
    await h.deliver(event);
    const [letter] = await rows(`SELECT durable, subject, error FROM identity.event_dead_letters WHERE event_id = $1`, [
      event.id,
    ]);
    expect(letter).toMatchObject({ durable: 'identity-member-joined', subject: 'partners.member.joined.v1' });
    expect(letter.error).toMatch(/not a user/);
    expect(await rows(`SELECT 1 FROM identity.user_roles WHERE user_id = $1`, [ghost])).toEqual([]);
    expect(await rows(`SELECT 1 FROM identity.event_inbox WHERE event_id = $1`, [event.id])).toEqual([]);
  });
});
