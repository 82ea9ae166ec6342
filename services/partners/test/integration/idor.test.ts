import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptWithToken,
  approve,
  invitationToken,
  invite,
  join,
  registerPartner,
  submittedDmo,
  uploadDocument,
} from '../support/builders.ts';
import { pdf, png, upload } from '../support/files.ts';
import { as, startPartnersHarness, type ApiResponse, type PartnersHarness, type TestUser } from '../support/harness.ts';

/**
 * The IDOR/RBAC matrix: every partner-scoped route against every kind of caller. A partner's
 * resources are found through the caller's own membership, so another partner's ids must
 * look exactly like ids that do not exist, and a role may only do what the README grants it.
 */

type Who =
  | 'anonymous'
  | 'ownerA'
  | 'managerA'
  | 'viewerA'
  | 'outsider'
  | 'ownerB'
  | 'ownerC'
  | 'ownerAWithPartnerRole'
  | 'admin';

interface World {
  users: Record<Exclude<Who, 'anonymous'>, TestUser>;
  partnerA: { id: string; name: string };
  partnerB: { id: string; name: string };
  partnerC: { id: string; name: string };
  /** Public partners: P1 verified, P2 pending review. */
  p1: string;
  p2: string;
  docA: string;
  docB: string;
  docBBytes: Buffer;
  invitationA: string;
  invitationB: string;
  managerB: TestUser;
}

const w = {} as World;
let p: PartnersHarness;

interface Route {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  form?: () => FormData;
}

const logoForm = () => upload({}, png([9, 9, 9]), 'logo.png', 'image/png');
const documentForm = () => upload({ kind: 'licence' }, pdf(`licence ${Math.random()}`));

/** The README's partner-scoped routes ("member" or "owner, manager" or "owner"), with A's own ids. */
const meRoutes = {
  me: { name: 'GET /me', method: 'GET', path: () => '/api/partners/me' },
  patch: {
    name: 'PATCH /me',
    method: 'PATCH',
    path: () => '/api/partners/me',
    body: () => ({ description: 'Changed by someone who may not' }),
  },
  submit: { name: 'POST /me/submit', method: 'POST', path: () => '/api/partners/me/submit' },
  logoPost: { name: 'POST /me/logo', method: 'POST', path: () => '/api/partners/me/logo', form: logoForm },
  logoDelete: { name: 'DELETE /me/logo', method: 'DELETE', path: () => '/api/partners/me/logo' },
  docPost: { name: 'POST /me/documents', method: 'POST', path: () => '/api/partners/me/documents', form: documentForm },
  docList: { name: 'GET /me/documents', method: 'GET', path: () => '/api/partners/me/documents' },
  docFile: {
    name: 'GET /me/documents/:id/file',
    method: 'GET',
    path: () => `/api/partners/me/documents/${w.docA}/file`,
  },
  docDelete: { name: 'DELETE /me/documents/:id', method: 'DELETE', path: () => `/api/partners/me/documents/${w.docA}` },
  members: { name: 'GET /me/members', method: 'GET', path: () => '/api/partners/me/members' },
  invite: {
    name: 'POST /me/members',
    method: 'POST',
    path: () => '/api/partners/me/members',
    body: () => ({ email: `someone.${Date.now()}@example.com`, role: 'viewer' }),
  },
  removeMember: {
    name: 'DELETE /me/members/:userId',
    method: 'DELETE',
    path: () => `/api/partners/me/members/${w.users.viewerA.id}`,
  },
  makeOwner: {
    name: 'POST /me/members/:userId/make-owner',
    method: 'POST',
    path: () => `/api/partners/me/members/${w.users.viewerA.id}/make-owner`,
  },
  withdraw: {
    name: 'DELETE /me/invitations/:id',
    method: 'DELETE',
    path: () => `/api/partners/me/invitations/${w.invitationA}`,
  },
  export: { name: 'GET /me/export', method: 'GET', path: () => '/api/partners/me/export' },
  deleteMe: {
    name: 'DELETE /me',
    method: 'DELETE',
    path: () => '/api/partners/me',
    body: () => ({ confirmName: w.partnerA.name }),
  },
  deletion: { name: 'GET /me/deletion', method: 'GET', path: () => '/api/partners/me/deletion' },
} satisfies Record<string, Route>;

