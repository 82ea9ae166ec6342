import type { CreateItemInput, CreatePackageInput, ItemView, PackageView } from '@tourconnect/contracts/http';
import { expectStatus, platformApi, signIn, type PlatformApi } from './platform-api.ts';

/**
 * The demo catalogue through the public API, as the partners would build it: tours, hotel
 * nights, ferry seats and extras around Lake Garda and the Dolomites, availability for the next
 * 120 days, and multi-partner packages that bundle other partners' items under their terms.
 * A partner that already has items is left alone, so this is safe on every start.
 */

type Owner = { email: string; password: string };
const owners = {
  hotel: { email: 'lagoblu@tourconnect.demo', password: 'Lagoblu-demo-2026' },
  ferries: { email: 'navigazione@tourconnect.demo', password: 'Battelli-demo-2026' },
  dmo: { email: 'dmo@tourconnect.demo', password: 'Dmo-demo-2026' },
  trails: { email: 'partner@tourconnect.demo', password: 'Partner-demo-2026' },
} satisfies Record<string, Owner>;

const RIVA = { place: 'Riva del Garda', regionCode: 'IT-32', latitude: 45.8856, longitude: 10.8406 };
const SIRMIONE = { place: 'Sirmione', regionCode: 'IT-25', latitude: 45.4927, longitude: 10.6086 };
const BRENTA = { place: 'Madonna di Campiglio', regionCode: 'IT-32', latitude: 46.2297, longitude: 10.8266 };

interface DemoItem {
  key: string;
  owner: keyof typeof owners;
  body: CreateItemInput;
  /** Capacity per date (and per slot); weekdays limit the days it runs (0 = Sunday). */
  capacity: number;
  weekdays?: number[];
}

const text = (en: string, it: string, de: string, descEn: string, descIt: string, descDe: string) => ({
  en: { title: en, description: descEn },
  it: { title: it, description: descIt },
  de: { title: de, description: descDe },
});

