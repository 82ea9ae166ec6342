import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, nextIp, reSignIn, signUp, waitFor, type TestUser } from '../support/api-client.ts';
import { startPlatform, type Platform } from '../support/platform-harness.ts';

const AGENCY = { type: 'agency', name: 'Viaggi Aurora', country: 'IT' };
const OTHER = { type: 'dmo', name: 'Visit Lakeside', country: 'AT' };

let emailCounter = 0;
/** A unique address with upper-case letters, to show invitations match it case-insensitively. */
function mixedCaseEmail(name: string): string {
  emailCounter += 1;
  return `${name}.Member${emailCounter}.${Date.now()}@Example.COM`;
}

/** Signs up with a chosen e-mail (as typed: identity lower-cases it). */
async function signUpWith(base: string, email: string): Promise<TestUser> {
  const ip = nextIp();
  const password = 'sunny-beaches-42';
  const res = await call(base, 'POST', '/api/auth/register', { ip, body: { email, password, displayName: 'Invitee' } });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, token: res.body.accessToken, ip, password, roles: res.body.user.roles };
}

describe('partner members and invitations through the gateway (real PostgreSQL + NATS JetStream)', () => {
  let p: Platform;
  let owner: TestUser;
  let partnerId: string;
  const managerEmail = mixedCaseEmail('xavier');
  const viewerEmail = mixedCaseEmail('yara');
  let manager: TestUser;
  let managerInvitationId: string;
  let viewerInvitationId: string;

  beforeAll(async () => {
    p = await startPlatform('partners_members');
    owner = await signUp(p.base, 'owner');
    const res = await call(p.base, 'POST', '/api/partners/register', { ...as(owner), body: AGENCY });
    if (res.status !== 201) throw new Error(`partner registration failed: ${JSON.stringify(res.body)}`);
    partnerId = res.body.partner.id;
  });
  afterAll(() => p?.close());

  const as = (user: TestUser) => ({ token: user.token, ip: user.ip });
  const rows = async (sql: string, params: unknown[] = []) => (await p.database.pool.query(sql, params)).rows;
  const partnerRoleOf = (userId: string) =>
    rows(`SELECT partner_id FROM identity.user_roles WHERE user_id = $1 AND role = 'partner'`, [userId]);
  const invite = (email: string, role: string, by: TestUser = owner) =>
    call(p.base, 'POST', '/api/partners/me/members', { ...as(by), body: { email, role } });

  it('the owner invites a manager and a viewer; the members view shows the owner and both invitations', async () => {
    const first = await invite(managerEmail, 'manager');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      partnerId,
      partnerName: AGENCY.name,
      email: managerEmail.toLowerCase(),
      role: 'manager',
      invitedBy: owner.id,
    });
    managerInvitationId = first.body.id;
    const second = await invite(viewerEmail, 'viewer');
    expect(second.status).toBe(201);
    viewerInvitationId = second.body.id;

    const view = await call(p.base, 'GET', '/api/partners/me/members', as(owner));
    expect(view.status).toBe(200);
    expect(view.body.members).toEqual([
      { userId: owner.id, email: owner.email, role: 'owner', joinedAt: expect.any(String) },
    ]);
    expect(view.body.invitations).toEqual([
      expect.objectContaining({ id: managerInvitationId, email: managerEmail.toLowerCase(), role: 'manager' }),
      expect.objectContaining({ id: viewerInvitationId, email: viewerEmail.toLowerCase(), role: 'viewer' }),
    ]);
  });

  it('the invitee, signed up with the e-mail in another case, sees the invitation and accepts it', async () => {
    manager = await signUpWith(p.base, managerEmail.toUpperCase());
    const mine = await call(p.base, 'GET', '/api/partners/invitations', as(manager));
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: managerInvitationId, partnerId, partnerName: AGENCY.name, role: 'manager' }),
    ]);
    // Someone else sees nothing of it.
    const stranger = await signUp(p.base, 'stranger');
    expect((await call(p.base, 'GET', '/api/partners/invitations', as(stranger))).body.items).toEqual([]);

    const accepted = await call(p.base, 'POST', `/api/partners/invitations/${managerInvitationId}/accept`, as(manager));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ role: 'manager', partner: { id: partnerId } });
    const me = await call(p.base, 'GET', '/api/partners/me', as(manager));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'manager', partner: { id: partnerId, name: AGENCY.name } });

    const view = await call(p.base, 'GET', '/api/partners/me/members', as(owner));
    expect(view.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [owner.id, 'owner'],
      [manager.id, 'manager'],
    ]);
    expect(view.body.invitations.map((i: { id: string }) => i.id)).toEqual([viewerInvitationId]);
    expect((await call(p.base, 'GET', '/api/partners/invitations', as(manager))).body.items).toEqual([]);
  });

  it('identity grants the new member the partner role for this partner', async () => {
    expect(manager.roles).toEqual(['traveller']);
    const fresh = await waitFor(
      () => reSignIn(p.base, manager),
      (user) => user.roles.includes('partner'),
    );
    expect(fresh.roles).toEqual(['traveller', 'partner']);
    expect(await partnerRoleOf(manager.id)).toEqual([{ partner_id: partnerId }]);
    manager = { ...manager, token: fresh.token };
  });

  it('a manager edits the profile but cannot invite or remove members', async () => {
    const edit = await call(p.base, 'PATCH', '/api/partners/me', {
      ...as(manager),
      body: { description: 'Tours of the Dolomites' },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ role: 'manager', partner: { description: 'Tours of the Dolomites' } });
    const inviting = await invite('friend@example.com', 'viewer', manager);
    expect(inviting.status).toBe(403);
    expect(inviting.body.code).toBe('partner_role_forbidden');
    const removing = await call(p.base, 'DELETE', `/api/partners/me/members/${owner.id}`, as(manager));
    expect(removing.status).toBe(403);
    const withdrawing = await call(p.base, 'DELETE', `/api/partners/me/invitations/${viewerInvitationId}`, as(manager));
    expect(withdrawing.status).toBe(403);
    const view = await call(p.base, 'GET', '/api/partners/me/members', as(owner));
    expect(view.body.invitations.map((i: { id: string }) => i.id)).toEqual([viewerInvitationId]);
  });

  it('refuses to invite an existing member, whatever the case of the e-mail', async () => {
    const member = await invite(managerEmail.toUpperCase(), 'viewer');
    expect(member.status).toBe(409);
    expect(member.body.code).toBe('already_member');
    const self = await invite(owner.email.toUpperCase(), 'manager');
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('already_member');
  });

  it('refuses to invite the same e-mail twice', async () => {
    const again = await invite(viewerEmail.toLowerCase(), 'manager');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_invited');
    const view = await call(p.base, 'GET', '/api/partners/me/members', as(owner));
    expect(view.body.invitations).toEqual([expect.objectContaining({ id: viewerInvitationId, role: 'viewer' })]);
  });

  it('the owner cannot be removed', async () => {
    const res = await call(p.base, 'DELETE', `/api/partners/me/members/${owner.id}`, as(owner));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('cannot_remove_owner');
    expect((await call(p.base, 'GET', '/api/partners/me', as(owner))).body.role).toBe('owner');
  });

  it('a member of one partner cannot accept another partner’s invitation, which stays pending', async () => {
    const otherOwner = await signUp(p.base, 'other-owner');
    const other = await call(p.base, 'POST', '/api/partners/register', { ...as(otherOwner), body: OTHER });
    expect(other.status).toBe(201);
    const invitation = await invite(managerEmail, 'viewer', otherOwner);
    expect(invitation.status).toBe(201);
    const visible = await call(p.base, 'GET', '/api/partners/invitations', as(manager));
    expect(visible.body.items).toEqual([expect.objectContaining({ id: invitation.body.id, partnerName: OTHER.name })]);

    const accept = await call(p.base, 'POST', `/api/partners/invitations/${invitation.body.id}/accept`, as(manager));
    expect(accept.status).toBe(409);
    expect(accept.body.code).toBe('already_partner_member');
    expect((await call(p.base, 'GET', '/api/partners/me', as(manager))).body.partner.id).toBe(partnerId);
    const still = await call(p.base, 'GET', '/api/partners/invitations', as(manager));
    expect(still.body.items.map((i: { id: string }) => i.id)).toEqual([invitation.body.id]);
    const otherView = await call(p.base, 'GET', '/api/partners/me/members', as(otherOwner));
    expect(otherView.body.invitations.map((i: { id: string }) => i.id)).toEqual([invitation.body.id]);
    expect(otherView.body.members).toHaveLength(1);
  });

  it('the owner removes the manager, who loses the partner and, through identity, the partner role', async () => {
    const res = await call(p.base, 'DELETE', `/api/partners/me/members/${manager.id}`, as(owner));
    expect(res.status).toBe(204);
    const me = await call(p.base, 'GET', '/api/partners/me', as(manager));
    expect(me.status).toBe(404);
    expect(me.body.code).toBe('partner_not_found');
    const edit = await call(p.base, 'PATCH', '/api/partners/me', { ...as(manager), body: { description: 'Mine now' } });
    expect(edit.status).toBe(404);
    const fresh = await waitFor(
      () => reSignIn(p.base, manager),
      (user) => !user.roles.includes('partner'),
    );
    expect(fresh.roles).toEqual(['traveller']);
    expect(await partnerRoleOf(manager.id)).toEqual([]);
    const again = await call(p.base, 'DELETE', `/api/partners/me/members/${manager.id}`, as(owner));
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('member_not_found');
    // The owner keeps their own role.
    expect(await partnerRoleOf(owner.id)).toEqual([{ partner_id: partnerId }]);
  });

  it('declining an invitation removes it', async () => {
    const viewer = await signUpWith(p.base, viewerEmail);
    const mine = await call(p.base, 'GET', '/api/partners/invitations', as(viewer));
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([viewerInvitationId]);
    const res = await call(p.base, 'POST', `/api/partners/invitations/${viewerInvitationId}/decline`, as(viewer));
    expect(res.status).toBe(204);
    expect((await call(p.base, 'GET', '/api/partners/invitations', as(viewer))).body.items).toEqual([]);
    const view = await call(p.base, 'GET', '/api/partners/me/members', as(owner));
    expect(view.body.invitations).toEqual([]);
    const late = await call(p.base, 'POST', `/api/partners/invitations/${viewerInvitationId}/accept`, as(viewer));
    expect(late.status).toBe(404);
    expect(late.body.code).toBe('invitation_not_found');
    expect((await call(p.base, 'GET', '/api/partners/me', as(viewer))).status).toBe(404);
  });

  it('withdrawing an invitation removes it; the invitee no longer sees or accepts it', async () => {
    const email = mixedCaseEmail('zoe');
    const invitee = await signUpWith(p.base, email);
    const invitation = await invite(email, 'viewer');
    expect(invitation.status).toBe(201);
    expect((await call(p.base, 'GET', '/api/partners/invitations', as(invitee))).body.items).toHaveLength(1);
    const res = await call(p.base, 'DELETE', `/api/partners/me/invitations/${invitation.body.id}`, as(owner));
    expect(res.status).toBe(204);
    expect((await call(p.base, 'GET', '/api/partners/invitations', as(invitee))).body.items).toEqual([]);
    expect((await call(p.base, 'GET', '/api/partners/me/members', as(owner))).body.invitations).toEqual([]);
    const accept = await call(p.base, 'POST', `/api/partners/invitations/${invitation.body.id}/accept`, as(invitee));
    expect(accept.status).toBe(404);
    expect(accept.body.code).toBe('invitation_not_found');
    const twice = await call(p.base, 'DELETE', `/api/partners/me/invitations/${invitation.body.id}`, as(owner));
    expect(twice.status).toBe(404);
  });

  it('audits invitations, joins and removals by id, never by e-mail', async () => {
    const entries = await rows(
      `SELECT action, actor_id, data, data::text AS text FROM partners.audit_log
        WHERE entity_type = 'partner' AND entity_id = $1 ORDER BY seq`,
      [partnerId],
    );
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['member.invited', 'member.joined', 'member.removed']));
    expect(entries.find((e) => e.action === 'member.invited')).toMatchObject({
      actor_id: owner.id,
      data: { invitationId: managerInvitationId, role: 'manager' },
    });
    expect(entries.find((e) => e.action === 'member.joined')).toMatchObject({
      actor_id: manager.id,
      data: { invitationId: managerInvitationId, role: 'manager' },
    });
    expect(entries.find((e) => e.action === 'member.removed')).toMatchObject({
      actor_id: owner.id,
      data: { userId: manager.id, role: 'manager' },
    });
    for (const entry of entries) expect(entry.text, entry.action).not.toContain('@');
  });
});