const signedInRoutes: Route[] = [
  {
    name: 'POST /register',
    method: 'POST',
    path: () => '/api/partners/register',
    body: () => ({ type: 'dmo', name: 'Anonymous Tours', country: 'IT' }),
  },
  { name: 'GET /invitations', method: 'GET', path: () => '/api/partners/invitations' },
  {
    name: 'POST /invitations/accept',
    method: 'POST',
    path: () => '/api/partners/invitations/accept',
    body: () => ({ token: 'not-a-real-invitation-token' }),
  },
  {
    name: 'POST /invitations/:id/decline',
    method: 'POST',
    path: () => `/api/partners/invitations/${w.invitationB}/decline`,
  },
];

const adminRoutes: Route[] = [
  {
    name: 'POST /api/partners/verify',
    method: 'POST',
    path: () => '/api/partners/verify',
    body: () => ({ partnerId: w.p2, decision: 'approve' }),
  },
  { name: 'GET /api/admin/partners', method: 'GET', path: () => '/api/admin/partners' },
  { name: 'GET /api/admin/partners/:id', method: 'GET', path: () => `/api/admin/partners/${w.partnerB.id}` },
  {
    name: 'GET /api/admin/partners/:id/documents/:docId/file',
    method: 'GET',
    path: () => `/api/admin/partners/${w.partnerB.id}/documents/${w.docB}/file`,
  },
  {
    name: 'POST /api/admin/partners/:id/suspend',
    method: 'POST',
    path: () => `/api/admin/partners/${w.p2}/suspend`,
    body: () => ({ reason: 'Suspected fraud by the caller' }),
  },
  {
    name: 'POST /api/admin/partners/:id/reinstate',
    method: 'POST',
    path: () => `/api/admin/partners/${w.p1}/reinstate`,
  },
];

function send(route: Route, who: Who): Promise<ApiResponse> {
  const user = who === 'anonymous' ? undefined : w.users[who];
  return p.call(route.method, route.path(), {
    ...(user ? as(user) : {}),
    ...(route.body ? { body: route.body() } : {}),
    ...(route.form ? { form: route.form() } : {}),
  });
}

function expectProblem(res: ApiResponse, status: number, code?: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  if (code) expect(res.body.code).toBe(code);
}

async function setUpPartnerA(): Promise<void> {
  const ownerA = await p.user('ownera');
  w.partnerA = { id: '', name: 'Alpine Adventures' };
  w.partnerA.id = await registerPartner(p, ownerA, {
    type: 'agency',
    name: w.partnerA.name,
    country: 'IT',
    legalName: 'Alpine Adventures S.r.l.',
  });
  w.users.ownerA = ownerA;
  w.users.managerA = await join(p, ownerA, 'manager');
  w.users.viewerA = await join(p, ownerA, 'viewer');
  w.invitationA = await invite(p, ownerA, `pending-a.${Date.now()}@example.com`, 'viewer');
  w.docA = await uploadDocument(p, ownerA, 'business_registration', pdf('registration of A'));
}

async function setUpPartnerB(): Promise<void> {
  const ownerB = await p.user('ownerb');
  w.partnerB = { id: '', name: 'Borgo Antico' };
  w.partnerB.id = await registerPartner(p, ownerB, {
    type: 'hotel',
    name: w.partnerB.name,
    country: 'IT',
    legalName: 'Borgo Antico S.p.A.',
    vatId: 'IT00743110157',
    contactEmail: 'desk@borgo.example',
    contactPhone: '+39 055 765 4321',
  });
  w.users.ownerB = ownerB;
  w.managerB = await join(p, ownerB, 'manager');
  w.invitationB = await invite(p, ownerB, `pending-b.${Date.now()}@example.com`, 'manager');
  w.docBBytes = pdf('business registration of B');
  w.docB = await uploadDocument(p, ownerB, 'business_registration', w.docBBytes);
}

interface Snapshot {
  documents: unknown;
  members: unknown;
  me: unknown;
}

async function snapshotB(): Promise<Snapshot> {
  const ownerB = w.users.ownerB;
  const [documents, members, me] = await Promise.all([
    p.call('GET', '/api/partners/me/documents', as(ownerB)),
    p.call('GET', '/api/partners/me/members', as(ownerB)),
    p.call('GET', '/api/partners/me', as(ownerB)),
  ]);
  return { documents: documents.body, members: members.body, me: me.body.partner };
}