const items: DemoItem[] = [
  {
    key: 'familyRoom',
    owner: 'hotel',
    capacity: 6,
    body: {
      kind: 'service',
      translations: text(
        'Family room with lake view',
        'Camera familiare vista lago',
        'Familienzimmer mit Seeblick',
        'Up to two adults and two children, breakfast included, bike garage.',
        'Fino a due adulti e due bambini, colazione inclusa, deposito bici.',
        'Bis zu zwei Erwachsene und zwei Kinder, mit Frühstück und Fahrradgarage.',
      ),
      destination: RIVA,
      durationMinutes: 24 * 60,
      tags: ['family', 'lake'],
      currency: 'EUR',
      units: [{ code: 'room', priceMinor: 18900, netRateMinor: 15500 }],
      capacityModel: 'daily',
      cutoffHours: 24,
      startTimes: [],
      bundleTerms: { kind: 'net_rate' },
    },
  },
  {
    key: 'doubleRoom',
    owner: 'hotel',
    capacity: 10,
    body: {
      kind: 'service',
      translations: text(
        'Double room',
        'Camera doppia',
        'Doppelzimmer',
        'A quiet double room two minutes from the harbour, breakfast included.',
        'Una camera doppia tranquilla a due minuti dal porto, colazione inclusa.',
        'Ein ruhiges Doppelzimmer zwei Minuten vom Hafen, mit Frühstück.',
      ),
      destination: RIVA,
      durationMinutes: 24 * 60,
      tags: ['couple', 'lake'],
      currency: 'EUR',
      units: [{ code: 'room', priceMinor: 13900, netRateMinor: 11500 }],
      capacityModel: 'daily',
      cutoffHours: 24,
      startTimes: [],
      bundleTerms: { kind: 'net_rate' },
    },
  },
  {
    key: 'fastBoat',
    owner: 'ferries',
    capacity: 80,
    body: {
      kind: 'transport',
      translations: text(
        'Fast boat Riva – Sirmione',
        'Aliscafo Riva – Sirmione',
        'Schnellboot Riva – Sirmione',
        'The length of the lake in two and a half hours, with stops in Malcesine and Garda.',
        'Tutto il lago in due ore e mezza, con fermate a Malcesine e Garda.',
        'Der ganze See in zweieinhalb Stunden, mit Halt in Malcesine und Garda.',
      ),
      destination: RIVA,
      durationMinutes: 150,
      tags: ['lake', 'family'],
      currency: 'EUR',
      units: [
        { code: 'adult', priceMinor: 2450, netRateMinor: null },
        { code: 'child', priceMinor: 1250, netRateMinor: null },
        { code: 'infant', priceMinor: 0, netRateMinor: null },
      ],
      capacityModel: 'slots',
      cutoffHours: 1,
      startTimes: ['09:00', '14:30'],
      bundleTerms: { kind: 'commission', commissionBps: 1500 },
    },
  },
  {
    key: 'limoneFerry',
    owner: 'ferries',
    capacity: 120,
    body: {
      kind: 'transport',
      translations: text(
        'Ferry Riva – Limone',
        'Traghetto Riva – Limone',
        'Fähre Riva – Limone',
        'A forty-minute crossing under the cliffs to the lemon houses of Limone.',
        'Quaranta minuti sotto le scogliere fino alle limonaie di Limone.',
        'Vierzig Minuten unter den Felsen entlang zu den Zitronenhäusern von Limone.',
      ),
      destination: RIVA,
      durationMinutes: 40,
      tags: ['lake', 'couple'],
      currency: 'EUR',
      units: [
        { code: 'adult', priceMinor: 1100, netRateMinor: null },
        { code: 'child', priceMinor: 600, netRateMinor: null },
        { code: 'infant', priceMinor: 0, netRateMinor: null },
      ],
      capacityModel: 'slots',
      cutoffHours: 1,
      startTimes: ['10:00', '16:00'],
      bundleTerms: { kind: 'commission', commissionBps: 1500 },
    },
  },
  {
    key: 'sirmioneWalk',
    owner: 'dmo',
    capacity: 25,
    body: {
      kind: 'tour',
      translations: text(
        'Sirmione castle and old town, guided walk',
        'Sirmione, castello e centro storico: visita guidata',
        'Sirmione: Burg und Altstadt, Führung',
        'Two hours with a licensed guide: the Scaliger castle, the Roman villa and the lakeside lanes.',
        'Due ore con una guida abilitata: il castello scaligero, la villa romana e i vicoli sul lago.',
        'Zwei Stunden mit einer zertifizierten Führerin: Scaligerburg, römische Villa und Gassen am See.',
      ),
      destination: SIRMIONE,
      durationMinutes: 120,
      tags: ['culture', 'family', 'accessible'],
      currency: 'EUR',
      units: [
        { code: 'adult', priceMinor: 1800, netRateMinor: null },
        { code: 'child', priceMinor: 900, netRateMinor: null },
        { code: 'infant', priceMinor: 0, netRateMinor: null },
      ],
      capacityModel: 'slots',
      cutoffHours: 12,
      startTimes: ['11:00', '15:00'],
      bundleTerms: { kind: 'commission', commissionBps: 2000 },
    },
  },
  {
    key: 'ebike',
    owner: 'dmo',
    capacity: 20,
    body: {
      kind: 'extra',
      translations: text(
        'E-bike rental, one day',
        'Noleggio e-bike, un giorno',
        'E-Bike-Verleih, ein Tag',
        'A trekking e-bike with helmet and lock, picked up and returned at the Riva info point.',
        "Una e-bike da trekking con casco e lucchetto, ritiro e consegna all'info point di Riva.",
        'Ein Trekking-E-Bike mit Helm und Schloss, Abholung und Rückgabe am Infopoint Riva.',
      ),
      destination: RIVA,
      durationMinutes: 8 * 60,
      tags: ['adventure', 'family', 'lake'],
      currency: 'EUR',
      units: [{ code: 'unit', priceMinor: 3500, netRateMinor: null }],
      capacityModel: 'daily',
      cutoffHours: 2,
      startTimes: [],
      bundleTerms: { kind: 'commission', commissionBps: 2000 },
    },
  },
  {
    key: 'viaFerrata',
    owner: 'trails',
    capacity: 8,
    weekdays: [0, 3, 4, 5, 6],
    body: {
      kind: 'tour',
      translations: text(
        'Brenta Dolomites via ferrata day',
        'Giornata in via ferrata sulle Dolomiti di Brenta',
        'Klettersteig-Tag in den Brenta-Dolomiten',
        'A full day on the Bocchette routes with a mountain guide; harness, helmet and lanyard included.',
        'Una giornata sulle Bocchette con una guida alpina; imbrago, casco e set da ferrata inclusi.',
        'Ein ganzer Tag auf den Bocchette-Steigen mit Bergführer; Gurt, Helm und Klettersteigset inklusive.',
      ),
      destination: BRENTA,
      durationMinutes: 8 * 60,
      tags: ['adventure', 'mountain'],
      currency: 'EUR',
      units: [{ code: 'adult', priceMinor: 9500, netRateMinor: null }],
      capacityModel: 'slots',
      cutoffHours: 24,
      startTimes: ['07:30'],
      bundleTerms: null,
    },
  },
  {
    key: 'sunriseHike',
    owner: 'trails',
    capacity: 15,
    body: {
      kind: 'tour',
      translations: text(
        'Sunrise hike above Lake Garda',
        "Escursione all'alba sopra il lago di Garda",
        'Sonnenaufgangswanderung über dem Gardasee',
        'An easy climb to the Bastione at dawn, breakfast at the hut, back in Riva by ten.',
        "Una salita facile al Bastione all'alba, colazione al rifugio, di ritorno a Riva alle dieci.",
        'Ein leichter Aufstieg zur Bastion im Morgengrauen, Frühstück auf der Hütte, um zehn zurück in Riva.',
      ),
      destination: RIVA,
      durationMinutes: 4 * 60,
      tags: ['family', 'nature', 'lake'],
      currency: 'EUR',
      units: [
        { code: 'adult', priceMinor: 4500, netRateMinor: null },
        { code: 'child', priceMinor: 2500, netRateMinor: null },
      ],
      capacityModel: 'slots',
      cutoffHours: 12,
      startTimes: ['05:30'],
      bundleTerms: { kind: 'commission', commissionBps: 1500 },
    },
  },
];

