import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '@tourconnect/service-kit/testing';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { post, register } from '../support/http.ts';
import { deletionRequested, memberJoined, ownerChanged, partnerRegistered } from '../support/partner-events.ts';
import { rowsOf } from '../support/rows.ts';

/**
 * Issue 11: an owner deleting their account would leave a partner without an owner. Identity
 * learns owners from partners' events (registered, then owner_changed) and refuses to delete
 * the account of a live partner's owner until they hand the partner to another member or
 * delete the partner.
 */
describe('DELETE /api/auth/me by a partner owner', () => {
  let h: IdentityHarness;

  beforeAll(async () => {
    h = await startIdentity({ label: 'identity_partner_owner_deletion' });
  });
  afterAll(() => h.close());

  const rows = (sql: string, params: unknown[] = []) => rowsOf(h.database, sql, params);
  const deleteMe = (session: { accessToken: string }, password: string) =>
    h.app.inject({
      method: 'DELETE',
      url: '/api/auth/me',
      payload: { password },
      headers: bearer(session.accessToken),
    });
  const deletedEvents = async (userId: string) =>
    (
      await rows(
        `SELECT count(*)::int AS n FROM identity.event_outbox
          WHERE subject = 'identity.user.deleted.v1' AND envelope->'payload'->>'userId' = $1`,
        [userId],
      )
    )[0].n;

  it('refuses the owner of a live partner with 409 partner_owner_account; the account stays usable', async () => {
    const { body, session } = await register(h.app);
    const partnerId = randomUUID();
    await h.deliver(partnerRegistered(session.user.id, partnerId));

    const res = await deleteMe(session, body.password);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 409, code: 'partner_owner_account' });

    // Nothing was erased: the owner still signs in, nobody was told the account went.
    const login = await post(h.app, '/api/auth/login', { email: body.email, password: body.password });
    expect(login.statusCode).toBe(200);
    expect(await deletedEvents(session.user.id)).toBe(0);
    expect(await rows(`SELECT status FROM identity.users WHERE id = $1`, [session.user.id])).toEqual([
      { status: 'active' },
    ]);
  });

  it('is refused before the password is checked, so the owner is not counted as guessing', async () => {
    const { session } = await register(h.app);
    await h.deliver(partnerRegistered(session.user.id));
    const res = await deleteMe(session, 'not-my-password-1');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('partner_owner_account');
  });

  it('after handing the partner to a member, the former owner may delete their account and the new owner may not', async () => {
    const first = await register(h.app);
    const second = await register(h.app);
    const partnerId = randomUUID();
    await h.deliver(partnerRegistered(first.session.user.id, partnerId));
    await h.deliver(memberJoined(second.session.user.id, partnerId, 'manager'));

    // A manager was never the owner: they may leave.
    const handover = ownerChanged(partnerId, second.session.user.id, first.session.user.id);
    await h.deliver(handover, 2); // a redelivery changes nothing
    expect(await rows(`SELECT owner_user_id FROM identity.partner_owners WHERE partner_id = $1`, [partnerId])).toEqual([
      { owner_user_id: second.session.user.id },
    ]);

    const newOwner = await deleteMe(second.session, second.body.password);
    expect(newOwner.statusCode).toBe(409);
    expect(newOwner.json().code).toBe('partner_owner_account');

    const formerOwner = await deleteMe(first.session, first.body.password);
    expect(formerOwner.statusCode, formerOwner.body).toBe(204);
    expect(await deletedEvents(first.session.user.id)).toBe(1);
  });

  it('an older announcement arriving late does not bring the previous owner back', async () => {
    const a = await register(h.app);
    const b = await register(h.app);
    const partnerId = randomUUID();
    const registered = partnerRegistered(a.session.user.id, partnerId);
    const handedToB = ownerChanged(partnerId, b.session.user.id, a.session.user.id, new Date(Date.now() + 60_000));
    // The hand-over is delivered first, the (older) registration after it on its own consumer.
    await h.deliver(handedToB);
    await h.deliver(registered);
    expect(await rows(`SELECT owner_user_id FROM identity.partner_owners WHERE partner_id = $1`, [partnerId])).toEqual([
      { owner_user_id: b.session.user.id },
    ]);
    expect((await deleteMe(a.session, a.body.password)).statusCode).toBe(204);
    expect((await deleteMe(b.session, b.body.password)).statusCode).toBe(409);
  });

  it('a partner being erased no longer holds its owner back', async () => {
    const { body, session } = await register(h.app);
    const partnerId = randomUUID();
    await h.deliver(partnerRegistered(session.user.id, partnerId));
    expect((await deleteMe(session, body.password)).statusCode).toBe(409);

    await h.deliver(deletionRequested(partnerId, session.user.id));
    expect(await rows(`SELECT * FROM identity.partner_owners WHERE partner_id = $1`, [partnerId])).toEqual([]);
    const res = await deleteMe(session, body.password);
    expect(res.statusCode, res.body).toBe(204);
    expect(await deletedEvents(session.user.id)).toBe(1);
  });

  it('an owner announcement for an erased partner, arriving late, holds nobody back', async () => {
    const { body, session } = await register(h.app);
    const other = await register(h.app);
    const partnerId = randomUUID();
    await h.deliver(partnerRegistered(other.session.user.id, partnerId));
    await h.deliver(deletionRequested(partnerId, other.session.user.id));
    await h.deliver(ownerChanged(partnerId, session.user.id, other.session.user.id));
    expect((await deleteMe(session, body.password)).statusCode).toBe(204);
  });
});
