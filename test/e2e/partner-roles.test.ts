import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { as, call, reSignIn, signIn, signUp, type TestUser } from './support/api-client.ts';
import { readLink } from './support/mailbox.ts';
import { ADMIN, startPlatform, type Platform } from './support/platform.ts';

const AGENCY = { type: 'agency', name: 'Viaggi Aurora', country: 'IT' };

/**
 * identity grants and revokes the partner role from partners' events: on registering a
 * partner, on joining one through an invitation, on being removed from it. Each side alone is
 * tested in its own service; here the events really travel (real PostgreSQL + NATS JetStream).
 */
describe('the partner role follows partner membership across identity and partners', () => {
  let p: Platform;
  let owner: TestUser;
  let manager: TestUser;
  let partnerId: string;
  let invitationId: string;
  const managerEmail = `xavier.Member.${Date.now()}@Example.COM`;

  const partnerRoleOf = async (userId: string) =>
    (
      await p.database.pool.query(
        `SELECT partner_id FROM identity.user_roles WHERE user_id = $1 AND role = 'partner'`,
        [userId],
      )
    ).rows;

  beforeAll(async () => {
    p = await startPlatform('e2e_partner_roles');
    owner = await signUp(p.base, 'owner');
  });
  afterAll(() => p?.close());

  it('registering a partner gives the owner the partner role through identity, by event', async () => {
    const res = await call(p.base, 'POST', '/api/partners/register', { ...as(owner), body: AGENCY });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    partnerId = res.body.partner.id;
    expect(owner.roles).toEqual(['traveller']);
    const fresh = await waitFor(
      () => reSignIn(p.base, owner),
      (user) => user.roles.includes('partner'),
    );
    expect(fresh.roles).toEqual(['traveller', 'partner']);
    expect(await partnerRoleOf(owner.id)).toEqual([{ partner_id: partnerId }]);
  });

  it('an invitee signed up with the e-mail in another case accepts and is granted the role for this partner', async () => {
    const invitation = await call(p.base, 'POST', '/api/partners/me/members', {
      ...as(owner),
      body: { email: managerEmail, role: 'manager' },
    });
    expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
    invitationId = invitation.body.id;
    manager = await signUp(p.base, 'manager', managerEmail.toUpperCase());
    const mine = await call(p.base, 'GET', '/api/partners/invitations', as(manager));
    expect(mine.body.items).toEqual([expect.objectContaining({ id: invitationId, partnerId, role: 'manager' })]);
    // By the link e-mailed to the invited address, which the manager verified at sign-up.
    const token = await readLink(p.base, 'partners.invitation.sent.v1', { invitationId });
    const accepted = await call(p.base, 'POST', '/api/partners/invitations/accept', {
      ...as(manager),
      body: { token },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    expect(manager.roles).toEqual(['traveller']);
    const fresh = await waitFor(
      () => reSignIn(p.base, manager),
      (user) => user.roles.includes('partner'),
    );
    expect(fresh.roles).toEqual(['traveller', 'partner']);
    expect(await partnerRoleOf(manager.id)).toEqual([{ partner_id: partnerId }]);
    manager = { ...manager, token: fresh.token };
  });

  it('removing the manager takes the partner role away through identity; the owner keeps theirs', async () => {
    const res = await call(p.base, 'DELETE', `/api/partners/me/members/${manager.id}`, as(owner));
    expect(res.status).toBe(204);
    const me = await call(p.base, 'GET', '/api/partners/me', as(manager));
    expect(me.status).toBe(404);
    expect(me.body.code).toBe('partner_not_found');
    const fresh = await waitFor(
      () => reSignIn(p.base, manager),
      (user) => !user.roles.includes('partner'),
    );
    expect(fresh.roles).toEqual(['traveller']);
    expect(await partnerRoleOf(manager.id)).toEqual([]);
    expect(await partnerRoleOf(owner.id)).toEqual([{ partner_id: partnerId }]);
    expect((await reSignIn(p.base, owner)).roles).toEqual(['traveller', 'partner']);
  });

  it('the gateway verifies both audit chains after the grants and the removal', async () => {
    const admin = await signIn(p.base, ADMIN.email, ADMIN.password);
    const audit = await call(p.base, 'GET', '/api/admin/audit/verify', as(admin));
    expect(audit.status).toBe(200);
    expect(audit.body.ok).toBe(true);
    expect(audit.body.services.map((s: { service: string }) => s.service)).toEqual(
      expect.arrayContaining(['identity', 'partners']),
    );
  });
});
