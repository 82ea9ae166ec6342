import { describe, expect, it, vi } from 'vitest';

// The portal resolves '@contracts/http' through a Vite alias the repository-wide vitest config
// does not know; point it at the same source file here.
vi.mock('@contracts/http', () => import('../../libs/contracts/src/http/index.ts'));

const { toSuggestRequest, backToSearch, fromSearchState } =
  await import('../src/pages/suggestions/suggested-request.ts');
const { suggestQuerySchema } = await import('../../libs/contracts/src/http/index.ts');

const party = { adult: 2, child: 1, infant: 0, senior: 0 };

/** What the API reads: the request as query-string values (as the client sends it). */
const asQuery = (request: object) =>
  Object.fromEntries(
    Object.entries(request)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );

describe('"Suggested for your trip" asks the suggestion engine for the page’s trip', () => {
  it('sends the destination, dates and party of a search, four suggestions at most', () => {
    const request = toSuggestRequest({ dest: ' Garda ', from: '2031-06-10', to: '2031-06-14', party }, 'de');
    expect(request).toMatchObject({
      dest: 'Garda',
      from: '2031-06-10',
      to: '2031-06-14',
      party: '2a1c',
      lang: 'de',
      limit: 4,
    });
    expect(suggestQuerySchema.safeParse(asQuery(request)).success).toBe(true);
  });

  it('cuts a search range longer than the engine looks at instead of getting a refusal', () => {
    const request = toSuggestRequest({ dest: 'Garda', from: '2031-06-01', to: '2031-08-31', party }, 'en');
    expect(request.to).toBe('2031-07-01');
    expect(suggestQuerySchema.safeParse(asQuery(request)).success).toBe(true);
  });

  it('leaves out what the API would refuse: a one-letter place, an end without a start', () => {
    const request = toSuggestRequest({ dest: 'G', to: '2031-06-14', party }, 'it');
    expect(request.dest).toBeUndefined();
    expect(request.from).toBeUndefined();
    expect(request.to).toBeUndefined();
    expect(suggestQuerySchema.safeParse(asQuery(request)).success).toBe(true);
  });

  it('names the package on screen, so the engine never suggests it again', () => {
    const packageId = '0b7c2a52-4d7e-4a53-9d55-1b9f1b2b8f10';
    const request = toSuggestRequest({ dest: 'IT-34', from: '2031-06-10', to: '2031-06-10', party, packageId }, 'fr');
    expect(request).toMatchObject({ packageId, from: '2031-06-10', to: undefined });
    expect(suggestQuerySchema.safeParse(asQuery(request)).success).toBe(true);
  });
});

describe('the package page’s back link', () => {
  it('returns to the exact search a result was opened from', () => {
    const state = fromSearchState('/search', '?q=Garda&from=2031-06-10&party=2a1c');
    expect(backToSearch(state)).toBe('/search?q=Garda&from=2031-06-10&party=2a1c');
  });

  it('keeps "All packages" when the page was not opened from a search', () => {
    expect(backToSearch(null)).toBeNull();
    expect(backToSearch(fromSearchState('/', ''))).toBeNull();
    expect(backToSearch({ from: 'https://elsewhere.example/search?q=x' })).toBeNull();
    expect(backToSearch({ from: '/searchers' })).toBeNull();
  });
});
