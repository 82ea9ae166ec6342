import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@tourconnect/service-kit/testing';
import { as, call, reSignIn, signIn, signUp, type TestUser } from './support/api-client.ts';
import { pdf, png, upload } from '@tourconnect/partners/demo-files';
import { ADMIN, startPlatform, type Platform } from './support/platform.ts';

const DMO = {
  type: 'dmo',
  name: 'Visit Valle Aurina',
  country: 'IT',
  legalName: 'Consorzio Turistico Valle Aurina',
  vatId: 'IT 0074311 0157',
  contactEmail: 'info@valleaurina.example',
  regions: ['IT-32'],
  languages: ['it', 'de'],
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every file (not directory) under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('partner GDPR export and erasure across services (real PostgreSQL + NATS JetStream)', () => {
  let p: Platform;
  let owner: TestUser;
  let manager: TestUser;
  let admin: TestUser;
  let partnerId: string;
  let requestId: string;
  const uploaded = new Map<string, Buffer>();

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
      uploaded.set(res.body.id, file);
    }
    const logo = await call(p.base, 'POST', '/api/partners/me/logo', {
      ...as(owner),
      form: upload({}, png([0, 128, 255]), 'logo.png', 'image/png'),
    });
    if (logo.status !== 200) throw new Error(`logo failed: ${JSON.stringify(logo.body)}`);

    const invitation = await call(p.base, 'POST', '/api/partners/me/members', {
      ...as(owner),
      body: { email: manager.email, role: 'manager' },
    });
    const accepted = await call(p.base, 'POST', `/api/partners/invitations/${invitation.body.id}/accept`, as(manager));
    if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
    const pending = await call(p.base, 'POST', '/api/partners/me/members', {
      ...as(owner),
      body: { email: 'not-yet-signed-up@example.com', role: 'viewer' },
    });
    if (pending.status !== 201) throw new Error(`invite failed: ${JSON.stringify(pending.body)}`);

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

  it('exports everything held about the partner to the owner as a JSON download', async () => {
    const res = await call(p.base, 'GET', '/api/partners/me/export', as(owner));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="tourconnect-partner-${partnerId}.json"`);
    expect(res.headers.get('content-type')).toContain('application/json');
    const data = res.body;
    expect(data.partner).toMatchObject({
      id: partnerId,
      status: 'verified',
      vatId: 'IT00743110157',
      legalName: DMO.legalName,
      contactEmail: DMO.contactEmail,
    });
    expect(data.members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [manager.email, 'manager'],
    ]);
    expect(data.invitations).toEqual([expect.objectContaining({ email: 'not-yet-signed-up@example.com' })]);
    expect(data.documents).toHaveLength(2);
    for (const doc of data.documents) expect(doc.sha256).toBe(sha256(uploaded.get(doc.id)!));
    expect(data.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['partner.registered', 'member.joined', 'partner.verified']),
    );
  });

  it('refuses the export and the deletion to a manager', async () => {
    const exported = await call(p.base, 'GET', '/api/partners/me/export', as(manager));
    expect(exported.status).toBe(403);
    const deletion = await call(p.base, 'DELETE', '/api/partners/me', {
      ...as(manager),
      body: { confirmName: DMO.name },
    });
    expect(deletion.status).toBe(403);
    expect((await call(p.base, 'GET', '/api/partners/me', as(owner))).body.partner.status).toBe('verified');
  });

  it('refuses a deletion confirmed with the wrong name, changing nothing', async () => {
    const res = await call(p.base, 'DELETE', '/api/partners/me', {
      ...as(owner),
      body: { confirmName: 'Visit Valle' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'confirmName', code: 'confirm_name_mismatch' })]);
    expect((await call(p.base, 'GET', '/api/partners/me', as(owner))).body.partner).toMatchObject({
      status: 'verified',
      verified: true,
    });
    expect((await call(p.base, 'GET', `/api/partners/${partnerId}`)).status).toBe(200);
    const directory = await call(p.base, 'GET', '/api/partners?pageSize=50');
    expect(directory.body.items.map((i: { id: string }) => i.id)).toContain(partnerId);
    // Two documents and the logo, the files the erasure must remove.
    expect((await filesUnder(p.uploadsDir)).filter((file) => file.includes(partnerId))).toHaveLength(3);
    expect((await call(p.base, 'GET', '/api/partners/me/deletion', as(owner))).status).toBe(404);
    expect(await rows(`SELECT id FROM partners.deletion_requests`)).toEqual([]);
  });

  it('a confirmed request stops the partner at once while every service is asked to erase it', async () => {
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
      const edit = await call(p.base, 'PATCH', '/api/partners/me', {
        ...as(owner),
        body: { description: 'Still here' },
      });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('partner_locked');
      const publicProfile = await call(p.base, 'GET', `/api/partners/${partnerId}`);
      expect(publicProfile.status).toBe(404);
      // The logo stops being served at once too, not only when the files are gone.
      const logo = await call(p.base, 'GET', `/api/partners/${partnerId}/logo`);
      expect(logo.status).toBe(404);
      const directory = await call(p.base, 'GET', '/api/partners?pageSize=50');
      expect(directory.body.items.map((i: { id: string }) => i.id)).not.toContain(partnerId);
      const again = await call(p.base, 'DELETE', '/api/partners/me', { ...as(owner), body: { confirmName: DMO.name } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('deletion_in_progress');
      const progress = await call(p.base, 'GET', '/api/partners/me/deletion', as(owner));
      expect(progress.body).toMatchObject({ id: requestId, status: 'in_progress' });
    } finally {
      await release();
    }
  });

  it('completes once identity and partners confirmed, leaving only an anonymised tombstone', async () => {
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
    for (const table of ['documents', 'members', 'invitations']) {
      expect(await rows(`SELECT 1 FROM partners.${table} WHERE partner_id = $1`, [partnerId]), table).toEqual([]);
    }
    expect((await filesUnder(p.uploadsDir)).filter((file) => file.includes(partnerId))).toEqual([]);
    const [tombstone] = await rows(`SELECT * FROM partners.partners WHERE id = $1`, [partnerId]);
    expect(tombstone).toMatchObject({
      status: 'deleted',
      verified: false,
      name: 'Deleted partner',
      vat_id: null,
      legal_name: null,
      contact_email: null,
      logo_key: null,
      description: null,
    });
    expect(await rows(`SELECT partner_name FROM partners.deletion_requests WHERE id = $1`, [requestId])).toEqual([
      { partner_name: '' },
    ]);
    expect((await call(p.base, 'GET', '/api/partners/me', as(owner))).status).toBe(404);
    expect((await call(p.base, 'GET', `/api/partners/${partnerId}/logo`)).status).toBe(404);
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
