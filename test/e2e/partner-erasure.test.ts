import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, png, upload } from '@tourconnect/partners/demo-files';
import { waitFor } from '@tourconnect/service-kit/testing';
import { as, call, reSignIn, signIn, signUp, type TestUser } from './support/api-client.ts';
import { readLink } from './support/mailbox.ts';
import { ADMIN, startPlatform, type Platform } from './support/platform.ts';

const DMO = {
  type: 'dmo',
  name: 'Visit Valle Aurina',
  country: 'IT',
  legalName: 'Consorzio Turistico Valle Aurina',
  vatId: 'IT 0074311 0157',
  contactEmail: 'info@valleaurina.example',
  descriptions: { it: 'Escursioni in Valle Aurina', de: 'Wanderungen im Ahrntal' },
  regions: ['IT-32'],
  languages: ['it', 'de'],
};

/**
 * A partner's GDPR erasure as it really travels: partners asks, identity erases the partner
 * roles and confirms, partners erases itself. What partners does on its own (the export, the
 * refusals, the lock while a request runs, the anonymised tombstone, the files) is tested in
 * services/partners/test/integration/gdpr.test.ts with identity's confirmation delivered by hand.
 */
describe('partner GDPR erasure across services (real PostgreSQL + NATS JetStream)', () => {
  let p: Platform;
  let owner: TestUser;
  let manager: TestUser;
  let admin: TestUser;
  let partnerId: string;
  let requestId: string;

  const rows = async (sql: string, params: unknown[] = []) => (await p.database.pool.query(sql, params)).rows;
  const partnerRoles = (id: string) =>
    rows(`SELECT user_id FROM identity.user_roles WHERE role = 'partner' AND partner_id = $1 ORDER BY user_id`, [id]);
  const hasPartnerRole = (user: TestUser) =>
    waitFor(
      () => reSignIn(p.base, user),
      (fresh) => fresh.roles.includes('partner'),
    );

  /**
   * Holds identity's partner-role rows of a partner locked, so identity's erasure handler
   * waits: the state "deletion requested, not yet confirmed" lasts until `release()` instead
   * of racing the events through NATS.
   */
  async function holdIdentityErasure(id: string) {
    const client = await p.database.pool.connect();
    await client.query('BEGIN');
    const locked = await client.query(
      `SELECT user_id FROM identity.user_roles WHERE role = 'partner' AND partner_id = $1 FOR UPDATE`,
      [id],
    );
    if (!locked.rowCount) throw new Error('nothing to lock: no partner role granted yet');
    return async () => {
      await client.query('ROLLBACK');
      client.release();
    };
  }

  beforeAll(async () => {
    p = await startPlatform('partners_gdpr');
    admin = await signIn(p.base, ADMIN.email, ADMIN.password);
    owner = await signUp(p.base, 'dmo-owner');
    manager = await signUp(p.base, 'dmo-manager');
    const registered = await call(p.base, 'POST', '/api/partners/register', { ...as(owner), body: DMO });
    if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
    partnerId = registered.body.partner.id;

    for (const [kind, file] of [
      ['business_registration', pdf('Registro imprese Valle Aurina')],
      ['representative_id', png([1, 2, 3])],
    ] as const) {
      const res = await call(p.base, 'POST', '/api/partners/me/documents', {
        ...as(owner),
        form: upload({ kind }, file, `${kind}.bin`, 'application/octet-stream'),
      });
      if (res.status !== 201) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
    }
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
    // A description (above) and a logo are required to submit.
    const logo = await call(p.base, 'POST', '/api/partners/me/logo', {
      ...as(owner),
      form: upload({}, png([0, 128, 255]), 'logo.png', 'image/png'),
    });
    if (logo.status !== 200) throw new Error(`logo failed: ${JSON.stringify(logo.body)}`);

    const submitted = await call(p.base, 'POST', '/api/partners/me/submit', as(owner));
    if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
    const approved = await call(p.base, 'POST', '/api/partners/verify', {
      ...as(admin),
      body: { partnerId, decision: 'approve' },
    });
    if (approved.body?.status !== 'verified') throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
    await Promise.all([hasPartnerRole(owner), hasPartnerRole(manager)]);
  });
  afterAll(() => p?.close());

  it('a confirmed request stays in progress until identity has erased the partner roles', async () => {
    const release = await holdIdentityErasure(partnerId);
    try {
      const res = await call(p.base, 'DELETE', '/api/partners/me', { ...as(owner), body: { confirmName: DMO.name } });
      expect(res.status).toBe(202);
      requestId = res.body.id;
      expect(res.body).toMatchObject({
        partnerId,
        partnerName: DMO.name,
        status: 'in_progress',
        completedAt: null,
        services: [
          { service: 'identity', status: 'pending', confirmedAt: null },
          { service: 'partners', status: 'pending', confirmedAt: null },
        ],
      });
      const again = await call(p.base, 'DELETE', '/api/partners/me', { ...as(owner), body: { confirmName: DMO.name } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('deletion_in_progress');
      const progress = await call(p.base, 'GET', '/api/partners/me/deletion', as(owner));
      expect(progress.body).toMatchObject({ id: requestId, status: 'in_progress' });
    } finally {
      await release();
    }
  });

  it('completes once identity and partners confirmed: no partner roles, no partner', async () => {
    const done = await waitFor(
      () => call(p.base, 'GET', '/api/partners/me/deletion', as(owner)),
      (res) => res.body?.status === 'completed',
    );
    expect(done.body).toMatchObject({ id: requestId, partnerId, partnerName: '', completedAt: expect.any(String) });
    expect(done.body.services.map((s: { service: string }) => s.service)).toEqual(['identity', 'partners']);
    for (const service of done.body.services) {
      expect(service).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
    }

    expect(await partnerRoles(partnerId)).toEqual([]);
    for (const user of [owner, manager]) expect((await reSignIn(p.base, user)).roles).toEqual(['traveller']);
    expect(await rows(`SELECT status FROM partners.partners WHERE id = $1`, [partnerId])).toEqual([
      { status: 'deleted' },
    ]);
    for (const user of [owner, manager]) {
      expect((await call(p.base, 'GET', '/api/partners/me', as(user))).status).toBe(404);
    }
  });

  it('announces the erasure in both outboxes and both audit chains still verify', async () => {
    const [deleted] = await rows(
      `SELECT envelope FROM partners.event_outbox WHERE subject = 'partners.partner.deleted.v1'`,
    );
    expect(deleted?.envelope.payload).toEqual({ partnerId, requestId });
    const erased = await rows(
      `SELECT envelope FROM identity.event_outbox WHERE subject = 'identity.partner_data.erased.v1'`,
    );
    expect(erased).toHaveLength(1);
    expect(erased[0].envelope).toMatchObject({
      audience: [owner.id],
      payload: { partnerId, requestId, service: 'identity', deletedRecords: 2 },
    });
    const audit = await call(p.base, 'GET', '/api/admin/audit/verify', as(admin));
    expect(audit.status).toBe(200);
    expect(audit.body.ok).toBe(true);
    expect(audit.body.services.map((s: { service: string }) => s.service)).toEqual(
      expect.arrayContaining(['identity', 'partners']),
    );
  });

  it('the former owner may register a new partner afterwards', async () => {
    const res = await call(p.base, 'POST', '/api/partners/register', {
      ...as(owner),
      body: { type: 'dmo', name: 'Visit Tauferer Ahrntal', country: 'IT' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ role: 'owner', partner: { status: 'draft' } });
    await hasPartnerRole(owner);
    expect(await partnerRoles(res.body.partner.id)).toEqual([{ user_id: owner.id }]);
  });

  it('refuses a second deletion request while one is running, then completes the first', async () => {
    const me = await call(p.base, 'GET', '/api/partners/me', as(owner));
    const secondId = me.body.partner.id;
    const release = await holdIdentityErasure(secondId);
    let second;
    try {
      second = await call(p.base, 'DELETE', '/api/partners/me', {
        ...as(owner),
        body: { confirmName: 'Visit Tauferer Ahrntal' },
      });
      expect(second.status).toBe(202);
      const again = await call(p.base, 'DELETE', '/api/partners/me', {
        ...as(owner),
        body: { confirmName: 'Visit Tauferer Ahrntal' },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('deletion_in_progress');
    } finally {
      await release();
    }
    const done = await waitFor(
      () => call(p.base, 'GET', '/api/partners/me/deletion', as(owner)),
      (res) => res.body?.status === 'completed',
    );
    expect(done.body).toMatchObject({ id: second.body.id, partnerId: secondId });
    expect(await rows(`SELECT count(*)::int AS n FROM partners.deletion_requests`)).toEqual([{ n: 2 }]);
  });
});
