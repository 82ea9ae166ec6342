import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, waitFor } from '@tourconnect/service-kit/testing';
import { startIdentity, type IdentityHarness } from '../support/harness.ts';
import { post, register, withCookie } from '../support/http.ts';
import { partnerRegistered } from '../support/partner-events.ts';
import { rowsOf } from '../support/rows.ts';

const admin = { ADMIN_EMAIL: 'admin@tourconnect.example', ADMIN_PASSWORD: 'admin-pass-1234' };

describe('partners.partner.registered.v1 → partner role', () => {
  let h: IdentityHarness;

  beforeAll(async () => {
    // The harness's transport has no de-duplication window: the consumer itself must cope.
    h = await startIdentity({ label: 'identity_partner_role', env: admin });
  });
  afterAll(() => h.close());

  const rows = (sql: string, params: unknown[]) => rowsOf(h.database, sql, params);
  const handled = async (eventId: string) =>
    (await rows(`SELECT count(*)::int AS n FROM identity.event_inbox WHERE event_id = $1`, [eventId]))[0].n;

  it('grants the role exactly once under duplicate delivery and announces it once', async () => {
    const { session, cookie } = await register(h.app);
    const userId = session.user.id;
    const partnerId = '0190d7e2-7f3a-7000-8000-0000000000aa';
    const event = partnerRegistered(userId, partnerId);
    // Three copies at once (competing for the inbox row), then two more one after the other.
    await Promise.all([h.transport.publish(event), h.transport.publish(event), h.transport.publish(event)]);
    await h.settle();
    await h.deliver(event, 2);
    expect(await handled(event.id)).toBe(1);

    expect(
      await rows(`SELECT role, partner_id FROM identity.user_roles WHERE user_id = $1 ORDER BY role`, [userId]),
    ).toEqual([
      { role: 'partner', partner_id: partnerId },
      { role: 'traveller', partner_id: null },
    ]);
    const granted = await rows(
      `SELECT envelope FROM identity.event_outbox WHERE subject = 'identity.user.role_granted.v1'`,
      [],
    );
    expect(granted).toHaveLength(1);
    expect(granted[0].envelope).toMatchObject({
      audience: [userId],
      correlationId: event.correlationId,
      payload: { userId, role: 'partner', partnerId, grantedByUserId: '' },
    });
    const audit = await rows(
      `SELECT data FROM identity.audit_log WHERE action = 'user.role_granted' AND entity_id = $1`,
      [userId],
    );
    expect(audit).toEqual([{ data: { role: 'partner', partnerId, cause: event.id } }]);

    // The next refresh carries the new role; the token signed before it does not.
    const refreshed = await post(h.app, '/api/auth/refresh', undefined, withCookie(cookie));
    expect(refreshed.json().user.roles).toEqual(['traveller', 'partner']);
  });

  it('a second partner of the same owner changes nothing (the role is already held)', async () => {
    const { session } = await register(h.app);
    const first = partnerRegistered(session.user.id);
    const second = partnerRegistered(session.user.id);
    await h.deliver(first);
    expect(await handled(first.id)).toBe(1);
    await h.deliver(second);
    expect(await handled(second.id)).toBe(1);
    const audit = await rows(
      `SELECT count(*)::int AS n FROM identity.audit_log WHERE action = 'user.role_granted' AND entity_id = $1`,
      [session.user.id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('dead-letters an event whose owner is not a user; an admin sees it', async () => {
    const event = partnerRegistered('0190d7e2-7f3a-7000-8000-00000000dead');
    await h.deliver(event);
    const login = await post(h.app, '/api/auth/login', { email: admin.ADMIN_EMAIL, password: admin.ADMIN_PASSWORD });
    const token = login.json().accessToken;
    type DeadLetterView = { id: string; durable: string; eventId: string; subject: string; error: string };
    const list = await waitFor(
      async (): Promise<DeadLetterView[]> =>
        (await h.app.inject({ method: 'GET', url: '/internal/dead-letters', headers: bearer(token) })).json().items,
      (items) => items.length === 1,
    );
    const [letter] = list as [DeadLetterView];
    expect(letter).toMatchObject({ durable: 'identity-grant-partner-role', eventId: event.id, subject: event.subject });
    expect(letter.error).toMatch(/not a user/);
    const replay = await h.app.inject({
      method: 'POST',
      url: `/internal/dead-letters/${letter.id}/replay`,
      headers: bearer(token),
    });
    expect(replay.json()).toMatchObject({ replayed: false });
    const missing = await h.app.inject({
      method: 'POST',
      url: '/internal/dead-letters/0190d7e2-7f3a-7000-8000-000000000000/replay',
      headers: bearer(token),
    });
    expect(missing.statusCode).toBe(404);
  });
});
