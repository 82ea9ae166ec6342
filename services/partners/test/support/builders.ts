import { pdf, png, upload } from './files.ts';
import { as, type ApiResponse, type PartnersHarness, type TestUser } from './harness.ts';

// Fixtures built through the API, as a partner would build them: each helper fails the test's
// setup loudly when the service refuses, so a broken fixture is never mistaken for a result.

function orFail(res: ApiResponse, status: number, what: string): ApiResponse {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** Registers the user's partner (the user becomes its owner); the partner's id. */
export async function registerPartner(h: PartnersHarness, owner: TestUser, body: Record<string, unknown>) {
  const res = await h.call('POST', '/api/partners/register', { ...as(owner), body });
  return orFail(res, 201, 'register').body.partner.id as string;
}

/** The owner invites an e-mail; the invitation's id. */
export async function invite(h: PartnersHarness, owner: TestUser, email: string, role: 'manager' | 'viewer') {
  const res = await h.call('POST', '/api/partners/me/members', { ...as(owner), body: { email, role } });
  return orFail(res, 201, 'invite').body.id as string;
}

/**
 * The secret of an invitation's link, as notifications receives it to e-mail it: from the
 * `partners.invitation.sent.v1` event partners wrote to its outbox.
 */
export async function invitationToken(h: PartnersHarness, invitationId: string): Promise<string> {
  const events = await h.published('partners.invitation.sent.v1');
  const event = events.filter((e) => (e.payload as { invitationId: string }).invitationId === invitationId).at(-1);
  if (!event) throw new Error(`no invitation.sent event for ${invitationId}`);
  return (event.payload as { token: string }).token;
}

/** Accepting by the e-mailed link: its token, signed in as `user`. */
export function acceptWithToken(h: PartnersHarness, user: TestUser, token: string): Promise<ApiResponse> {
  return h.call('POST', '/api/partners/invitations/accept', { ...as(user), body: { token } });
}

/** The user accepts an invitation to their own e-mail, by the link e-mailed to them. */
export async function accept(h: PartnersHarness, user: TestUser, invitationId: string): Promise<void> {
  orFail(await acceptWithToken(h, user, await invitationToken(h, invitationId)), 200, 'accept');
}

/** A new user who joins the owner's partner through an invitation to their own e-mail. */
export async function join(h: PartnersHarness, owner: TestUser, role: 'manager' | 'viewer'): Promise<TestUser> {
  const user = await h.user(role);
  await accept(h, user, await invite(h, owner, user.email, role));
  return user;
}

export async function uploadDocument(h: PartnersHarness, user: TestUser, kind: string, file: Buffer) {
  const res = await h.call('POST', '/api/partners/me/documents', { ...as(user), form: upload({ kind }, file) });
  return orFail(res, 201, 'upload').body.id as string;
}

export async function submit(h: PartnersHarness, user: TestUser): Promise<void> {
  orFail(await h.call('POST', '/api/partners/me/submit', as(user)), 200, 'submit');
}

/** The owner (or a manager) uploads a one-colour PNG logo. */
export async function uploadLogo(h: PartnersHarness, user: TestUser, colour: [number, number, number]) {
  const res = await h.call('POST', '/api/partners/me/logo', {
    ...as(user),
    form: upload({}, png(colour), 'logo.png', 'image/png'),
  });
  orFail(res, 200, 'logo');
}

/** A DMO with full private details, a description, a logo and its two required documents, submitted for review. */
export async function submittedDmo(
  h: PartnersHarness,
  owner: TestUser,
  name: string,
  vatId: string,
  colour: [number, number, number],
): Promise<string> {
  const id = await registerPartner(h, owner, {
    type: 'dmo',
    name,
    country: 'IT',
    legalName: `${name} S.r.l.`,
    vatId,
    contactEmail: 'private@example.com',
    contactPhone: '+39 011 123 4567',
    description: 'Guided walks in the mountains',
  });
  await uploadDocument(h, owner, 'business_registration', pdf(`registration of ${name}`));
  await uploadDocument(h, owner, 'representative_id', png(colour));
  await uploadLogo(h, owner, colour);
  await submit(h, owner);
  return id;
}

export async function approve(h: PartnersHarness, admin: TestUser, partnerId: string): Promise<void> {
  const res = await h.call('POST', '/api/partners/verify', { ...as(admin), body: { partnerId, decision: 'approve' } });
  orFail(res, 200, 'approve');
}
