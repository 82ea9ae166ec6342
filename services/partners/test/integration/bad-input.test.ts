import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_MAX_BYTES } from '@tourconnect/contracts/http';
import { registerPartner } from '../support/builders.ts';
import { executable, pdf, png, upload } from '../support/files.ts';
import { startPartnersHarness, type ApiResponse, type PartnersHarness, type TestUser } from '../support/harness.ts';

/**
 * Every bad request a partner or an admin can send: a problem+json with a stable code the
 * portal translates, and nothing half-stored (no row, no file) behind it.
 */

interface Stored {
  partners: number;
  members: number;
  documents: number;
  files: string[];
}

describe('partners API: bad input', () => {
  let p: PartnersHarness;
  let admin: TestUser;
  /** A draft agency: uploads and edits are allowed, so each refusal is about the input. */
  let owner: TestUser;
  let ownerPartnerId: string;
  const ownerPartnerName = 'Bad Input Travel';

  beforeAll(async () => {
    p = await startPartnersHarness('partners_bad_input');
    [admin, owner] = await Promise.all([p.admin(), p.user('badinput')]);
    ownerPartnerId = await registerPartner(p, owner, { type: 'agency', name: ownerPartnerName, country: 'IT' });
  });
  afterAll(() => p?.close());

  async function stored(): Promise<Stored> {
    const { rows } = await p.database.pool.query<{ partners: number; members: number; documents: number }>(
      `SELECT (SELECT count(*)::int FROM partners.partners) AS partners,
              (SELECT count(*)::int FROM partners.members) AS members,
              (SELECT count(*)::int FROM partners.documents) AS documents`,
    );
    return { ...rows[0]!, files: await p.files() };
  }

  function expectProblem(res: ApiResponse, status: number, code: string) {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code });
    return res.body as { errors?: Array<{ path: string; code: string }> };
  }

  /** Field errors by field, whether the path is `vatId` or zod's `body.vatId` (the portal reads both). */
  function fieldCodes(problem: { errors?: Array<{ path: string; code: string }> }, field: string): string[] {
    return (problem.errors ?? []).filter((e) => e.path.replace(/^body\./, '') === field).map((e) => e.code);
  }

  /** Runs a request that must be refused and checks that it stored nothing at all. */
  async function refused(request: () => Promise<ApiResponse>, status: number, code: string) {
    const before = await stored();
    const problem = expectProblem(await request(), status, code);
    expect(await stored()).toEqual(before);
    return problem;
  }

  const postDocument = (form: FormData, user = owner) =>
    p.call('POST', '/api/partners/me/documents', { token: user.token, form });

  /** A raw body with a content type of our choosing (a JSON body is always valid JSON). */
  const raw = (method: string, route: string, payload: string, contentType: string, user = owner) =>
    p.call(method, route, { token: user.token, raw: { payload, contentType } });

  describe('document uploads', () => {
    it('a .pdf that is really an executable → 415 unsupported_file_type', async () => {
      await refused(
        () => postDocument(upload({ kind: 'licence' }, executable(), 'licence.pdf')),
        415,
        'unsupported_file_type',
      );
    });

    it('a PDF of 10 MB + 1 byte → 413 file_too_large (the service)', async () => {
      const big = Buffer.alloc(DOCUMENT_MAX_BYTES + 1, 0x20);
      big.write('%PDF-1.4\n', 0, 'latin1');
      await refused(() => postDocument(upload({ kind: 'licence' }, big)), 413, 'file_too_large');
    });

    it('a PDF of exactly 10 MB is accepted: the limit is not off by one', async () => {
      const max = Buffer.alloc(DOCUMENT_MAX_BYTES, 0x20);
      max.write('%PDF-1.4\n', 0, 'latin1');
      const res = await postDocument(upload({ kind: 'licence' }, max));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.size).toBe(DOCUMENT_MAX_BYTES);
      const removed = await p.call('DELETE', `/api/partners/me/documents/${res.body.id}`, { token: owner.token });
      expect(removed.status).toBe(204);
    });

    it('an 80 KB file name of dots and spaces is cut to 255 characters first and cleaned to "a.pdf"', async () => {
      // Issue #9: multipart allows names this long; the old clean-up backtracked quadratically on them.
      const name = `a${'. '.repeat(40_000)}b.pdf`;
      expect(name.length).toBeGreaterThan(80_000);
      const res = await postDocument(upload({ kind: 'licence' }, pdf('long name'), name));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.filename).toBe('a.pdf');
      const removed = await p.call('DELETE', `/api/partners/me/documents/${res.body.id}`, { token: owner.token });
      expect(removed.status).toBe(204);
    });

    it('no "kind" field → 400 validation_failed on kind', async () => {
      const problem = await refused(() => postDocument(upload({}, pdf('no kind'))), 400, 'validation_failed');
      expect(problem.errors?.[0]).toMatchObject({ path: 'kind', code: 'required' });
    });

    it('an unknown kind → 400 validation_failed, invalid_document_kind', async () => {
      const problem = await refused(
        () => postDocument(upload({ kind: 'passport_photo' }, pdf('odd kind'))),
        400,
        'validation_failed',
      );
      expect(problem.errors?.[0]).toMatchObject({ path: 'kind', code: 'invalid_document_kind' });
    });

    it('no file part → 400 file_missing', async () => {
      const problem = await refused(() => postDocument(upload({ kind: 'licence' }, undefined)), 400, 'file_missing');
      expect(problem.errors?.[0]).toMatchObject({ path: 'file' });
    });

    it('JSON instead of multipart → 415 unsupported_media_type', async () => {
      await refused(
        () =>
          p.call('POST', '/api/partners/me/documents', {
            token: owner.token,
            body: { kind: 'licence', file: pdf('as json').toString('base64') },
          }),
        415,
        'unsupported_media_type',
      );
    });

    it('a PDF as logo → 415 unsupported_file_type, and the logo stays unset', async () => {
      await refused(
        () =>
          p.call('POST', '/api/partners/me/logo', {
            token: owner.token,
            form: upload({}, pdf('not a logo'), 'logo.png', 'image/png'),
          }),
        415,
        'unsupported_file_type',
      );
      const me = await p.call('GET', '/api/partners/me', { token: owner.token });
      expect(me.body.partner.logoUrl).toBeNull();
    });
  });

  describe('registration and profile fields', () => {
    let newcomer: TestUser;
    beforeAll(async () => {
      newcomer = await p.user('newcomer');
    });
    const register = (body: unknown, user = newcomer) =>
      p.call('POST', '/api/partners/register', { token: user.token, body });
    const valid = { type: 'dmo', name: 'Valid Name Tours', country: 'IT' };

    it('an unknown partner type → 400, type: invalid_partner_type', async () => {
      const problem = await refused(() => register({ ...valid, type: 'airline' }), 400, 'validation_failed');
      expect(fieldCodes(problem, 'type')).toEqual(['invalid_partner_type']);
    });

    it.each([
      { field: 'regions', value: ['XX-1'], code: 'invalid_region' },
      { field: 'languages', value: ['xx'], code: 'invalid_language' },
      { field: 'country', value: 'ZZ', code: 'invalid_country' },
    ])('$field $value → 400, $code', async ({ field, value, code }) => {
      const problem = await refused(() => register({ ...valid, [field]: value }), 400, 'validation_failed');
      const codes = (problem.errors ?? []).filter((e) => e.path.replace(/^body\./, '').startsWith(field));
      expect(codes.map((e) => e.code)).toEqual([code]);
    });

    it('a VAT id with a bad checksum → 400, vatId: invalid_vat (register and PATCH)', async () => {
      const problem = await refused(() => register({ ...valid, vatId: 'IT00743110158' }), 400, 'validation_failed');
      expect(problem.errors).toEqual([expect.objectContaining({ path: 'vatId', code: 'invalid_vat' })]);
      const patch = await refused(
        () => p.call('PATCH', '/api/partners/me', { token: owner.token, body: { vatId: 'IT00743110158' } }),
        400,
        'validation_failed',
      );
      expect(fieldCodes(patch, 'vatId')).toEqual(['invalid_vat']);
      const me = await p.call('GET', '/api/partners/me', { token: owner.token });
      expect(me.body.partner.vatId).toBeNull();
    });

    it.each([
      { name: 'register', method: 'POST', route: '/api/partners/register', body: { ...valid, isAdmin: true } },
      { name: 'PATCH /me', method: 'PATCH', route: '/api/partners/me', body: { description: 'x', status: 'verified' } },
      {
        name: 'invite',
        method: 'POST',
        route: '/api/partners/me/members',
        body: { email: 'x@example.com', role: 'viewer', partnerId: '00000000-0000-4000-8000-000000000000' },
      },
      { name: 'delete', method: 'DELETE', route: '/api/partners/me', body: { confirmName: ownerPartnerName, now: 1 } },
    ])('an unknown field in $name → 400 validation_failed', async ({ method, route, body }) => {
      const problem = await refused(
        () => p.call(method, route, { token: owner.token, body }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.map((e) => e.code)).toContain('unrecognized_keys');
    });

    it('an empty PATCH → 400 validation_failed', async () => {
      await refused(
        () => p.call('PATCH', '/api/partners/me', { token: owner.token, body: {} }),
        400,
        'validation_failed',
      );
    });

    it.each([
      { method: 'POST', route: '/api/partners/register' },
      { method: 'PATCH', route: '/api/partners/me' },
      { method: 'POST', route: '/api/partners/me/members' },
    ])('malformed JSON on $method $route → 400 malformed_json', async ({ method, route }) => {
      await refused(() => raw(method, route, '{"name": "Broken', 'application/json'), 400, 'malformed_json');
    });

    it('a second registration → 409 already_partner_member; still one partner', async () => {
      await refused(() => register({ ...valid, name: 'Second Business' }, owner), 409, 'already_partner_member');
      const { rows } = await p.database.pool.query('SELECT id FROM partners.partners WHERE owner_user_id = $1', [
        owner.id,
      ]);
      expect(rows).toEqual([{ id: ownerPartnerId }]);
    });

    it('two simultaneous registrations by one user → one 201 and one 409', async () => {
      const racer = await p.user('racer');
      const before = await stored();
      const results = await Promise.all([
        register({ ...valid, name: 'Racer One' }, racer),
        register({ ...valid, name: 'Racer Two' }, racer),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expectProblem(loser, 409, 'already_partner_member');
      const { rows } = await p.database.pool.query(
        'SELECT p.id FROM partners.partners p JOIN partners.members m ON m.partner_id = p.id WHERE m.user_id = $1',
        [racer.id],
      );
      expect(rows).toHaveLength(1);
      expect(await stored()).toEqual({ ...before, partners: before.partners + 1, members: before.members + 1 });
    });

    it('deleting with the wrong name → 400, confirmName: confirm_name_mismatch', async () => {
      const problem = await refused(
        () =>
          p.call('DELETE', '/api/partners/me', {
            token: owner.token,
            body: { confirmName: 'Bad Input Travel Ltd' },
          }),
        400,
        'validation_failed',
      );
      expect(problem.errors).toEqual([expect.objectContaining({ path: 'confirmName', code: 'confirm_name_mismatch' })]);
      const me = await p.call('GET', '/api/partners/me', { token: owner.token });
      expect(me.body.partner.status).toBe('draft');
    });
  });

  describe('status rules and admin decisions', () => {
    let submitted: TestUser;
    let submittedId: string;
    let submittedDoc: string;

    beforeAll(async () => {
      submitted = await p.user('submitted');
      const res = await p.call('POST', '/api/partners/register', {
        token: submitted.token,
        body: {
          type: 'dmo',
          name: 'Submitted Valleys',
          country: 'IT',
          vatId: 'IT01234567897',
          descriptions: { en: 'Valleys to walk' },
        },
      });
      submittedId = res.body.partner.id;
      await p.call('POST', '/api/partners/me/logo', {
        token: submitted.token,
        form: upload({}, png([8, 8, 8]), 'logo.png', 'image/png'),
      });
      const doc = await postDocument(upload({ kind: 'business_registration' }, pdf('submitted reg')), submitted);
      submittedDoc = doc.body.id;
      await postDocument(upload({ kind: 'representative_id' }, png([7, 7, 7]), 'id.png', 'image/png'), submitted);
      const submit = await p.call('POST', '/api/partners/me/submit', { token: submitted.token });
      if (submit.status !== 200) throw new Error(`submit: ${submit.status} ${JSON.stringify(submit.body)}`);
    });

    it('PATCH after submission → 409 partner_locked', async () => {
      await refused(
        () => p.call('PATCH', '/api/partners/me', { token: submitted.token, body: { name: 'Renamed' } }),
        409,
        'partner_locked',
      );
      const me = await p.call('GET', '/api/partners/me', { token: submitted.token });
      expect(me.body.partner).toMatchObject({ name: 'Submitted Valleys', status: 'pending_review' });
    });

    it('documents after submission: upload and delete → 409 partner_locked, nothing changes', async () => {
      await refused(
        () => postDocument(upload({ kind: 'licence' }, pdf('late licence')), submitted),
        409,
        'partner_locked',
      );
      await refused(
        () => p.call('DELETE', `/api/partners/me/documents/${submittedDoc}`, { token: submitted.token }),
        409,
        'partner_locked',
      );
      const file = await p.call('GET', `/api/partners/me/documents/${submittedDoc}/file`, {
        token: submitted.token,
      });
      expect(file.status).toBe(200);
    });

    it('verifying a partner that is not pending → 409 partner_not_pending', async () => {
      await refused(
        () =>
          p.call('POST', '/api/partners/verify', {
            token: admin.token,
            body: { partnerId: ownerPartnerId, decision: 'approve' },
          }),
        409,
        'partner_not_pending',
      );
      const detail = await p.call('GET', `/api/admin/partners/${ownerPartnerId}`, { token: admin.token });
      expect(detail.body.partner).toMatchObject({ status: 'draft', verified: false });
    });

    it.each([{ reason: undefined }, { reason: '   ' }, { reason: 'no' }])(
      'rejecting with reason $reason → 400, reason: reason_required',
      async ({ reason }) => {
        const problem = await refused(
          () =>
            p.call('POST', '/api/partners/verify', {
              token: admin.token,
              body: { partnerId: submittedId, decision: 'reject', ...(reason === undefined ? {} : { reason }) },
            }),
          400,
          'validation_failed',
        );
        expect(fieldCodes(problem, 'reason')).toEqual(['reason_required']);
        const detail = await p.call('GET', `/api/admin/partners/${submittedId}`, { token: admin.token });
        expect(detail.body.partner.status).toBe('pending_review');
      },
    );

    it('suspending without a reason → 400, reason: reason_required', async () => {
      const problem = await refused(
        () => p.call('POST', `/api/admin/partners/${submittedId}/suspend`, { token: admin.token, body: {} }),
        400,
        'validation_failed',
      );
      expect(fieldCodes(problem, 'reason')).toHaveLength(1);
    });

    it('an id that is not a UUID → 400 validation_failed, not a database error', async () => {
      const problem = await refused(
        () => p.call('GET', "/api/partners/me/documents/1'%20OR%20'1'='1/file", { token: owner.token }),
        400,
        'validation_failed',
      );
      expect(problem.errors?.[0]?.code).toBe('invalid_id');
    });
  });
});
