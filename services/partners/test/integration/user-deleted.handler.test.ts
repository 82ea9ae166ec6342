import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timestampFromDate } from '@tourconnect/contracts';
import { testEnvelope } from '@tourconnect/service-kit/testing';
import { invite, join, registerPartner } from '../support/builders.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

// identity.user.deleted.v1 → partners forgets the user's e-mail: a member leaves the partner;
// an owner's membership stays, without the e-mail, so the business is not erased with them.
// Every event is delivered twice, as a broker may redeliver it: one effect, one audit entry.
// identity publishing it when a user deletes their account is in test/e2e/account-erasure.test.ts.
describe('a member or owner erasing their account (identity.user.deleted.v1)', () => {
  let p: PartnersHarness;
  let owner: TestUser;
  let manager: TestUser;
  let partnerId: string;

  const rows = (sql: string, params: unknown[]) => p.rows(sql, params);
  const userDeleted = (userId: string) =>
    testEnvelope('identity.user.deleted.v1', { userId, anonymised: true, deletedAt: timestampFromDate(new Date()) });
  const erasedEntries = () =>
    p.rows<{ data: { userId: string; role: string; kept: boolean } }>(
      `SELECT data FROM partners.audit_log WHERE action = 'member.erased' AND entity_id = $1 ORDER BY seq`,
      [partnerId],
    );
  const outboxSize = async () =>
    (await p.rows<{ n: number }>('SELECT count(*)::int AS n FROM partners.event_outbox'))[0]!.n;

  beforeAll(async () => {
    p = await startPartnersHarness('partners_user_deleted');
    owner = await p.user('owner');
    partnerId = await registerPartner(p, owner, { type: 'ota', name: 'Erasure Travel', country: 'FR' });
    manager = await join(p, owner, 'manager');
    // A pending invitation to the owner's address from another partner disappears with them too.
    const other = await p.user('other');
    await registerPartner(p, other, { type: 'dmo', name: 'Other', country: 'FR' });
    await invite(p, other, owner.email, 'viewer');
  });
  afterAll(() => p?.close());

  it('a manager who deletes their account leaves the partner once, and their e-mail is gone', async () => {
    const events = await outboxSize();
    await p.deliver(userDeleted(manager.id), 2);
    expect(await rows(`SELECT count(*)::int AS n FROM partners.members WHERE user_id = $1`, [manager.id])).toEqual([
      { n: 0 },
    ]);
    const view = await p.call('GET', '/api/partners/me/members', as(owner));
    expect(view.body.members.map((m: { email: string }) => m.email)).toEqual([owner.email]);
    expect((await erasedEntries()).map((entry) => entry.data)).toEqual([
      { userId: manager.id, role: 'manager', kept: false },
    ]);
    // Erasing a member announces nothing: identity already knows, the partner's events do not change.
    expect(await outboxSize()).toBe(events);
  });

  it('an owner who deletes their account keeps the partner, but not their e-mail or invitations', async () => {
    const events = await outboxSize();
    await p.deliver(userDeleted(owner.id), 2);
    expect(await rows(`SELECT email FROM partners.members WHERE user_id = $1`, [owner.id])).toEqual([
      { email: 'erased-user' },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM partners.invitations WHERE email = $1`, [owner.email])).toEqual([
      { n: 0 },
    ]);
    expect(await rows(`SELECT status FROM partners.partners WHERE id = $1`, [partnerId])).toEqual([
      { status: 'draft' },
    ]);
    const trail = await erasedEntries();
    expect(trail.map((r) => r.data.role)).toEqual(['manager', 'owner']);
    expect(trail[1]?.data).toEqual({ userId: owner.id, role: 'owner', kept: true });
    expect(JSON.stringify(trail)).not.toContain('@');
    expect(await outboxSize()).toBe(events);
  });

  it('a user who belongs to no partner leaves nothing to erase and no audit entry', async () => {
    const stranger = await p.user('stranger');
    const before = await p.rows(`SELECT count(*)::int AS n FROM partners.audit_log`);
    await p.deliver(userDeleted(stranger.id), 2);
    expect(await p.rows(`SELECT count(*)::int AS n FROM partners.audit_log`)).toEqual(before);
    expect(await p.rows(`SELECT count(*)::int AS n FROM partners.event_dead_letters`)).toEqual([{ n: 0 }]);
  });
});
