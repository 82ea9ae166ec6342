import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptWithToken, invitationToken, registerPartner } from '../support/builders.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

const AGENCY = { type: 'agency', name: 'Viaggi Aurora', country: 'IT' };
const OTHER = { type: 'dmo', name: 'Visit Lakeside', country: 'AT' };

let emailCounter = 0;
/** A unique address with upper-case letters, to show invitations match it case-insensitively. */
function mixedCaseEmail(name: string): string {
  emailCounter += 1;
  return `${name}.Member${emailCounter}.${Date.now()}@Example.COM`;
}

// The partners side of membership; identity granting and revoking the partner role on the
// join and removal events is in test/e2e/partner-roles.test.ts.
describe('partner members and invitations', () => {
  let p: PartnersHarness;
  let owner: TestUser;
  let partnerId: string;
  const managerEmail = mixedCaseEmail('xavier');
  const viewerEmail = mixedCaseEmail('yara');
  let manager: TestUser;
  let managerInvitationId: string;
  let viewerInvitationId: string;

  beforeAll(async () => {
    p = await startPartnersHarness('partners_members');
    owner = await p.user('owner');
    partnerId = await registerPartner(p, owner, AGENCY);
  });
  afterAll(() => p?.close());

  const rows = (sql: string, params: unknown[] = []) =>
    p.rows<{ action: string; actor_id: string; data: unknown; text: string }>(sql, params);
  /** The payloads of the events identity turns into partner-role grants and revocations. */
  const published = async (subject: string) => (await p.published(subject)).map((envelope) => envelope.payload);
  /** Signs up with a chosen e-mail; identity keeps it in lower case, as the token then carries it. */
  const signUpWith = (email: string) => p.user('invitee', { email });
  const invite = (email: string, role: string, by: TestUser = owner) =>
    p.call('POST', '/api/partners/me/members', { ...as(by), body: { email, role } });

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

    const view = await p.call('GET', '/api/partners/me/members', as(owner));
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
    manager = await signUpWith(managerEmail.toUpperCase());
    const mine = await p.call('GET', '/api/partners/invitations', as(manager));
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: managerInvitationId, partnerId, partnerName: AGENCY.name, role: 'manager' }),
    ]);
    // Someone else sees nothing of it.
    const stranger = await p.user('stranger');
    expect((await p.call('GET', '/api/partners/invitations', as(stranger))).body.items).toEqual([]);

    const accepted = await acceptWithToken(p, manager, await invitationToken(p, managerInvitationId));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ role: 'manager', partner: { id: partnerId } });
    const me = await p.call('GET', '/api/partners/me', as(manager));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'manager', partner: { id: partnerId, name: AGENCY.name } });

    const view = await p.call('GET', '/api/partners/me/members', as(owner));
    expect(view.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [owner.id, 'owner'],
      [manager.id, 'manager'],
    ]);
    expect(view.body.invitations.map((i: { id: string }) => i.id)).toEqual([viewerInvitationId]);
    expect((await p.call('GET', '/api/partners/invitations', as(manager))).body.items).toEqual([]);
  });

  it('announces the join, from which identity grants the new member the partner role', async () => {
    expect(await published('partners.member.joined.v1')).toEqual([{ partnerId, userId: manager.id, role: 'manager' }]);
    // Signed in again after identity's grant, the manager's token carries the partner role.
    manager = await p.withRoles(manager, ['traveller', 'partner']);
  });

  it('a manager edits the profile but cannot invite or remove members', async () => {
    const edit = await p.call('PATCH', '/api/partners/me', {
      ...as(manager),
      body: { description: 'Tours of the Dolomites' },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ role: 'manager', partner: { description: 'Tours of the Dolomites' } });
    const inviting = await invite('friend@example.com', 'viewer', manager);
    expect(inviting.status).toBe(403);
    expect(inviting.body.code).toBe('partner_role_forbidden');
    const removing = await p.call('DELETE', `/api/partners/me/members/${owner.id}`, as(manager));
    expect(removing.status).toBe(403);
    const withdrawing = await p.call('DELETE', `/api/partners/me/invitations/${viewerInvitationId}`, as(manager));
    expect(withdrawing.status).toBe(403);
    const view = await p.call('GET', '/api/partners/me/members', as(owner));
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
    const view = await p.call('GET', '/api/partners/me/members', as(owner));
    expect(view.body.invitations).toEqual([expect.objectContaining({ id: viewerInvitationId, role: 'viewer' })]);
  });

  it('the owner cannot be removed', async () => {
    const res = await p.call('DELETE', `/api/partners/me/members/${owner.id}`, as(owner));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('cannot_remove_owner');
    expect((await p.call('GET', '/api/partners/me', as(owner))).body.role).toBe('owner');
  });

  it('a member of one partner cannot accept another partner’s invitation, which stays pending', async () => {
    const otherOwner = await p.user('other-owner');
    const other = await p.call('POST', '/api/partners/register', { ...as(otherOwner), body: OTHER });
    expect(other.status).toBe(201);
    const invitation = await invite(managerEmail, 'viewer', otherOwner);
    expect(invitation.status).toBe(201);
    const visible = await p.call('GET', '/api/partners/invitations', as(manager));
    expect(visible.body.items).toEqual([expect.objectContaining({ id: invitation.body.id, partnerName: OTHER.name })]);

    const accept = await acceptWithToken(p, manager, await invitationToken(p, invitation.body.id));
    expect(accept.status).toBe(409);
    expect(accept.body.code).toBe('already_partner_member');
    expect((await p.call('GET', '/api/partners/me', as(manager))).body.partner.id).toBe(partnerId);
    const still = await p.call('GET', '/api/partners/invitations', as(manager));
    expect(still.body.items.map((i: { id: string }) => i.id)).toEqual([invitation.body.id]);
    const otherView = await p.call('GET', '/api/partners/me/members', as(otherOwner));
    expect(otherView.body.invitations.map((i: { id: string }) => i.id)).toEqual([invitation.body.id]);
    expect(otherView.body.members).toHaveLength(1);
  });

  it('the owner removes the manager, who loses the partner; identity is told to revoke the role', async () => {
    const res = await p.call('DELETE', `/api/partners/me/members/${manager.id}`, as(owner));
    expect(res.status).toBe(204);
    const me = await p.call('GET', '/api/partners/me', as(manager));
    expect(me.status).toBe(404);
    expect(me.body.code).toBe('partner_not_found');
    const edit = await p.call('PATCH', '/api/partners/me', { ...as(manager), body: { description: 'Mine now' } });
    expect(edit.status).toBe(404);
    expect(await published('partners.member.removed.v1')).toEqual([{ partnerId, userId: manager.id }]);
    const again = await p.call('DELETE', `/api/partners/me/members/${manager.id}`, as(owner));
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('member_not_found');
    // The owner stays a member, so keeps their own role.
    expect((await p.call('GET', '/api/partners/me', as(owner))).body.role).toBe('owner');
  });

  it('declining an invitation removes it', async () => {
    const viewer = await signUpWith(viewerEmail);
    const mine = await p.call('GET', '/api/partners/invitations', as(viewer));
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([viewerInvitationId]);
    const res = await p.call('POST', `/api/partners/invitations/${viewerInvitationId}/decline`, as(viewer));
    expect(res.status).toBe(204);
    expect((await p.call('GET', '/api/partners/invitations', as(viewer))).body.items).toEqual([]);
    const view = await p.call('GET', '/api/partners/me/members', as(owner));
    expect(view.body.invitations).toEqual([]);
    // The declined invitation's link no longer works.
    const late = await acceptWithToken(p, viewer, await invitationToken(p, viewerInvitationId));
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('invitation_token_invalid');
    expect((await p.call('GET', '/api/partners/me', as(viewer))).status).toBe(404);
  });

  it('withdrawing an invitation removes it; the invitee no longer sees or accepts it', async () => {
    const email = mixedCaseEmail('zoe');
    const invitee = await signUpWith(email);
    const invitation = await invite(email, 'viewer');
    expect(invitation.status).toBe(201);
    expect((await p.call('GET', '/api/partners/invitations', as(invitee))).body.items).toHaveLength(1);
    const res = await p.call('DELETE', `/api/partners/me/invitations/${invitation.body.id}`, as(owner));
    expect(res.status).toBe(204);
    expect((await p.call('GET', '/api/partners/invitations', as(invitee))).body.items).toEqual([]);
    expect((await p.call('GET', '/api/partners/me/members', as(owner))).body.invitations).toEqual([]);
    // The withdrawn invitation's link no longer works.
    const accept = await acceptWithToken(p, invitee, await invitationToken(p, invitation.body.id));
    expect(accept.status).toBe(403);
    expect(accept.body.code).toBe('invitation_token_invalid');
    const twice = await p.call('DELETE', `/api/partners/me/invitations/${invitation.body.id}`, as(owner));
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
