import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnvelope } from '@tourconnect/service-kit/testing';
import { accept, approve, invite, registerPartner, submit } from '../support/builders.ts';
import { pdf, png, upload } from '../support/files.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

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

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The partners side of a GDPR export and erasure. identity's confirmation arrives as the event
 * identity publishes (delivered here by the test), so "requested, not yet confirmed" lasts
 * exactly as long as the test wants. The whole round trip through identity and NATS is in
 * test/e2e/partner-erasure.test.ts.
 */
describe('partner GDPR export and erasure', () => {
  let p: PartnersHarness;
  let owner: TestUser;
  let manager: TestUser;
  let admin: TestUser;
  let partnerId: string;
  let requestId: string;
  const uploaded = new Map<string, Buffer>();

  const rows = (sql: string, params: unknown[] = []) => p.rows(sql, params);
  const partnerFiles = async (id: string) => (await p.files()).filter((file) => file.includes(id));
  /** identity's answer to a deletion request: it erased the partner's roles (two members). */
  const identityConfirms = (partner: string, request: string) =>
    p.deliver(
      testEnvelope(
        'identity.partner_data.erased.v1',
        { partnerId: partner, requestId: request, service: 'identity', deletedRecords: 2, anonymisedRecords: 0 },
        { audience: [owner.id] },
      ),
    );

  beforeAll(async () => {
    p = await startPartnersHarness('partners_gdpr');
    [owner, manager, admin] = await Promise.all([p.user('dmo-owner'), p.user('dmo-manager'), p.admin()]);
    partnerId = await registerPartner(p, owner, DMO);

    for (const [kind, file] of [
      ['business_registration', pdf('Registro imprese Valle Aurina')],
      ['representative_id', png([1, 2, 3])],
    ] as const) {
      const res = await p.call('POST', '/api/partners/me/documents', {
        ...as(owner),
        form: upload({ kind }, file, `${kind}.bin`, 'application/octet-stream'),
      });
      if (res.status !== 201) throw new Error(`upload failed: ${JSON.stringify(res.body)}`);
      uploaded.set(res.body.id, file);
    }
    const logo = await p.call('POST', '/api/partners/me/logo', {
      ...as(owner),
      form: upload({}, png([0, 128, 255]), 'logo.png', 'image/png'),
    });
    if (logo.status !== 200) throw new Error(`logo failed: ${JSON.stringify(logo.body)}`);

    await accept(p, manager, await invite(p, owner, manager.email, 'manager'));
    await invite(p, owner, 'not-yet-signed-up@example.com', 'viewer');
    await submit(p, owner);
    await approve(p, admin, partnerId);
  });
  afterAll(() => p?.close());

  it('exports everything held about the partner to the owner as a JSON download', async () => {
    const res = await p.call('GET', '/api/partners/me/export', as(owner));
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
    const exported = await p.call('GET', '/api/partners/me/export', as(manager));
    expect(exported.status).toBe(403);
    const deletion = await p.call('DELETE', '/api/partners/me', { ...as(manager), body: { confirmName: DMO.name } });
    expect(deletion.status).toBe(403);
    expect((await p.call('GET', '/api/partners/me', as(owner))).body.partner.status).toBe('verified');
  });

  it('refuses a deletion confirmed with the wrong name, changing nothing', async () => {
    const res = await p.call('DELETE', '/api/partners/me', { ...as(owner), body: { confirmName: 'Visit Valle' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'confirmName', code: 'confirm_name_mismatch' })]);
    expect((await p.call('GET', '/api/partners/me', as(owner))).body.partner).toMatchObject({
      status: 'verified',
      verified: true,
    });
    expect((await p.call('GET', `/api/partners/${partnerId}`)).status).toBe(200);
    const directory = await p.call('GET', '/api/partners?pageSize=50');
    expect(directory.body.items.map((i: { id: string }) => i.id)).toContain(partnerId);
    // Two documents and the logo, the files the erasure must remove.
    expect(await partnerFiles(partnerId)).toHaveLength(3);
    expect((await p.call('GET', '/api/partners/me/deletion', as(owner))).status).toBe(404);
    expect(await rows(`SELECT id FROM partners.deletion_requests`)).toEqual([]);
  });

  it('a confirmed request stops the partner at once while every holder is asked to erase it', async () => {
    const res = await p.call('DELETE', '/api/partners/me', { ...as(owner), body: { confirmName: DMO.name } });
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
    // The request every holder (identity here) erases its part on.
    const requested = await p.published('partners.partner.deletion_requested.v1');
    expect(requested.map((envelope) => envelope.payload)).toEqual([
      { partnerId, requestId, requestedByUserId: owner.id },
    ]);
    const edit = await p.call('PATCH', '/api/partners/me', { ...as(owner), body: { description: 'Still here' } });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('partner_locked');
    expect((await p.call('GET', `/api/partners/${partnerId}`)).status).toBe(404);
    // The logo stops being served at once too, not only when the files are gone.
    expect((await p.call('GET', `/api/partners/${partnerId}/logo`)).status).toBe(404);
    const directory = await p.call('GET', '/api/partners?pageSize=50');
    expect(directory.body.items.map((i: { id: string }) => i.id)).not.toContain(partnerId);
    const again = await p.call('DELETE', '/api/partners/me', { ...as(owner), body: { confirmName: DMO.name } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('deletion_in_progress');
    const progress = await p.call('GET', '/api/partners/me/deletion', as(owner));
    expect(progress.body).toMatchObject({ id: requestId, status: 'in_progress' });
    // Nothing is erased until the holders confirm.
    expect(await partnerFiles(partnerId)).toHaveLength(3);
  });

  it("completes once identity's confirmation arrives, leaving only an anonymised tombstone", async () => {
    await identityConfirms(partnerId, requestId);
    const done = await p.call('GET', '/api/partners/me/deletion', as(owner));
    expect(done.body).toMatchObject({
      id: requestId,
      partnerId,
      partnerName: '',
      status: 'completed',
      completedAt: expect.any(String),
    });
    expect(done.body.services.map((s: { service: string }) => s.service)).toEqual(['identity', 'partners']);
    for (const service of done.body.services) {
      expect(service).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
    }

    for (const table of ['documents', 'members', 'invitations']) {
      expect(await rows(`SELECT 1 FROM partners.${table} WHERE partner_id = $1`, [partnerId]), table).toEqual([]);
    }
    expect(await partnerFiles(partnerId)).toEqual([]);
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
      descriptions: {},
    });
    expect(await rows(`SELECT partner_name FROM partners.deletion_requests WHERE id = $1`, [requestId])).toEqual([
      { partner_name: '' },
    ]);
    expect((await p.call('GET', '/api/partners/me', as(owner))).status).toBe(404);
    expect((await p.call('GET', '/api/partners/me', as(manager))).status).toBe(404);
    expect((await p.call('GET', `/api/partners/${partnerId}/logo`)).status).toBe(404);
  });

  it('announces the erasure and its audit chain still verifies', async () => {
    const deleted = await p.published('partners.partner.deleted.v1');
    expect(deleted.map((envelope) => envelope.payload)).toEqual([{ partnerId, requestId }]);
    expect(deleted[0]?.audience).toEqual([owner.id]);
    const audit = await p.call('GET', '/internal/audit/verify', as(admin));
    expect(audit.status).toBe(200);
    expect(audit.body.ok).toBe(true);
  });

  it('the former owner may register a new partner afterwards', async () => {
    const res = await p.call('POST', '/api/partners/register', {
      ...as(owner),
      body: { type: 'dmo', name: 'Visit Tauferer Ahrntal', country: 'IT' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ role: 'owner', partner: { status: 'draft' } });
  });

  it('refuses a second deletion request while one is running, then completes the first', async () => {
    const me = await p.call('GET', '/api/partners/me', as(owner));
    const secondId = me.body.partner.id;
    const second = await p.call('DELETE', '/api/partners/me', {
      ...as(owner),
      body: { confirmName: 'Visit Tauferer Ahrntal' },
    });
    expect(second.status).toBe(202);
    const again = await p.call('DELETE', '/api/partners/me', {
      ...as(owner),
      body: { confirmName: 'Visit Tauferer Ahrntal' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('deletion_in_progress');
    await identityConfirms(secondId, second.body.id);
    const done = await p.call('GET', '/api/partners/me/deletion', as(owner));
    expect(done.body).toMatchObject({ id: second.body.id, partnerId: secondId, status: 'completed' });
    expect(await rows(`SELECT count(*)::int AS n FROM partners.deletion_requests`)).toEqual([{ n: 2 }]);
  });
});
