import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { as, call, signUp, type TestUser } from './support/api-client.ts';
import { readLink } from './support/mailbox.ts';
import { startPlatform, type Platform } from './support/platform.ts';

// identity.user.deleted.v1 → partners forgets the user's e-mail: a member leaves the partner;
// an owner's membership stays, without the e-mail, so the business is not erased with them.
describe('a member or owner erasing their account (identity.user.deleted.v1)', () => {
  let p: Platform;
  let owner: TestUser;
  let manager: TestUser;
  let partnerId: string;
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
    const invitation = await call(p.base, 'POST', '/api/partners/me/members', {
      ...as(owner),
      body: { email: manager.email, role: 'manager' },
    });
    // Accepted by the link e-mailed to the manager's (verified) address.
    const token = await readLink(p.base, 'partners.invitation.sent.v1', { invitationId: invitation.body.id });
    const accepted = await call(p.base, 'POST', '/api/partners/invitations/accept', {
      ...as(manager),
      body: { token },
    });
    if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
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
    expect(view.body.members.map((m: { email: string }) => m.email)).toEqual([owner.email]);
  });

  it('an owner who deletes their account keeps the partner, but not their e-mail or invitations', async () => {
    const res = await call(p.base, 'DELETE', '/api/auth/me', { ...as(owner), body: { password: owner.password } });
    expect(res.status).toBe(204);
    await waitFor(
      () => rows(`SELECT email FROM partners.members WHERE user_id = $1`, [owner.id]),
      (r) => r[0]?.email === 'erased-user',
    );
    expect(await rows(`SELECT count(*)::int AS n FROM partners.invitations WHERE email = $1`, [owner.email])).toEqual([
      { n: 0 },
    ]);
    expect(await rows(`SELECT status FROM partners.partners WHERE id = $1`, [partnerId])).toEqual([
      { status: 'draft' },
    ]);
    const trail = await rows(
      `SELECT data FROM partners.audit_log WHERE action = 'member.erased' AND entity_id = $1 ORDER BY seq`,
      [partnerId],
    );
    expect(trail.map((r) => r.data.role)).toEqual(['manager', 'owner']);
    expect(JSON.stringify(trail)).not.toContain('@');
  });
});
