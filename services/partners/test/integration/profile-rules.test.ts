import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, registerPartner, submittedDmo } from '../support/builders.ts';
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
});
