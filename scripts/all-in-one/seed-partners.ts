import type { PartnerType, RegisterPartnerBody } from '@tourconnect/contracts/http';
import { approvePartner, onboardPartner, platformApi, signIn } from './platform-api.ts';
import { ensureDemoPayouts } from './seed-payouts.ts';

interface DemoPartner {
  owner: { email: string; password: string };
  body: RegisterPartnerBody & { type: PartnerType; name: string };
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
    owner: { email: 'lagoblu@tourconnect.demo', password: 'Lagoblu-demo-2026' },
    body: {
      type: 'hotel',
      name: 'Hotel Lago Blu',
      country: 'IT',
      legalName: 'Lago Blu Hotels S.r.l.',
      vatId: 'IT02468135799',
      website: 'https://hotel-lago-blu.example',
      contactEmail: 'stay@hotel-lago-blu.example',
      regions: ['IT-32'],
      languages: ['it', 'de', 'en'],
    },
    description: 'A family-run lakeside hotel in Riva del Garda with family rooms and a bike garage.',
    colour: [52, 152, 219],
    outcome: 'verified',
  },
  {
    owner: { email: 'navigazione@tourconnect.demo', password: 'Battelli-demo-2026' },
    body: {
      type: 'transport',
      name: 'Garda Lake Ferries',
      country: 'IT',
      legalName: 'Battelli del Garda S.p.A.',
      vatId: 'IT01357924685',
      website: 'https://garda-ferries.example',
      regions: ['IT-32', 'IT-34', 'IT-25'],
      languages: ['it', 'en', 'de'],
    },
    description: 'Scheduled ferries and fast boats between Riva, Malcesine, Limone and Sirmione.',
    colour: [22, 160, 133],
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

/**
 * Demo partners through the public API, as their owners and the admin would do it: register,
 * upload a logo and every required document, submit, (for most) approval, and then the verified
 * ones' Stripe payout accounts (seed-payouts.ts). A partner that already exists is not created
 * again, so this is safe on every start.
 */
export async function seedDemoPartners(
  baseUrl: string,
  admin: { email: string; password: string },
): Promise<DemoPartnersResult> {
  const api = platformApi(baseUrl);
  const result: DemoPartnersResult = { created: [], payouts: [] };
  let adminToken: string | undefined;
  for (const demo of demoPartners) {
    const token = await signIn(api, demo.owner);
    if ((await api('GET', '/api/partners/me', token)).status !== 200) {
      const partnerId = await onboardPartner(api, token, {
        body: { ...demo.body, description: demo.description },
        logoColour: demo.colour,
        submit: true,
      });
      if (demo.outcome === 'verified') {
        adminToken ??= await signIn(api, admin);
        await approvePartner(api, adminToken, partnerId);
      }
      result.created.push(demo.body.name);
    }
    if (demo.outcome !== 'verified') continue;
    // Packages are booked only once their partners can be paid (bundling's payout gate).
    try {
      if (await ensureDemoPayouts(api, token, demo.body.name)) result.payouts.push(demo.body.name);
    } catch (error) {
      result.payoutsSkipped ??= error instanceof Error ? error.message : String(error);
    }
  }
  return result;
}

export interface DemoPartnersResult {
  /** Demo partners onboarded by this run (none when they already exist). */
  created: string[];
  /** Demo partners whose Stripe account this run set up (through the emulator; none with real Stripe). */
  payouts: string[];
  /** Why a demo partner's payout account could not be set up, when it could not. */
  payoutsSkipped?: string;
}
