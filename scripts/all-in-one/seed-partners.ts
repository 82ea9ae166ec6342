import {
  CSRF_HEADER,
  requiredDocuments,
  type PartnerType,
  type RegisterPartnerBody,
} from '@tourconnect/contracts/http';
import { pdf, png, upload } from '@tourconnect/partners/demo-files';

interface DemoPartner {
  owner: { email: string; password: string };
  body: RegisterPartnerBody & { type: PartnerType };
  description: string;
  colour: [number, number, number];
  /** Where the demo leaves it: approved, or waiting in the admin's queue. */
  outcome: 'verified' | 'pending_review';
}

export const demoPartners: DemoPartner[] = [
  {
    owner: { email: 'partner@tourconnect.demo', password: 'Partner-demo-2026' },
    body: {
      type: 'agency',
      name: 'Dolomiti Trails',
      country: 'IT',
      legalName: 'Dolomiti Trails S.r.l.',
      vatId: 'IT01234567897',
      website: 'https://dolomiti-trails.example',
      contactEmail: 'hello@dolomiti-trails.example',
      regions: ['IT-32', 'IT-34', 'IT'],
      languages: ['it', 'en', 'de'],
    },
    description: 'Guided hut-to-hut hikes, via ferrata days and winter snowshoe tours in the Dolomites.',
    colour: [255, 102, 0],
    outcome: 'verified',
  },
  {
    owner: { email: 'dmo@tourconnect.demo', password: 'Dmo-demo-2026' },
    body: {
      type: 'dmo',
      name: 'Visit Lago di Garda',
      country: 'IT',
      legalName: 'Consorzio Turistico Lago di Garda',
      vatId: 'IT00743110157',
      website: 'https://visitgarda.example',
      regions: ['IT-34', 'IT-25'],
      languages: ['it', 'en', 'de', 'fr'],
    },
    description: 'The official destination office of Lake Garda: events, lake passes and local experiences.',
    colour: [46, 134, 193],
    outcome: 'verified',
  },
  {
    owner: { email: 'ferry@tourconnect.demo', password: 'Ferry-demo-2026' },
    body: {
      type: 'transport',
      name: 'Costa Ferries',
      country: 'ES',
      legalName: 'Costa Ferries S.A.',
      vatId: 'ESA28015865',
      website: 'https://costa-ferries.example',
      regions: ['ES-IB', 'ES'],
      languages: ['es', 'en', 'it'],
    },
    description: 'Fast ferries between Barcelona, Valencia and the Balearic Islands.',
    colour: [39, 174, 96],
    outcome: 'pending_review',
  },
];

type Api = (method: string, path: string, token?: string, body?: unknown) => Promise<Response>;

function apiFor(baseUrl: string): Api {
  return (method, path, token, body) => {
    const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    const payload = body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body);
    return fetch(baseUrl + path, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  };
}

async function expectOk(res: Response, what: string): Promise<unknown> {
  if (!res.ok) throw new Error(`seeding ${what} failed: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

async function signIn(api: Api, email: string, password: string): Promise<string> {
  const body = (await expectOk(
    await api('POST', '/api/auth/login', undefined, { email, password }),
    `sign-in ${email}`,
  )) as {
    accessToken: string;
  };
  return body.accessToken;
}

/**
 * Demo partners through the public API, as their owners and the admin would do it: register,
 * upload a logo and every required document, submit, and (for most) approval. A partner that
 * already exists is left alone, so this is safe on every start.
 */
export async function seedDemoPartners(baseUrl: string, admin: { email: string; password: string }): Promise<string[]> {
  const api = apiFor(baseUrl);
  const created: string[] = [];
  let adminToken: string | undefined;
  for (const demo of demoPartners) {
    const token = await signIn(api, demo.owner.email, demo.owner.password);
    if ((await api('GET', '/api/partners/me', token)).status === 200) continue;
    const registered = (await expectOk(
      await api('POST', '/api/partners/register', token, { ...demo.body, description: demo.description }),
      `partner ${demo.body.name}`,
    )) as { partner: { id: string } };
    await expectOk(
      await api('POST', '/api/partners/me/logo', token, upload({}, png(demo.colour, 64), 'logo.png', 'image/png')),
      'logo',
    );
    for (const kind of requiredDocuments[demo.body.type]) {
      const file = pdf(`${demo.body.name}: ${kind.replace(/_/g, ' ')} (demo document)`);
      await expectOk(
        await api('POST', '/api/partners/me/documents', token, upload({ kind }, file, `${kind}.pdf`)),
        kind,
      );
    }
    await expectOk(await api('POST', '/api/partners/me/submit', token), `submit ${demo.body.name}`);
    if (demo.outcome === 'verified') {
      adminToken ??= await signIn(api, admin.email, admin.password);
      await expectOk(
        await api('POST', '/api/partners/verify', adminToken, {
          partnerId: registered.partner.id,
          decision: 'approve',
        }),
        `approve ${demo.body.name}`,
      );
    }
    created.push(demo.body.name);
  }
  return created;
}