const standardPolicy = {
  tiers: [
    { hoursBefore: 7 * 24, refundPercent: 100 },
    { hoursBefore: 48, refundPercent: 50 },
  ],
};

interface DemoPackage {
  owner: keyof typeof owners;
  lines: { item: string; qty: number; dayOffset: number; days?: number }[];
  body: Omit<CreatePackageInput, 'lines'>;
}

const packages: DemoPackage[] = [
  {
    owner: 'dmo',
    lines: [
      { item: 'familyRoom', qty: 1, dayOffset: 0, days: 2 },
      { item: 'ebike', qty: 2, dayOffset: 0 },
      { item: 'fastBoat', qty: 1, dayOffset: 1 },
      { item: 'sirmioneWalk', qty: 1, dayOffset: 1 },
    ],
    body: {
      translations: text(
        'Garda family weekend',
        'Weekend in famiglia sul Garda',
        'Familienwochenende am Gardasee',
        'Two nights in a lakeside family room in Riva, e-bikes for the first afternoon, then the fast boat to Sirmione and a guided walk through the castle town.',
        "Due notti in camera familiare sul lago a Riva, e-bike per il primo pomeriggio, poi l'aliscafo per Sirmione e una visita guidata del borgo del castello.",
        'Zwei Nächte im Familienzimmer am See in Riva, E-Bikes für den ersten Nachmittag, dann mit dem Schnellboot nach Sirmione und eine Führung durch das Burgstädtchen.',
      ),
      discountRules: [
        { id: 'bundle-3', type: 'percentage', bps: 1000, conditions: { minDistinctItems: 3 } },
        { id: 'family', type: 'fixed', amountMinor: 2000, conditions: { minAdults: 2, minChildren: 1 } },
      ],
      policy: standardPolicy,
      tags: ['family', 'lake'],
      availableFrom: null,
      availableTo: null,
    },
  },
  {
    owner: 'trails',
    lines: [
      { item: 'doubleRoom', qty: 1, dayOffset: 0, days: 2 },
      { item: 'viaFerrata', qty: 1, dayOffset: 1 },
      { item: 'limoneFerry', qty: 1, dayOffset: 2 },
    ],
    body: {
      translations: text(
        'Dolomites adventure and a Garda stay',
        'Avventura sulle Dolomiti e soggiorno sul Garda',
        'Dolomiten-Abenteuer und Aufenthalt am Gardasee',
        'A via ferrata day in the Brenta Dolomites between two nights by the lake, and a ferry to Limone to unwind.',
        'Una giornata in via ferrata sulle Dolomiti di Brenta tra due notti sul lago, e un traghetto per Limone per rilassarsi.',
        'Ein Klettersteig-Tag in den Brenta-Dolomiten zwischen zwei Nächten am See, und zum Ausklang die Fähre nach Limone.',
      ),
      discountRules: [{ id: 'early-30', type: 'percentage', bps: 800, conditions: { minDaysBefore: 30 } }],
      policy: {
        tiers: [
          { hoursBefore: 14 * 24, refundPercent: 100 },
          { hoursBefore: 72, refundPercent: 30 },
        ],
      },
      tags: ['adventure', 'couple', 'mountain'],
      availableFrom: null,
      availableTo: null,
    },
  },
  {
    owner: 'dmo',
    lines: [
      { item: 'fastBoat', qty: 1, dayOffset: 0 },
      { item: 'sirmioneWalk', qty: 1, dayOffset: 0 },
      { item: 'sunriseHike', qty: 1, dayOffset: 1 },
    ],
    body: {
      translations: text(
        'Sirmione by boat and a sunrise hike',
        "Sirmione in battello e un'escursione all'alba",
        'Mit dem Boot nach Sirmione und eine Sonnenaufgangswanderung',
        'A day trip down the lake to Sirmione with a guided walk, and the next morning a sunrise hike above Riva.',
        "Una gita in battello fino a Sirmione con visita guidata e, il mattino dopo, un'escursione all'alba sopra Riva.",
        'Ein Tagesausflug über den See nach Sirmione mit Führung und am nächsten Morgen eine Sonnenaufgangswanderung über Riva.',
      ),
      discountRules: [{ id: 'bundle-3', type: 'percentage', bps: 500, conditions: { minDistinctItems: 3 } }],
      policy: standardPolicy,
      tags: ['family', 'culture', 'lake'],
      availableFrom: null,
      availableTo: null,
    },
  },
];