describe('IDOR and role matrix of the partners API', () => {
  let bBefore: Snapshot;

  beforeAll(async () => {
    p = await startPartnersHarness('partners_idor');
    w.users = {} as World['users'];
    const [admin, outsider, ownerC] = await Promise.all([p.admin(), p.user('outsider'), p.user('ownerc')]);
    Object.assign(w.users, { admin, outsider, ownerC });
    await Promise.all([setUpPartnerA(), setUpPartnerB()]);
    w.partnerC = { id: '', name: 'Cascata Travel' };
    w.partnerC.id = await registerPartner(p, ownerC, { type: 'ota', name: w.partnerC.name, country: 'IT' });
    w.p1 = await submittedDmo(p, await p.user('public'), '100% Dolomiti', 'IT00743110157', [10, 20, 30]);
    w.p2 = await submittedDmo(p, await p.user('public'), 'Lago Blu Viaggi', 'IT01234567897', [40, 50, 60]);
    await approve(p, admin, w.p1);
    // A partner's token carries the partner role once identity has granted it (identity's side,
    // tested there and in test/e2e); it is still no admin.
    w.users.ownerAWithPartnerRole = await p.withRoles(w.users.ownerA, ['traveller', 'partner']);
    bBefore = await snapshotB();
  });
  afterAll(() => p?.close());

  describe('(a) anonymous callers get 401 problem+json on every signed-in route', () => {
    it.each([...Object.values(meRoutes), ...signedInRoutes])('$name', async (route) => {
      expectProblem(await send(route, 'anonymous'), 401, 'unauthorized');
    });
  });

  describe("(b) a member of A using B's ids gets 404, as for ids that do not exist", () => {
    const bDocFile: Route = {
      name: 'GET /me/documents/:Bdoc/file',
      method: 'GET',
      path: () => `/api/partners/me/documents/${w.docB}/file`,
    };
    const bDocDelete: Route = {
      name: 'DELETE /me/documents/:Bdoc',
      method: 'DELETE',
      path: () => `/api/partners/me/documents/${w.docB}`,
    };
    const bMember: Route = {
      name: 'DELETE /me/members/:BmanagerId',
      method: 'DELETE',
      path: () => `/api/partners/me/members/${w.managerB.id}`,
    };
    const bOwner: Route = {
      name: 'DELETE /me/members/:BownerId',
      method: 'DELETE',
      path: () => `/api/partners/me/members/${w.users.ownerB.id}`,
    };
    const bMakeOwner: Route = {
      name: 'POST /me/members/:BmanagerId/make-owner',
      method: 'POST',
      path: () => `/api/partners/me/members/${w.managerB.id}/make-owner`,
    };
    const bInvitation: Route = {
      name: 'DELETE /me/invitations/:Binvitation',
      method: 'DELETE',
      path: () => `/api/partners/me/invitations/${w.invitationB}`,
    };
    const rows: Array<{ who: Who; route: Route; code: string }> = [
      { who: 'ownerA', route: bDocFile, code: 'document_not_found' },
      { who: 'managerA', route: bDocFile, code: 'document_not_found' },
      { who: 'viewerA', route: bDocFile, code: 'document_not_found' },
      { who: 'ownerA', route: bDocDelete, code: 'document_not_found' },
      { who: 'managerA', route: bDocDelete, code: 'document_not_found' },
      { who: 'ownerA', route: bMember, code: 'member_not_found' },
      { who: 'ownerA', route: bOwner, code: 'member_not_found' },
      { who: 'ownerA', route: bMakeOwner, code: 'member_not_found' },
      { who: 'ownerA', route: bInvitation, code: 'invitation_not_found' },
    ];
    it.each(rows)('$who → $route.name: 404 $code', async ({ who, route, code }) => {
      expectProblem(await send(route, who), 404, code);
    });

    it("an admin cannot reach B's document through A's id either", async () => {
      const res = await p.call('GET', `/api/admin/partners/${w.partnerA.id}/documents/${w.docB}/file`, {
        ...as(w.users.admin),
      });
      expectProblem(res, 404, 'document_not_found');
    });

    it("B's documents, members and invitation are unchanged, as B's owner reads them back", async () => {
      expect(await snapshotB()).toEqual(bBefore);
      const file = await p.call('GET', `/api/partners/me/documents/${w.docB}/file`, as(w.users.ownerB));
      expect(file.status).toBe(200);
      expect(file.bytes.equals(w.docBBytes)).toBe(true);
      const members = (bBefore.members as { members: Array<{ userId: string }>; invitations: Array<{ id: string }> })
        .members;
      expect(members.map((m) => m.userId).sort()).toEqual([w.users.ownerB.id, w.managerB.id].sort());
      const invitations = (bBefore.members as { invitations: Array<{ id: string }> }).invitations;
      expect(invitations.map((i) => i.id)).toEqual([w.invitationB]);
    });
  });

  describe('(c) roles: viewers cannot edit, managers cannot do what only the owner may', () => {
    const editing = [
      meRoutes.patch,
      meRoutes.submit,
      meRoutes.logoPost,
      meRoutes.logoDelete,
      meRoutes.docPost,
      meRoutes.docDelete,
      meRoutes.invite,
      meRoutes.removeMember,
      meRoutes.makeOwner,
      meRoutes.withdraw,
      meRoutes.export,
      meRoutes.deleteMe,
    ];
    it.each(editing)('viewer of A → $name: 403 partner_role_forbidden', async (route) => {
      expectProblem(await send(route, 'viewerA'), 403, 'partner_role_forbidden');
    });

    const ownerOnly = [
      meRoutes.invite,
      meRoutes.removeMember,
      meRoutes.makeOwner,
      meRoutes.withdraw,
      meRoutes.export,
      meRoutes.deleteMe,
    ];
    it.each(ownerOnly)('manager of A → $name: 403 partner_role_forbidden', async (route) => {
      expectProblem(await send(route, 'managerA'), 403, 'partner_role_forbidden');
    });

    // The same routes do work for the roles the README grants them to: the 403s are about roles.
    const reads = [meRoutes.me, meRoutes.docList, meRoutes.docFile, meRoutes.members];
    it.each(reads)('viewer of A → $name: 200', async (route) => {
      const res = await send(route, 'viewerA');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });

    it('nothing of A changed through the refused calls', async () => {
      const owner = w.users.ownerA;
      const me = await p.call('GET', '/api/partners/me', as(owner));
      expect(me.body.partner).toMatchObject({ status: 'draft', description: null, logoUrl: null });
      const docs = await p.call('GET', '/api/partners/me/documents', as(owner));
      expect(docs.body.items.map((d: { id: string }) => d.id)).toEqual([w.docA]);
      const members = await p.call('GET', '/api/partners/me/members', as(owner));
      expect(members.body.members.map((m: { role: string }) => m.role).sort()).toEqual(['manager', 'owner', 'viewer']);
      expect(members.body.invitations.map((i: { id: string }) => i.id)).toEqual([w.invitationA]);
      expect((await p.call('GET', '/api/partners/me/deletion', as(owner))).status).toBe(404);
    });

    it('a manager edits the profile and documents', async () => {
      const edit = await send(meRoutes.patch, 'managerA');
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({ role: 'manager', partner: { description: 'Changed by someone who may not' } });
      const doc = await send(meRoutes.docPost, 'managerA');
      expect(doc.status).toBe(201);
      const removed = await p.call('DELETE', `/api/partners/me/documents/${doc.body.id}`, as(w.users.managerA));
      expect(removed.status).toBe(204);
    });
  });

  describe('(d) a signed-in user with no partner gets 404 on /me routes', () => {
    const { deletion, ...partnerRoutes } = meRoutes;
    it.each(Object.values(partnerRoutes))('$name: 404 partner_not_found', async (route) => {
      expectProblem(await send(route, 'outsider'), 404, 'partner_not_found');
    });

    // The deletion request is found by its requester (it outlives the partner), not by membership.
    it(`${deletion.name}: 404 deletion_not_found`, async () => {
      expectProblem(await send(deletion, 'outsider'), 404, 'deletion_not_found');
    });

    it("another owner's deletion request is visible to its requester only", async () => {
      const del = await p.call('DELETE', '/api/partners/me', {
        ...as(w.users.ownerC),
        body: { confirmName: w.partnerC.name },
      });
      expect(del.status, JSON.stringify(del.body)).toBe(202);
      const mine = await p.call('GET', '/api/partners/me/deletion', as(w.users.ownerC));
      expect(mine.body.partnerId).toBe(w.partnerC.id);
      for (const who of ['ownerA', 'ownerB', 'outsider'] as const) {
        expectProblem(await send(deletion, who), 404, 'deletion_not_found');
      }
    });
  });

  describe('(e) admin-only routes', () => {
    const rows = adminRoutes.flatMap((route) => [
      { route, who: 'anonymous' as Who, status: 401, code: 'unauthorized' },
      { route, who: 'ownerAWithPartnerRole' as Who, status: 403, code: 'forbidden' },
      { route, who: 'managerA' as Who, status: 403, code: 'forbidden' },
    ]);
    it.each(rows)('$who → $route.name: $status', async ({ route, who, status, code }) => {
      expectProblem(await send(route, who), status, code);
    });

    it('the refused decisions changed nothing', async () => {
      const detail = await p.call('GET', `/api/admin/partners/${w.p2}`, as(w.users.admin));
      expect(detail.body.partner).toMatchObject({ status: 'pending_review', verified: false });
      const verified = await p.call('GET', `/api/admin/partners/${w.p1}`, as(w.users.admin));
      expect(verified.body.partner).toMatchObject({ status: 'verified', verified: true });
    });
  });

  describe('(f) invitations belong to the e-mail they were sent to', () => {
    it("someone else cannot see, accept or decline B's invitation, even holding its link", async () => {
      const outsider = w.users.outsider;
      const list = await p.call('GET', '/api/partners/invitations', as(outsider));
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      const declined = await p.call('POST', `/api/partners/invitations/${w.invitationB}/decline`, as(outsider));
      expectProblem(declined, 404, 'invitation_not_found');
      // A forwarded e-mail: the right link, the wrong (verified) account.
      const forwarded = await acceptWithToken(p, outsider, await invitationToken(p, w.invitationB));
      expectProblem(forwarded, 403, 'invitation_email_mismatch');
      const guessed = await acceptWithToken(p, outsider, 'not-a-real-invitation-token');
      expectProblem(guessed, 403, 'invitation_token_invalid');
      // The id-only route of old is gone: an id proves nothing about who holds the address.
      const byId = await p.call('POST', `/api/partners/invitations/${w.invitationB}/accept`, as(outsider));
      expect(byId.status).toBe(404);
      expectProblem(await send(meRoutes.me, 'outsider'), 404, 'partner_not_found');
      const members = await p.call('GET', '/api/partners/me/members', as(w.users.ownerB));
      expect(members.body.invitations.map((i: { id: string }) => i.id)).toEqual([w.invitationB]);
      expect(members.body.members).toHaveLength(2);
    });
  });

  describe('(g) public profiles and the directory', () => {
    const privateFields = ['vatId', 'legalName', 'contactEmail', 'contactPhone', 'ownerUserId'];

    it('a draft partner has no public profile', async () => {
      for (const id of [w.partnerA.id, w.partnerB.id]) {
        expectProblem(await p.call('GET', `/api/partners/${id}`), 404, 'partner_not_found');
      }
    });

    it('a partner pending review has no public profile and is not in the directory (issue 11)', async () => {
      expectProblem(await p.call('GET', `/api/partners/${w.p2}`), 404, 'partner_not_found');
      for (const query of ['pageSize=50', 'verified=false&pageSize=50', 'q=Lago']) {
        const directory = await p.call('GET', `/api/partners?${query}`);
        expect(directory.body.items.map((i: { id: string }) => i.id)).not.toContain(w.p2);
      }
    });

    it('public profiles and directory entries carry no private fields', async () => {
      const profiles = await Promise.all([w.p1].map((id) => p.call('GET', `/api/partners/${id}`)));
      expect(profiles.map((r) => [r.status, r.body.verified])).toEqual([[200, true]]);
      const directory = await p.call('GET', '/api/partners?pageSize=50');
      expect(directory.body.items.map((i: { id: string }) => i.id).sort()).toEqual([w.p1]);
      for (const entry of [...profiles.map((r) => r.body), ...directory.body.items]) {
        for (const field of privateFields) expect(entry).not.toHaveProperty(field);
        expect(JSON.stringify(entry)).not.toContain('private@example.com');
        expect(JSON.stringify(entry)).not.toContain('S.r.l.');
      }
    });
  });

  describe('SQL injection probes', () => {
    const search = async (q: string) => {
      const res = await p.call('GET', `/api/partners?q=${encodeURIComponent(q)}&pageSize=50`);
      expect(res.status).toBe(200);
      return { ids: res.body.items.map((i: { id: string }) => i.id), total: res.body.total };
    };

    it('directory search matches text, never SQL or LIKE wildcards', async () => {
      expect(await search('Dolomiti')).toEqual({ ids: [w.p1], total: 1 });
      expect(await search("' OR 1=1 --")).toEqual({ ids: [], total: 0 });
      expect(await search('%')).toEqual({ ids: [w.p1], total: 1 });
      expect(await search('_')).toEqual({ ids: [], total: 0 });
      expect(await search('\\')).toEqual({ ids: [], total: 0 });
    });

    it('a description that is SQL is stored verbatim and drops nothing', async () => {
      const description = "'); DROP TABLE partners.partners; --";
      const res = await p.call('PATCH', '/api/partners/me', { ...as(w.users.ownerA), body: { description } });
      expect(res.status).toBe(200);
      expect(res.body.partner.description).toBe(description);
      const { rows } = await p.database.pool.query<{ description: string }>(
        'SELECT description FROM partners.partners WHERE id = $1',
        [w.partnerA.id],
      );
      expect(rows).toEqual([{ description }]);
      const count = await p.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM partners.partners');
      expect(Number(count.rows[0]?.n)).toBeGreaterThanOrEqual(5);
      expect((await p.call('GET', '/api/partners/me', as(w.users.ownerB))).status).toBe(200);
    });
  });
});
