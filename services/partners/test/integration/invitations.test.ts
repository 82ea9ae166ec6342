import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timestampDate } from '@tourconnect/contracts';
import { acceptWithToken, invitationToken, invite, registerPartner, uploadDocument } from '../support/builders.ts';
import { pdf } from '../support/files.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const DAY = 24 * 60 * 60 * 1000;

/**
 * Issue 10 #1, invitation squatting: an owner invited an address with no account; whoever
 * registered that address (no proof of holding it) saw and accepted the invitation, then read
 * the partner's KYC documents. Invitations now travel as a single-use link e-mailed to the
 * address (notifications sends it from `partners.invitation.sent.v1`), and are accepted only
 * with that link, signed in with the invited address, verified.
 */
describe('invitations by e-mailed link, for verified addresses only', () => {
  let p: PartnersHarness;
  let owner: TestUser;
  let partnerId: string;
  let documentId: string;
  let counter = 0;
  const address = (name: string) => `${name}.${++counter}.${Date.now()}@example.com`;
  const published = async () => (await p.published('partners.invitation.sent.v1')).map((e) => e.payload);

  beforeAll(async () => {
    p = await startPartnersHarness('partners_invitations');
    owner = await p.user('owner');
    partnerId = await registerPartner(p, owner, { type: 'agency', name: 'Viaggi Sicuri', country: 'IT' });
    documentId = await uploadDocument(p, owner, 'business_registration', pdf('KYC of Viaggi Sicuri'));
  });
  afterAll(() => p?.close());

  describe('inviting', () => {
    it('publishes partners.invitation.sent.v1 with what notifications needs to e-mail the link', async () => {
      const email = address('colleague');
      const before = Date.now();
      const res = await p.call('POST', '/api/partners/me/members', {
        ...as(owner),
        body: { email, role: 'manager', locale: 'de' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const events = await p.published('partners.invitation.sent.v1');
      const event = events.find((e) => (e.payload as { invitationId: string }).invitationId === res.body.id)!;
      expect(event.payload).toEqual({
        invitationId: res.body.id,
        partnerId,
        partnerName: 'Viaggi Sicuri',
        email,
        role: 'manager',
        invitedByUserId: owner.id,
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: expect.any(String),
        locale: 'de',
      });
      // Never pushed to browsers: the token would reach the members' open tabs.
      expect(event.audience).toBeUndefined();
      const expiresAt = new Date((event.payload as { expiresAt: string }).expiresAt).getTime();
      expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY - 1000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * DAY);
      expect(res.body.expiresAt).toBe(new Date(expiresAt).toISOString());
    });

    it('stores only the SHA-256 of the link secret; the 201 answer does not carry it', async () => {
      const id = await invite(p, owner, address('hash'), 'viewer');
      const token = await invitationToken(p, id);
      const [row] = await p.rows<Record<string, unknown>>('SELECT * FROM partners.invitations WHERE id = $1', [id]);
      expect(row?.token_sha256).toBe(sha256(token));
      expect(JSON.stringify(row)).not.toContain(token);
      const view = await p.call('GET', '/api/partners/me/members', as(owner));
      expect(JSON.stringify(view.body)).not.toContain(token);
      expect(JSON.stringify(view.body)).not.toContain(sha256(token));
    });

    it('each invitation gets its own random secret', async () => {
      const tokens = await Promise.all(
        [address('a'), address('b')].map(async (email) => invitationToken(p, await invite(p, owner, email, 'viewer'))),
      );
      expect(new Set(tokens).size).toBe(2);
    });

    it('no event when the invitation is refused (the same transaction)', async () => {
      const email = address('twice');
      await invite(p, owner, email, 'viewer');
      const count = (await published()).length;
      const again = await p.call('POST', '/api/partners/me/members', { ...as(owner), body: { email, role: 'viewer' } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('already_invited');
      expect((await published()).length).toBe(count);
    });

    it('an expired invitation is replaced by inviting again: new id, new link, new expiry', async () => {
      const email = address('late');
      const first = await invite(p, owner, email, 'viewer');
      const oldToken = await invitationToken(p, first);
      await p.rows(`UPDATE partners.invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [first]);
      const second = await invite(p, owner, email, 'manager');
      expect(second).not.toBe(first);
      const invitee = await p.user('late', { email });
      expect((await acceptWithToken(p, invitee, oldToken)).body.code).toBe('invitation_token_invalid');
      const res = await acceptWithToken(p, invitee, await invitationToken(p, second));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.role).toBe('manager');
    });
  });

  describe('the squatter', () => {
    const victimEmail = `victim.${Date.now()}@example.com`;
    let invitationId: string;
    let squatter: TestUser;

    beforeAll(async () => {
      invitationId = await invite(p, owner, victimEmail, 'manager');
      // Someone registers the invited address before its holder, and cannot prove it.
      squatter = await p.user('squatter', { email: victimEmail, emailVerified: false });
    });

    it('does not see the invitation: 403 email_unverified', async () => {
      const res = await p.call('GET', '/api/partners/invitations', as(squatter));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('email_unverified');
    });

    it('cannot accept it, even with the link: 403 email_unverified, and cannot decline it', async () => {
      const accepted = await acceptWithToken(p, squatter, await invitationToken(p, invitationId));
      expect(accepted.status).toBe(403);
      expect(accepted.body.code).toBe('email_unverified');
      const declined = await p.call('POST', `/api/partners/invitations/${invitationId}/decline`, as(squatter));
      expect(declined.status).toBe(403);
      expect(declined.body.code).toBe('email_unverified');
    });

    it('reads none of the partner’s documents, and the invitation is still pending', async () => {
      const file = await p.call('GET', `/api/partners/me/documents/${documentId}/file`, as(squatter));
      expect(file.status).toBe(404);
      expect((await p.call('GET', '/api/partners/me', as(squatter))).status).toBe(404);
      const view = await p.call('GET', '/api/partners/me/members', as(owner));
      expect(view.body.invitations.map((i: { id: string }) => i.id)).toContain(invitationId);
    });

    it('the holder, once verified, sees it and accepts it by the link', async () => {
      const holder = await p.verified(squatter);
      const mine = await p.call('GET', '/api/partners/invitations', as(holder));
      expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([invitationId]);
      const res = await acceptWithToken(p, holder, await invitationToken(p, invitationId));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ role: 'manager', partner: { id: partnerId } });
    });
  });

  describe('accepting', () => {
    it('needs the link: an unknown secret is 403 invitation_token_invalid', async () => {
      const user = await p.user('guesser');
      await invite(p, owner, user.email, 'viewer');
      for (const token of ['x', 'A'.repeat(43), `${'a'.repeat(42)}Z`]) {
        const res = await acceptWithToken(p, user, token);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('invitation_token_invalid');
      }
      expect((await p.call('GET', '/api/partners/me', as(user))).status).toBe(404);
    });

    it('a link opened by another verified account (a forwarded e-mail) is 403 invitation_email_mismatch', async () => {
      const email = address('forwarded');
      const id = await invite(p, owner, email, 'manager');
      const colleague = await p.user('colleague');
      const res = await acceptWithToken(p, colleague, await invitationToken(p, id));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('invitation_email_mismatch');
      expect((await p.call('GET', '/api/partners/me', as(colleague))).status).toBe(404);
      // Still usable by the invited address.
      const invited = await p.user('forwarded', { email });
      expect((await acceptWithToken(p, invited, await invitationToken(p, id))).status).toBe(200);
    });

    it('an expired link is 403 invitation_expired, and the invitation is no longer listed to the invitee', async () => {
      const user = await p.user('expired');
      const id = await invite(p, owner, user.email, 'viewer');
      await p.rows(`UPDATE partners.invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      const res = await acceptWithToken(p, user, await invitationToken(p, id));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('invitation_expired');
      expect((await p.call('GET', '/api/partners/invitations', as(user))).body.items).toEqual([]);
      // The owner still sees it, with its expiry, to invite again.
      const view = await p.call('GET', '/api/partners/me/members', as(owner));
      const listed = view.body.invitations.find((i: { id: string }) => i.id === id);
      expect(new Date(listed.expiresAt).getTime()).toBeLessThan(Date.now());
    });

    it('the link is single-use: accepted once, refused after', async () => {
      const user = await p.user('once');
      const token = await invitationToken(p, await invite(p, owner, user.email, 'viewer'));
      expect((await acceptWithToken(p, user, token)).status).toBe(200);
      const removed = await p.call('DELETE', `/api/partners/me/members/${user.id}`, as(owner));
      expect(removed.status).toBe(204);
      const again = await acceptWithToken(p, user, token);
      expect(again.status).toBe(403);
      expect(again.body.code).toBe('invitation_token_invalid');
    });

    it('the event payload decodes as the contract says (expiresAt a Timestamp)', async () => {
      const [first] = await p.published('partners.invitation.sent.v1');
      const { decodeEventPayload } = await import('@tourconnect/contracts');
      const payload = decodeEventPayload('partners.invitation.sent.v1', first!.payload as never);
      expect(timestampDate(payload.expiresAt!).getTime()).toBeGreaterThan(Date.now());
    });
  });

  describe('registering a partner', () => {
    it('needs a verified e-mail: 403 email_unverified, nothing stored', async () => {
      const unverified = await p.user('newcomer', { emailVerified: false });
      const res = await p.call('POST', '/api/partners/register', {
        ...as(unverified),
        body: { type: 'dmo', name: 'Unproven Tours', country: 'IT' },
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('email_unverified');
      expect(await p.rows('SELECT id FROM partners.partners WHERE owner_user_id = $1', [unverified.id])).toEqual([]);
      const verified = await p.verified(unverified);
      const again = await p.call('POST', '/api/partners/register', {
        ...as(verified),
        body: { type: 'dmo', name: 'Unproven Tours', country: 'IT' },
      });
      expect(again.status).toBe(201);
    });
  });
});