const DAYS_AHEAD = 120;

export async function seedDemoCatalogue(baseUrl: string, now = new Date()): Promise<string[]> {
  const api = platformApi(baseUrl);
  const tokens: Partial<Record<keyof typeof owners, string>> = {};
  const token = async (owner: keyof typeof owners) => (tokens[owner] ??= await signIn(api, owners[owner]));

  const first = await whenProjected(async () => api('GET', '/api/catalogue/items?pageSize=1', await token('dmo')));
  const mine = (await expectStatus(first, 200, 'catalogue')) as {
    total: number;
  };
  if (mine.total > 0) return [];

  const ids = new Map<string, string>();
  for (const item of items) ids.set(item.key, await createItem(api, await token(item.owner), item, now));

  const created: string[] = [];
  for (const pkg of packages) {
    const body: CreatePackageInput = {
      ...pkg.body,
      lines: pkg.lines.map((l) => ({
        itemId: ids.get(l.item)!,
        qty: l.qty,
        dayOffset: l.dayOffset,
        days: l.days ?? 1,
      })),
    };
    const owner = await token(pkg.owner);
    const draft = (await expectStatus(await api('POST', '/api/packages', owner, body), 201, 'package')) as PackageView;
    await expectStatus(await api('POST', `/api/packages/${draft.id}/publish`, owner), 200, `publish ${draft.title}`);
    created.push(draft.title);
  }
  return created;
}

async function createItem(api: PlatformApi, token: string, item: DemoItem, now: Date): Promise<string> {
  const created = (await expectStatus(
    await api('POST', '/api/catalogue/items', token, item.body),
    201,
    item.key,
  )) as ItemView;
  const from = new Date(now.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
  const to = new Date(now.getTime() + DAYS_AHEAD * 24 * 3600_000).toISOString().slice(0, 10);
  const edit = { from, to, capacity: item.capacity, ...(item.weekdays ? { weekdays: item.weekdays } : {}) };
  await expectStatus(
    await api('PUT', `/api/catalogue/items/${created.id}/availability`, token, edit),
    200,
    `${item.key} calendar`,
  );
  await expectStatus(
    await whenProjected(() => api('POST', `/api/catalogue/items/${created.id}/publish`, token)),
    200,
    `publish ${item.key}`,
  );
  return created.id;
}

/**
 * bundling learns that a partner is verified from partners' event, a moment after the admin's
 * approval; on a first start the seed can get there first. Retries while the answer is
 * `partner_membership_required` or `partner_not_verified`, for up to 60 s (a loaded machine delivers events late).
 */
async function whenProjected(call: () => Promise<Response>): Promise<Response> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await call();
    if (Date.now() > deadline || (res.status !== 403 && res.status !== 409)) return res;
    const code = ((await res.clone().json()) as { code?: string }).code;
    if (code !== 'partner_membership_required' && code !== 'partner_not_verified') return res;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
