import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, registerPartner, submittedDmo } from '../support/builders.ts';
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
});
