import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, join, registerPartner, submittedDmo } from '../support/builders.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

/**
 * Issue 11, admin review: an owner deleting their account must first hand ownership to another
 * member or delete the partner, so no verified partner is left without an owner. partners
 * offers the hand-over, tells the portal whether the caller is the sole owner and announces
 * every new owner (partners.partner.owner_changed.v1) for identity, which refuses the account
 * deletion itself.
 */
describe('ownership hand-over', () => {
  let p: PartnersHarness;
  let owner: TestUser;
  let manager: TestUser;
  let viewer: TestUser;
  let partnerId: string;

  const me = (user: TestUser) => p.call('GET', '/api/partners/me', as(user));
  const makeOwner = (by: TestUser, userId: string) =>
    p.call('POST', `/api/partners/me/members/${userId}/make-owner`, as(by));

  beforeAll(async () => {
    p = await startPartnersHarness('partners_ownership');
    owner = await p.user('owner');
    partnerId = await submittedDmo(p, owner, 'Handover Holidays', 'IT00743110157', [40, 41, 42]);
    await approve(p, await p.admin(), partnerId);
    manager = await join(p, owner, 'manager');
    viewer = await join(p, owner, 'viewer');
  });
  afterAll(() => p?.close());

  it('GET /me says whether the caller is the sole owner', async () => {
    expect((await me(owner)).body).toMatchObject({ role: 'owner', soleOwner: true });
    expect((await me(manager)).body).toMatchObject({ role: 'manager', soleOwner: false });
    expect((await me(viewer)).body).toMatchObject({ role: 'viewer', soleOwner: false });
  });

  it('only the owner hands over: a manager or viewer gets 403 partner_role_forbidden', async () => {
    for (const user of [manager, viewer]) {
      const res = await makeOwner(user, user.id);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('partner_role_forbidden');
    }
  });

  it('the new owner must be a current member; the owner cannot hand it to themself', async () => {
    const stranger = await p.user('stranger');
    const notMember = await makeOwner(owner, stranger.id);
    expect(notMember.status).toBe(404);
    expect(notMember.body.code).toBe('member_not_found');
    const self = await makeOwner(owner, owner.id);
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('already_owner');
    expect((await me(owner)).body.role).toBe('owner');
  });

  it('hands ownership to the manager: roles swap, the partner records its new owner, still verified, audited', async () => {
    const res = await makeOwner(owner, manager.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const roles = Object.fromEntries(res.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role]));
    expect(roles).toEqual({ [owner.id]: 'manager', [manager.id]: 'owner', [viewer.id]: 'viewer' });
    expect((await me(manager)).body).toMatchObject({
      role: 'owner',
      soleOwner: true,
      partner: { ownerUserId: manager.id, status: 'verified', verified: true },
    });
    expect((await me(owner)).body).toMatchObject({ role: 'manager', soleOwner: false });
    const [entry] = await p.rows<{ actor_id: string; data: unknown }>(
      `SELECT actor_id, data FROM partners.audit_log WHERE entity_id = $1 AND action = 'member.ownership_transferred'`,
      [partnerId],
    );
    expect(entry).toEqual({
      actor_id: owner.id,
      data: { from: owner.id, to: manager.id, previousRole: 'manager' },
    });
    // Identity learns the new owner from the event; both members see it live.
    const changed = await p.published('partners.partner.owner_changed.v1');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      payload: { partnerId, ownerUserId: manager.id, previousOwnerUserId: owner.id, changedByUserId: owner.id },
    });
    expect(changed[0]?.audience).toEqual(expect.arrayContaining([owner.id, manager.id, viewer.id]));
  });

  it('the former owner now has a manager’s rights; the new owner’s are the owner’s', async () => {
    const inviting = await p.call('POST', '/api/partners/me/members', {
      ...as(owner),
      body: { email: 'someone@example.com', role: 'viewer' },
    });
    expect(inviting.status).toBe(403);
    const again = await makeOwner(owner, owner.id);
    expect(again.status).toBe(403);
    // Later events name the new owner (notifications e-mails the owner from them).
    const renamed = await p.call('PATCH', '/api/partners/me', { ...as(manager), body: { name: 'Handover Travel' } });
    expect(renamed.status).toBe(200);
    const submitted = (await p.published('partners.partner.submitted.v1')).at(-1);
    expect(submitted?.payload).toMatchObject({ partnerId, ownerUserId: manager.id, submittedByUserId: manager.id });
    // The former owner can now leave like any member.
    const removed = await p.call('DELETE', `/api/partners/me/members/${owner.id}`, as(manager));
    expect(removed.status).toBe(204);
  });

  it('a partner being erased has no sole owner to protect, and hands nothing over', async () => {
    const other = await p.user('leaver');
    await registerPartner(p, other, { type: 'dmo', name: 'Leaving Soon', country: 'IT' });
    const colleague = await join(p, other, 'manager');
    const deletion = await p.call('DELETE', '/api/partners/me', {
      ...as(other),
      body: { confirmName: 'Leaving Soon' },
    });
    expect(deletion.status).toBe(202);
    expect((await me(other)).body).toMatchObject({ role: 'owner', soleOwner: false });
    const res = await makeOwner(other, colleague.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('deletion_in_progress');
    expect((await p.published('partners.partner.owner_changed.v1')).map((e) => e.payload)).not.toContainEqual(
      expect.objectContaining({ previousOwnerUserId: other.id }),
    );
  });

  it('every route, the new ones included, declares its response in /openapi.json', async () => {
    const doc = (await p.app.inject('/openapi.json')).json();
    type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
    const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    const undeclared = operations
      .filter(({ op }) => {
        const [status, response] = Object.entries(op.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
        if (!status) return true;
        return status !== '204' && !Object.values(response?.content ?? {}).some((content) => content.schema);
      })
      .map(({ route }) => route);
    expect(undeclared).toEqual([]);
    const routes = operations.map(({ route }) => route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/partners/invitations/accept',
        'POST /api/partners/me/members/{userId}/make-owner',
      ]),
    );
    expect(routes).not.toContain('POST /api/partners/invitations/{id}/accept');
    const mine = doc.paths['/api/partners/me'].get.responses['200'].content['application/json'].schema;
    expect(mine.required).toEqual(expect.arrayContaining(['soleOwner', 'documentSlots']));
  });
});
