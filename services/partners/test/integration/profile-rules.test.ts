import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, registerPartner, submit, submittedDmo, uploadDocument, uploadLogo } from '../support/builders.ts';
import { pdf, png, upload } from '../support/files.ts';
import { as, startPartnersHarness, type ApiResponse, type PartnersHarness, type TestUser } from '../support/harness.ts';

/** Field errors by field, whether the path is `website` or zod's `body.website`. */
function fieldCodes(res: ApiResponse, field: string): string[] {
  const errors: Array<{ path: string; code: string }> = res.body?.errors ?? [];
  return errors.filter((e) => e.path.replace(/^body\./, '') === field).map((e) => e.code);
}

describe('profile rules', () => {
  let p: PartnersHarness;
  let admin: TestUser;

  beforeAll(async () => {
    p = await startPartnersHarness('partners_profile_rules');
    admin = await p.admin();
  });
  afterAll(() => p?.close());

  // Issue 10 #6: `website = "https://evil.example/\"><script>…"` was accepted and served raw.
  describe('website and social links', () => {
    let owner: TestUser;
    let partnerId: string;
    const patch = (body: unknown) => p.call('PATCH', '/api/partners/me', { ...as(owner), body });

    beforeAll(async () => {
      owner = await p.user('urls');
      partnerId = await submittedDmo(p, owner, 'Markup Valleys', 'IT00743110157', [1, 2, 3]);
      await approve(p, admin, partnerId);
    });

    it('stores and serves the normalised URL: typed markup comes back percent-encoded, never raw', async () => {
      const res = await patch({
        website: 'https://evil.example/"><script>alert(1)</script>',
        socialLinks: ['https://social.example/a b<img src=x>'],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.partner.website).toBe('https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
      expect(res.body.partner.socialLinks).toEqual(['https://social.example/a%20b%3Cimg%20src=x%3E']);
      const [row] = await p.rows<{ website: string }>('SELECT website FROM partners.partners WHERE id = $1', [
        partnerId,
      ]);
      expect(row?.website).toBe('https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
      const profile = await p.call('GET', `/api/partners/${partnerId}`);
      expect(profile.status).toBe(200);
      const served = profile.bytes.toString('utf8');
      expect(served).not.toContain('<script');
      expect(served).not.toContain('"><');
      // A website is not a reviewed field: the badge stays.
      expect(profile.body.verified).toBe(true);
    });

    it('adds https:// to an address typed without a scheme', async () => {
      const res = await patch({ website: 'dolomiti-trails.example', socialLinks: ['instagram.example/dolomiti'] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.partner.website).toBe('https://dolomiti-trails.example/');
      expect(res.body.partner.socialLinks).toEqual(['https://instagram.example/dolomiti']);
      const port = await patch({ website: 'shop.example:8443/booking' });
      expect(port.body.partner.website).toBe('https://shop.example:8443/booking');
    });

    it.each([
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://files.example/brochure.pdf',
      'mailto:desk@example.com',
      'https://bank.example@evil.example/',
      'https://localhost/',
      'http://',
    ])('refuses %s with 400 validation_failed on the website field', async (website) => {
      const res = await patch({ website });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(fieldCodes(res, 'website')).toEqual(['invalid_url']);
    });

    it('refuses a bad social link, naming the link; registration applies the same rule', async () => {
      const res = await patch({ socialLinks: ['https://ok.example/', 'javascript:alert(1)'] });
      expect(res.status).toBe(400);
      expect(fieldCodes(res, 'socialLinks.1')).toEqual(['invalid_url']);
      const newcomer = await p.user('newcomer');
      const register = await p.call('POST', '/api/partners/register', {
        ...as(newcomer),
        body: { type: 'dmo', name: 'Scheme Tours', country: 'IT', website: 'javascript:alert(1)' },
      });
      expect(register.status).toBe(400);
      expect(fieldCodes(register, 'website')).toEqual(['invalid_url']);
      const typed = await registerPartner(p, newcomer, {
        type: 'dmo',
        name: 'Scheme Tours',
        country: 'IT',
        website: 'scheme-tours.example',
      });
      const [row] = await p.rows<{ website: string }>('SELECT website FROM partners.partners WHERE id = $1', [typed]);
      expect(row?.website).toBe('https://scheme-tours.example/');
    });

    it('a row stored raw before the fix is normalised on the way out, and a non-http one dropped', async () => {
      await p.rows(`UPDATE partners.partners SET website = $2, social_links = $3 WHERE id = $1`, [
        partnerId,
        'https://evil.example/"><script>alert(1)</script>',
        ['javascript:alert(1)', 'https://ok.example/"x'],
      ]);
      const profile = await p.call('GET', `/api/partners/${partnerId}`);
      expect(profile.body.website).toBe('https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
      expect(profile.body.socialLinks).toEqual(['https://ok.example/%22x']);
      const directory = await p.call('GET', '/api/partners?q=Markup');
      expect(directory.body.items[0].website).toBe('https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    });
  });

  // Issue 10 #5: a verified partner renamed itself "Dolomiti Trails Official …" and kept the badge.
  describe('display name of a verified partner', () => {
    let owner: TestUser;
    let partnerId: string;

    beforeAll(async () => {
      owner = await p.user('renamer');
      partnerId = await submittedDmo(p, owner, 'Dolomiti Trails', 'IT01234567897', [4, 5, 6]);
      await approve(p, admin, partnerId);
    });

    it('a rename goes back to admin review: status pending_review, badge off, announced and audited', async () => {
      const before = (await p.published('partners.partner.submitted.v1')).length;
      const res = await p.call('PATCH', '/api/partners/me', {
        ...as(owner),
        body: { name: 'Dolomiti Trails Official Partner' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.partner).toMatchObject({
        name: 'Dolomiti Trails Official Partner',
        status: 'pending_review',
        verified: false,
        verifiedAt: null,
        verifiedBy: null,
      });
      const events = await p.published('partners.partner.submitted.v1');
      expect(events).toHaveLength(before + 1);
      expect(events.at(-1)).toMatchObject({
        payload: {
          partnerId,
          ownerUserId: owner.id,
          name: 'Dolomiti Trails Official Partner',
          reason: 'legal_details_changed',
          submittedByUserId: owner.id,
        },
      });
      expect(events.at(-1)?.audience).toEqual(expect.arrayContaining([owner.id, 'role:admin']));
      const [entry] = await p.rows<{ actor_id: string; data: unknown }>(
        `SELECT actor_id, data FROM partners.audit_log
          WHERE entity_id = $1 AND action = 'partner.updated' ORDER BY seq DESC LIMIT 1`,
        [partnerId],
      );
      expect(entry).toEqual({ actor_id: owner.id, data: { fields: ['name'], reopenedReview: true } });
      const queue = await p.call('GET', '/api/admin/partners?status=pending_review', as(admin));
      expect(queue.body.items.map((item: { partner: { id: string } }) => item.partner.id)).toContain(partnerId);
    });

    it('the admin approves the new name, which gets the badge back', async () => {
      await approve(p, admin, partnerId);
      const me = await p.call('GET', '/api/partners/me', as(owner));
      expect(me.body.partner).toMatchObject({ status: 'verified', verified: true });
    });

    it('the same name sent again (a form posting every field) changes nothing and keeps the badge', async () => {
      const res = await p.call('PATCH', '/api/partners/me', {
        ...as(owner),
        body: { name: 'Dolomiti Trails Official Partner', description: 'Hut-to-hut hikes' },
      });
      expect(res.body.partner).toMatchObject({ status: 'verified', verified: true, description: 'Hut-to-hut hikes' });
    });
  });

  // Issue 11: onboarding locked the whole profile while in review.
  describe('edits while in review', () => {
    let owner: TestUser;
    let partnerId: string;

    beforeAll(async () => {
      owner = await p.user('reviewed');
      partnerId = await submittedDmo(p, owner, 'Valle Verde', 'IT00743110157', [7, 8, 9]);
    });

    it('description, website, social links, contacts, regions and languages may change; the status stays', async () => {
      const body = {
        description: 'Walks through chestnut woods',
        website: 'valle-verde.example',
        socialLinks: ['https://social.example/valleverde'],
        contactEmail: 'desk@valle-verde.example',
        contactPhone: '+39 0461 123 456',
        regions: ['IT-32'],
        languages: ['it', 'de'],
      };
      const res = await p.call('PATCH', '/api/partners/me', { ...as(owner), body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.partner).toMatchObject({
        ...body,
        website: 'https://valle-verde.example/',
        status: 'pending_review',
        verified: false,
      });
    });

    it('the logo may change too', async () => {
      const res = await p.call('POST', '/api/partners/me/logo', {
        ...as(owner),
        form: upload({}, png([200, 10, 10]), 'logo.png', 'image/png'),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.partner.status).toBe('pending_review');
    });

    it.each([
      { field: 'name', value: 'Valle Verde Official' },
      { field: 'legalName', value: 'Another Company S.r.l.' },
      { field: 'vatId', value: 'IT01234567897' },
      { field: 'country', value: 'AT' },
    ])('$field stays locked: 409 partner_locked naming the field, nothing changes', async ({ field, value }) => {
      const res = await p.call('PATCH', '/api/partners/me', {
        ...as(owner),
        body: { description: 'Sneaked in with a locked field', [field]: value },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.code).toBe('partner_locked');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: field, code: 'locked_in_review' })]);
      const me = await p.call('GET', '/api/partners/me', as(owner));
      expect(me.body.partner).toMatchObject({
        name: 'Valle Verde',
        status: 'pending_review',
        description: 'Walks through chestnut woods',
      });
    });

    it('documents stay locked in review', async () => {
      const res = await p.call('POST', '/api/partners/me/documents', {
        ...as(owner),
        form: upload({ kind: 'licence' }, pdf('late licence')),
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('partner_locked');
      const docs = await p.rows('SELECT id FROM partners.documents WHERE partner_id = $1', [partnerId]);
      expect(docs).toHaveLength(2);
    });
  });

  // Issue 11: pending partners were listed beside verified ones.
  describe('public directory and profiles', () => {
    let owner: TestUser;
    let partnerId: string;
    const listed = async () =>
      (await p.call('GET', '/api/partners?q=Lumen&pageSize=50')).body.items.map((i: { id: string }) => i.id);

    beforeAll(async () => {
      owner = await p.user('lumen');
      partnerId = await submittedDmo(p, owner, 'Lumen Lakes', 'IT00743110157', [10, 11, 12]);
    });

    it('pending review: 404 to the public, not listed (also with verified=false)', async () => {
      expect((await p.call('GET', `/api/partners/${partnerId}`)).status).toBe(404);
      expect(await listed()).toEqual([]);
      const all = await p.call('GET', '/api/partners?verified=false&q=Lumen');
      expect(all.body).toMatchObject({ items: [], total: 0 });
    });

    it('verified: public and listed', async () => {
      await approve(p, admin, partnerId);
      expect((await p.call('GET', `/api/partners/${partnerId}`)).status).toBe(200);
      expect(await listed()).toEqual([partnerId]);
    });

    it('suspended: 404 and unlisted again; reinstated: back', async () => {
      const suspended = await p.call('POST', `/api/admin/partners/${partnerId}/suspend`, {
        ...as(admin),
        body: { reason: 'Complaints under investigation' },
      });
      expect(suspended.status).toBe(200);
      expect((await p.call('GET', `/api/partners/${partnerId}`)).status).toBe(404);
      expect(await listed()).toEqual([]);
      await p.call('POST', `/api/admin/partners/${partnerId}/reinstate`, as(admin));
      expect(await listed()).toEqual([partnerId]);
    });
  });

  // Issue 11: descriptions can be given in several languages.
  describe('descriptions per language', () => {
    let owner: TestUser;

    beforeAll(async () => {
      owner = await p.user('polyglot');
      await registerPartner(p, owner, {
        type: 'dmo',
        name: 'Polyglot Peaks',
        country: 'IT',
        descriptions: { it: 'Sentieri in quota', de: 'Höhenwege' },
      });
    });
    const me = async () => (await p.call('GET', '/api/partners/me', as(owner))).body.partner;
    const patch = (body: unknown) => p.call('PATCH', '/api/partners/me', { ...as(owner), body });

    it('registers descriptions per language; the default description is the first in en, it, de, fr, es order', async () => {
      expect(await me()).toMatchObject({
        descriptions: { it: 'Sentieri in quota', de: 'Höhenwege' },
        description: 'Sentieri in quota',
      });
    });

    it('PATCH merges languages: text sets one, null or empty text removes one, others stay', async () => {
      const res = await patch({ descriptions: { en: 'High trails', de: null, fr: '' } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.partner.descriptions).toEqual({ en: 'High trails', it: 'Sentieri in quota' });
      expect(res.body.partner.description).toBe('High trails');
    });

    it('refuses a language the portal does not speak, and a text over 2000 characters', async () => {
      const unknown = await patch({ descriptions: { pt: 'Trilhas' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('validation_failed');
      const long = await patch({ descriptions: { en: 'x'.repeat(2001) } });
      expect(long.status).toBe(400);
      expect(fieldCodes(long, 'descriptions.en')).toEqual(['too_long']);
      expect((await me()).descriptions).toEqual({ en: 'High trails', it: 'Sentieri in quota' });
    });

    it('the single description of older clients still works and is what they read back', async () => {
      const res = await patch({ description: 'One text for everyone' });
      expect(res.body.partner).toMatchObject({
        description: 'One text for everyone',
        descriptions: { en: 'High trails', it: 'Sentieri in quota' },
      });
    });

    it('the public profile carries every language and the directory search finds any of them', async () => {
      const verifiedOwner = await p.user('multilingual');
      const id = await submittedDmo(p, verifiedOwner, 'Babel Routes', 'IT00743110157', [20, 21, 22]);
      await p.call('PATCH', '/api/partners/me', {
        ...as(verifiedOwner),
        body: { description: null, descriptions: { fr: 'Randonnées glaciaires', de: 'Gletscherwanderungen' } },
      });
      await approve(p, admin, id);
      const profile = await p.call('GET', `/api/partners/${id}`);
      expect(profile.body).toMatchObject({
        description: 'Gletscherwanderungen',
        descriptions: { fr: 'Randonnées glaciaires', de: 'Gletscherwanderungen' },
      });
      const search = await p.call('GET', `/api/partners?q=${encodeURIComponent('glaciaires')}`);
      expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    });
  });

  // Issue 11: onboarding never asked for a description or a logo, and the admin could approve an empty profile.
  describe('description and logo are required to submit and to approve', () => {
    let owner: TestUser;
    let partnerId: string;
    const profileCheck = async () =>
      (await p.call('GET', '/api/partners/me', as(owner))).body.checks.find(
        (check: { code: string }) => check.code === 'profile_complete',
      );

    beforeAll(async () => {
      owner = await p.user('empty');
      partnerId = await registerPartner(p, owner, {
        type: 'dmo',
        name: 'Empty Profile Tours',
        country: 'IT',
        vatId: 'IT01234567897',
      });
      await uploadDocument(p, owner, 'business_registration', pdf('registration of Empty Profile Tours'));
      await uploadDocument(p, owner, 'representative_id', png([30, 31, 32]));
    });

    it('a profile without description and logo fails the profile_complete check, naming both', async () => {
      expect(await profileCheck()).toEqual({
        code: 'profile_complete',
        status: 'fail',
        missingFields: ['description', 'logo'],
      });
      const res = await p.call('POST', '/api/partners/me/submit', as(owner));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('submission_incomplete');
      expect(res.body.errors).toEqual([
        { path: 'profile_complete', code: 'profile_complete', message: 'description, logo' },
      ]);
      expect((await p.call('GET', '/api/partners/me', as(owner))).body.partner.status).toBe('draft');
    });

    it('a description in one language is enough for the description; the logo is still missing', async () => {
      await p.call('PATCH', '/api/partners/me', { ...as(owner), body: { descriptions: { es: 'Rutas vacías' } } });
      expect(await profileCheck()).toMatchObject({ status: 'fail', missingFields: ['logo'] });
      const res = await p.call('POST', '/api/partners/me/submit', as(owner));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'profile_complete', message: 'logo' })]);
    });

    it('with a logo the check passes and the partner is submitted', async () => {
      await uploadLogo(p, owner, [33, 34, 35]);
      expect(await profileCheck()).toEqual({ code: 'profile_complete', status: 'pass' });
      await submit(p, owner);
    });

    it('the admin cannot approve once the logo was removed in review: 422, still pending', async () => {
      const removed = await p.call('DELETE', '/api/partners/me/logo', as(owner));
      expect(removed.status).toBe(200);
      const res = await p.call('POST', '/api/partners/verify', {
        ...as(admin),
        body: { partnerId, decision: 'approve' },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('submission_incomplete');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'profile_complete', message: 'logo' })]);
      const detail = await p.call('GET', `/api/admin/partners/${partnerId}`, as(admin));
      expect(detail.body.partner).toMatchObject({ status: 'pending_review', verified: false });
      expect(detail.body.checks).toEqual(
        expect.arrayContaining([{ code: 'profile_complete', status: 'fail', missingFields: ['logo'] }]),
      );
      // Rejecting an incomplete profile is always possible.
      const rejected = await p.call('POST', '/api/partners/verify', {
        ...as(admin),
        body: { partnerId, decision: 'reject', reason: 'Please add your logo' },
      });
      expect(rejected.body.status).toBe('rejected');
    });
  });

  describe('document slots per partner type', () => {
    it('a hotel is not asked for (and cannot upload) passenger liability insurance; transport is', async () => {
      const hotelier = await p.user('hotelier');
      const hotel = await p.call('POST', '/api/partners/register', {
        ...as(hotelier),
        body: { type: 'hotel', name: 'Albergo Slots', country: 'IT' },
      });
      expect(hotel.body.requiredDocuments).not.toContain('insurance');
      expect(hotel.body.documentSlots).toEqual([
        'business_registration',
        'vat_certificate',
        'representative_id',
        'licence',
      ]);
      const refused = await p.call('POST', '/api/partners/me/documents', {
        ...as(hotelier),
        form: upload({ kind: 'insurance' }, pdf('passenger liability')),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('validation_failed');
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ path: 'kind', code: 'document_kind_not_applicable' }),
      ]);
      expect(await p.rows('SELECT id FROM partners.documents WHERE partner_id = $1', [hotel.body.partner.id])).toEqual(
        [],
      );

      const operator = await p.user('operator');
      const transport = await p.call('POST', '/api/partners/register', {
        ...as(operator),
        body: { type: 'transport', name: 'Ferries Slots', country: 'IT' },
      });
      expect(transport.body.documentSlots).toContain('insurance');
      await uploadDocument(p, operator, 'insurance', pdf('passenger liability of the ferries'));
    });

    it('a DMO may add a VAT certificate, which it is not required to have', async () => {
      const dmo = await p.user('dmo-slots');
      const res = await p.call('POST', '/api/partners/register', {
        ...as(dmo),
        body: { type: 'dmo', name: 'DMO Slots', country: 'IT' },
      });
      expect(res.body.requiredDocuments).toEqual(['business_registration', 'representative_id']);
      expect(res.body.documentSlots).toEqual(['business_registration', 'representative_id', 'vat_certificate']);
      await uploadDocument(p, dmo, 'vat_certificate', pdf('DMO VAT certificate'));
    });
  });

  // Issue 11: the duplicate-file warning did not say which slot.
  describe('duplicate files name their slots', () => {
    it('the same bytes in two slots: each says which slot it repeats; an admin also sees the other partner', async () => {
      const owner = await p.user('dup');
      const id = await registerPartner(p, owner, { type: 'ota', name: 'Twice Uploaded', country: 'IT' });
      const bytes = pdf('one scan used for two slots');
      const registration = await uploadDocument(p, owner, 'business_registration', bytes);
      const vat = await uploadDocument(p, owner, 'vat_certificate', bytes);
      const me = await p.call('GET', '/api/partners/me', as(owner));
      const check = me.body.checks.find((c: { code: string }) => c.code === 'duplicate_files');
      expect(check).toEqual({
        code: 'duplicate_files',
        status: 'warn',
        documentIds: [registration, vat],
        duplicates: [
          {
            documentId: registration,
            kind: 'business_registration',
            duplicateOf: [{ kind: 'vat_certificate', samePartner: true, documentId: vat }],
          },
          {
            documentId: vat,
            kind: 'vat_certificate',
            duplicateOf: [{ kind: 'business_registration', samePartner: true, documentId: registration }],
          },
        ],
      });

      const other = await p.user('dup-other');
      const otherId = await registerPartner(p, other, { type: 'ota', name: 'Copycat', country: 'IT' });
      const copy = await uploadDocument(p, other, 'representative_id', bytes);
      const mine = (await p.call('GET', '/api/partners/me', as(other))).body.checks.find(
        (c: { code: string }) => c.code === 'duplicate_files',
      );
      expect(mine.duplicates).toEqual([
        {
          documentId: copy,
          kind: 'representative_id',
          duplicateOf: [
            { kind: 'business_registration', samePartner: false },
            { kind: 'vat_certificate', samePartner: false },
          ],
        },
      ]);
      expect(JSON.stringify(mine)).not.toContain(id);
      const detail = await p.call('GET', `/api/admin/partners/${otherId}`, as(admin));
      const adminCheck = detail.body.checks.find((c: { code: string }) => c.code === 'duplicate_files');
      expect(adminCheck.duplicates[0].duplicateOf).toEqual([
        { kind: 'business_registration', samePartner: false, documentId: registration, partnerId: id },
        { kind: 'vat_certificate', samePartner: false, documentId: vat, partnerId: id },
      ]);
    });
  });
});
