import { describe, expect, it, vi } from 'vitest';

// The portal resolves '@contracts/http' through a Vite alias the repository-wide vitest config
// does not know; point it at the same source file here.
vi.mock('@contracts/http', () => import('../../libs/contracts/src/http/index.ts'));

const { readSearchState, writeSearchState, toSearchRequest, searchPath, partyCode } =
  await import('../src/pages/search/search-params.ts');
const { searchQuerySchema } = await import('../../libs/contracts/src/http/index.ts');

/** What the API reads: the request as query-string values (as the client sends it). */
const asQuery = (request: object) =>
  Object.fromEntries(
    Object.entries(request)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );

describe('the search page’s URL', () => {
  it('round-trips a full search, so a shared link shows the same results', () => {
    const url =
      'q=Gardasee&from=2031-06-10&to=2031-06-14&party=2a1c&kind=package&verified=true&min=50&max=900&tags=family,lake&sort=price&page=2';
    const state = readSearchState(new URLSearchParams(url));
    expect(state).toMatchObject({
      q: 'Gardasee',
      from: '2031-06-10',
      to: '2031-06-14',
      party: { adult: 2, child: 1, infant: 0, senior: 0 },
      kind: 'package',
      verified: true,
      priceMin: '50',
      priceMax: '900',
      tags: ['family', 'lake'],
      sort: 'price',
      page: 2,
    });
    expect(readSearchState(writeSearchState(state))).toEqual(state);
  });

  it('drops only what a hand-edited link gets wrong, keeping the rest', () => {
    const state = readSearchState(
      new URLSearchParams('q=lago&kind=castle&party=0a&tags=lake,unicorns&sort=rating&page=-3&min=abc&from=2031-13-40'),
    );
    expect(state.q).toBe('lago');
    expect(state.kind).toBe('');
    expect(state.party).toEqual({ adult: 2, child: 0, infant: 0, senior: 0 });
    expect(state.tags).toEqual(['lake']);
    expect(state.sort).toBe('relevance');
    expect(state.page).toBe(1);
    expect(state.priceMin).toBe('');
    expect(state.from).toBe('');
  });

  it('keeps defaults out of the link', () => {
    expect(searchPath('Riva del Garda')).toBe('/search?q=Riva+del+Garda');
    expect(searchPath('  ')).toBe('/search');
    expect(writeSearchState(readSearchState(new URLSearchParams('party=2a&sort=relevance&page=1'))).toString()).toBe(
      '',
    );
  });

  it('writes the party as the API’s code', () => {
    expect(partyCode({ adult: 2, child: 1, infant: 1, senior: 0 })).toBe('2a1c1i');
    expect(partyCode({ adult: 0, child: 0, infant: 0, senior: 1 })).toBe('1s');
  });
});

describe('the search request', () => {
  it('sends one day as date, a range as from and to, prices in minor units — all accepted by the API', () => {
    const oneDay = toSearchRequest(readSearchState(new URLSearchParams('from=2031-06-10&min=50&max=120')), 'de');
    expect(oneDay).toMatchObject({ date: '2031-06-10', priceMin: 5000, priceMax: 12000, currency: 'EUR', lang: 'de' });
    expect(oneDay.from).toBeUndefined();
    expect(searchQuerySchema.safeParse(asQuery(oneDay)).success).toBe(true);

    const range = toSearchRequest(
      readSearchState(new URLSearchParams('from=2031-06-10&to=2031-06-20&verified=true&tags=lake')),
      'it',
    );
    expect(range).toMatchObject({ from: '2031-06-10', to: '2031-06-20', verifiedOnly: true, tags: 'lake' });
    expect(range.date).toBeUndefined();
    expect(searchQuerySchema.safeParse(asQuery(range)).success).toBe(true);
  });

  it('leaves out a last day before the first', () => {
    const state = readSearchState(new URLSearchParams('from=2031-06-10&to=2031-06-01'));
    expect(state.to).toBe('');
    expect(toSearchRequest(state, 'en').date).toBe('2031-06-10');
  });
});
