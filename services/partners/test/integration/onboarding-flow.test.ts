import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, png, upload } from '../support/files.ts';
import { as, startPartnersHarness, type PartnersHarness, type TestUser } from '../support/harness.ts';

const HOTEL = {
  type: 'hotel',
  name: 'Albergo Bellavista',
  country: 'IT',
  legalName: 'Bellavista S.r.l.',
  vatId: 'IT 0074311 0157',
  contactEmail: 'desk@bellavista.example',
  descriptions: { it: 'Camere vista mare', en: 'Sea view rooms' },
  regions: ['it-21', 'IT'],
  languages: ['IT', 'en', 'de'],
};

// The partners side of onboarding; identity granting the owner the partner role on the
// registration event is in test/e2e/partner-roles.test.ts.
describe('partner onboarding', () => {
  let p: PartnersHarness;
  let owner: TestUser;
  let admin: TestUser;
  let partnerId: string;

  beforeAll(async () => {
    p = await startPartnersHarness('partners_flow');
    [owner, admin] = await Promise.all([p.user('hotelier'), p.admin()]);
  });
  afterAll(() => p?.close());

  it('registers a hotel as a draft, normalising codes and the VAT id', async () => {
    const res = await p.call('POST', '/api/partners/register', { ...as(owner), body: HOTEL });
    expect(res.status).toBe(201);
    const { partner, role, requiredDocuments, checks } = res.body;
    partnerId = partner.id;
    expect(role).toBe('owner');
    expect(partner).toMatchObject({
      status: 'draft',
      verified: false,
      vatId: 'IT00743110157',
      regions: ['IT-21', 'IT'],
      languages: ['it', 'en', 'de'],
    });
    expect(requiredDocuments).toEqual(['business_registration', 'vat_certificate', 'representative_id', 'licence']);
    expect(checks.find((c: { code: string }) => c.code === 'required_documents')).toMatchObject({
      status: 'fail',
      missing: requiredDocuments,
    });
  });

  it('announces the registration with its owner, from which identity grants the partner role', async () => {
    const events = await p.published('partners.partner.registered.v1');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      audience: [owner.id],
      payload: { partnerId, ownerUserId: owner.id, type: 'hotel', name: HOTEL.name },
    });
  });

  it('refuses to submit while documents are missing, naming them', async () => {
    const res = await p.call('POST', '/api/partners/me/submit', as(owner));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('submission_incomplete');
    expect(res.body.errors[0].path).toBe('required_documents');
  });

  it('uploads the required documents; their bytes decide the type and the SHA-256 is kept', async () => {
    for (const kind of ['business_registration', 'vat_certificate', 'representative_id', 'licence']) {
      const file = kind === 'representative_id' ? png([1, 2, 3]) : pdf(`${kind} of Bellavista`);
      const res = await p.call('POST', '/api/partners/me/documents', {
        ...as(owner),
        form: upload({ kind }, file, `${kind}.bin`, 'application/octet-stream'),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        kind,
        contentType: kind === 'representative_id' ? 'image/png' : 'application/pdf',
        filename: kind === 'representative_id' ? `${kind}.png` : `${kind}.pdf`,
        size: file.length,
      });
      expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const list = await p.call('GET', '/api/partners/me/documents', as(owner));
    expect(list.body.items).toHaveLength(4);
    const first = list.body.items[0];
    const file = await p.call('GET', `/api/partners/me/documents/${first.id}/file`, as(owner));
    expect(file.status).toBe(200);
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('uploads a logo that the public can load', async () => {
    const res = await p.call('POST', '/api/partners/me/logo', {
      ...as(owner),
      form: upload({}, png(), 'logo.png', 'image/png'),
    });
    expect(res.status).toBe(200);
    const logo = await p.call('GET', res.body.partner.logoUrl);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.bytes.equals(png())).toBe(true);
  });

  it('submits to the admin queue, after which edits and deletions are locked', async () => {
    const res = await p.call('POST', '/api/partners/me/submit', as(owner));
    expect(res.status).toBe(200);
    expect(res.body.partner.status).toBe('pending_review');
    expect(res.body.checks.every((c: { status: string }) => c.status !== 'fail')).toBe(true);
    const edit = await p.call('PATCH', '/api/partners/me', { ...as(owner), body: { name: 'Sneaky rename' } });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('partner_locked');
    const again = await p.call('POST', '/api/partners/me/submit', as(owner));
    expect(again.body.code).toBe('partner_not_submittable');
  });

  it('shows the admin the queue with documents, checks and a previewable file', async () => {
    const queue = await p.call('GET', '/api/admin/partners?status=pending_review', as(admin));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { partner: { id: string } }) => i.partner.id)).toContain(partnerId);
    const detail = await p.call('GET', `/api/admin/partners/${partnerId}`, as(admin));
    expect(detail.body.documents).toHaveLength(4);
    expect(detail.body.checks).toEqual(
      expect.arrayContaining([
        { code: 'required_documents', status: 'pass' },
        { code: 'vat_format', status: 'pass' },
      ]),
    );
    expect(detail.body.history.map((h: { action: string }) => h.action)).toContain('partner.submitted');
    const doc = detail.body.documents.find((d: { kind: string }) => d.kind === 'representative_id');
    const file = await p.call('GET', `/api/admin/partners/${partnerId}/documents/${doc.id}/file`, as(admin));
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toMatch(/^inline/);
  });

  it('is not public before the decision (no profile, not listed), and non-admins cannot decide', async () => {
    const before = await p.call('GET', `/api/partners/${partnerId}`);
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('partner_not_found');
    expect((await p.call('GET', '/api/partners?pageSize=50')).body.items).toEqual([]);
    const byOwner = await p.call('POST', '/api/partners/verify', {
      ...as(owner),
      body: { partnerId, decision: 'approve' },
    });
    expect(byOwner.status).toBe(403);
  });

  it('approval sets the badge on the public profile and directory, audited in the hash chain', async () => {
    const res = await p.call('POST', '/api/partners/verify', {
      ...as(admin),
      body: { partnerId, decision: 'approve' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'verified', verified: true, verifiedBy: admin.id });
    // billing prints the legal details on its commission invoices: the event carries them.
    const [verified] = await p.published('partners.partner.verified.v1');
    expect(verified?.payload).toMatchObject({
      partnerId,
      legalName: HOTEL.legalName,
      vatId: 'IT00743110157',
      country: 'IT',
    });
    const profile = await p.call('GET', `/api/partners/${partnerId}`);
    expect(profile.body).toMatchObject({ id: partnerId, name: HOTEL.name, verified: true });
    // Public fields only: no tax id, legal name, contacts or owner.
    for (const field of ['vatId', 'legalName', 'contactEmail', 'ownerUserId', 'status'])
      expect(profile.body).not.toHaveProperty(field);
    const directory = await p.call('GET', '/api/partners?verified=true&region=IT&language=de');
    expect(directory.body.items.map((i: { id: string }) => i.id)).toEqual([partnerId]);
    const second = await p.call('POST', '/api/partners/verify', {
      ...as(admin),
      body: { partnerId, decision: 'reject', reason: 'Too late now' },
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('partner_not_pending');
    const audit = await p.call('GET', '/internal/audit/verify', as(admin));
    expect(audit.status).toBe(200);
    expect(audit.body.ok).toBe(true);
  });

  it('a verified partner edits its profile freely, but a new VAT id sends it back to review', async () => {
    const description = await p.call('PATCH', '/api/partners/me', {
      ...as(owner),
      body: { description: 'Sea view rooms' },
    });
    expect(description.body.partner).toMatchObject({ status: 'verified', description: 'Sea view rooms' });
    const vat = await p.call('PATCH', '/api/partners/me', { ...as(owner), body: { vatId: 'IT01234567897' } });
    expect(vat.body.partner).toMatchObject({ status: 'pending_review', verified: false, vatId: 'IT01234567897' });
    // Back in review, it leaves the public directory until the admin decides again.
    const profile = await p.call('GET', `/api/partners/${partnerId}`);
    expect(profile.status).toBe(404);
    expect((await p.call('GET', '/api/partners?pageSize=50')).body.items).toEqual([]);
  });

  it('a rejection carries the reason to the partner, who fixes and resubmits', async () => {
    const reject = await p.call('POST', '/api/partners/verify', {
      ...as(admin),
      body: { partnerId, decision: 'reject', reason: 'The VAT certificate does not match the new VAT id' },
    });
    expect(reject.body.status).toBe('rejected');
    const me = await p.call('GET', '/api/partners/me', as(owner));
    expect(me.body.partner).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The VAT certificate does not match the new VAT id',
    });
    const vatDoc = (await p.call('GET', '/api/partners/me/documents', as(owner))).body.items.find(
      (d: { kind: string }) => d.kind === 'vat_certificate',
    );
    expect((await p.call('DELETE', `/api/partners/me/documents/${vatDoc.id}`, as(owner))).status).toBe(204);
    await p.call('POST', '/api/partners/me/documents', {
      ...as(owner),
      form: upload({ kind: 'vat_certificate' }, pdf('new VAT certificate')),
    });
    const resubmit = await p.call('POST', '/api/partners/me/submit', as(owner));
    expect(resubmit.body.partner).toMatchObject({ status: 'pending_review', rejectionReason: null });
  });
});
