/** Structure of the privacy policy; the wording lives in locales/<lang>/privacy.json. */
export const privacySections = [
  { id: 'controller', items: [] },
  { id: 'data', items: ['account', 'session', 'bookings', 'partners', 'usage'] },
  { id: 'purposes', items: ['contract', 'legal', 'security'] },
  { id: 'sharing', items: ['partners', 'stripe', 'hosting'] },
  { id: 'retention', items: [] },
  { id: 'rights', items: ['access', 'rectification', 'erasure', 'portability', 'objection', 'complaint'] },
  { id: 'cookies', items: [] },
  { id: 'security', items: [] },
  { id: 'contact', items: [] },
] as const satisfies readonly { id: string; items: readonly string[] }[];
