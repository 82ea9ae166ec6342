import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { as, call, signUp, type TestUser } from './support/api-client.ts';
import { readLink } from './support/mailbox.ts';
import { startPlatform, type Platform } from './support/platform.ts';

// identity.user.deleted.v1 → partners forgets the user's e-mail: a member leaves the partner.
// An owner cannot erase their account while the partner lives (identity knows owners from
// partners' registered and owner_changed events, issue 11): they hand it to a member first.
describe('a member or owner erasing their account (identity.user.deleted.v1)', () => {
  let p: Platform;
  let owner: TestUser;
  let manager: TestUser;
  let heir: TestUser;
  let partnerId: string;
  /** identity's record of the partner's owner, once its consumers have caught up. */
  const identityOwner = () =>
    rows(`SELECT owner_user_id FROM identity.partner_owners WHERE partner_id = $1`, [partnerId]);
  const rows = async (sql: string, params: unknown[]) => (await p.database.pool.query(sql, params)).rows;

  beforeAll(async () => {
    p = await startPlatform('partners_account_erasure');
    owner = await signUp(p.base, 'owner');
    manager = await signUp(p.base, 'manager');
    const registered = await call(p.base, 'POST', '/api/partners/register', {
      ...as(owner),
      body: { type: 'ota', name: 'Erasure Travel', country: 'FR' },
    });
    partnerId = registered.body.partner.id;
    heir = await signUp(p.base, 'heir');
    for (const member of [manager, heir]) {
      const invitation = await call(p.base, 'POST', '/api/partners/me/members', {
        ...as(owner),
        body: { email: member.email, role: 'manager' },
      });
      // Accepted by the link e-mailed to the member's (verified) address.
      const token = await readLink(p.base, 'partners.invitation.sent.v1', { invitationId: invitation.body.id });
      const accepted = await call(p.base, 'POST', '/api/partners/invitations/accept', {
        ...as(member),
        body: { token },
      });
      if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
    }
    // A pending invitation to the owner's address from another partner disappears with them too.
    const other = await signUp(p.base, 'other');
    await call(p.base, 'POST', '/api/partners/register', {
      ...as(other),
      body: { type: 'dmo', name: 'Other', country: 'FR' },
    });
    await call(p.base, 'POST', '/api/partners/me/members', {
      ...as(other),
      body: { email: owner.email, role: 'viewer' },
    });
  });
  afterAll(() => p?.close());

  it('a manager who deletes their account leaves the partner, and their e-mail is gone', async () => {
    const res = await call(p.base, 'DELETE', '/api/auth/me', { ...as(manager), body: { password: manager.password } });
    expect(res.status).toBe(204);
    await waitFor(
      () => rows(`SELECT count(*)::int AS n FROM partners.members WHERE user_id = $1`, [manager.id]),
      (r) => r[0].n === 0,
    );
    const view = await call(p.base, 'GET', '/api/partners/me/members', as(owner));
    expect(view.body.members.map((m: { email: string }) => m.email).sort()).toEqual([heir.email, owner.email].sort());
  });

  it('the owner of a live partner cannot delete their account: 409 partner_owner_account, nothing erased', async () => {
    await waitFor(identityOwner, (r) => r[0]?.owner_user_id === owner.id);
    const res = await call(p.base, 'DELETE', '/api/auth/me', { ...as(owner), body: { password: owner.password } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('partner_owner_account');
    expect(await rows(`SELECT email FROM partners.members WHERE user_id = $1`, [owner.id])).toEqual([
      { email: owner.email },
    ]);
  });

  it('once the owner has handed the partner over, they delete their account: they leave, the partner stays', async () => {
    const handover = await call(p.base, 'POST', `/api/partners/me/members/${heir.id}/make-owner`, as(owner));
    expect(handover.status).toBe(200);
    await waitFor(identityOwner, (r) => r[0]?.owner_user_id === heir.id);
    const res = await call(p.base, 'DELETE', '/api/auth/me', { ...as(owner), body: { password: owner.password } });
    expect(res.status).toBe(204);
    await waitFor(
      () => rows(`SELECT count(*)::int AS n FROM partners.members WHERE user_id = $1`, [owner.id]),
      (r) => r[0].n === 0,
    );
    expect(await rows(`SELECT count(*)::int AS n FROM partners.invitations WHERE email = $1`, [owner.email])).toEqual([
      { n: 0 },
    ]);
    expect(await rows(`SELECT status, owner_user_id FROM partners.partners WHERE id = $1`, [partnerId])).toEqual([
      { status: 'draft', owner_user_id: heir.id },
    ]);
    const trail = await rows(
      `SELECT data FROM partners.audit_log WHERE action = 'member.erased' AND entity_id = $1 ORDER BY seq`,
      [partnerId],
    );
    // Both left as managers: the former owner stepped down when handing the partner over.
    expect(trail.map((r) => r.data.role)).toEqual(['manager', 'manager']);
    expect(JSON.stringify(trail)).not.toContain('@');
  });
});
