import { describe, expect, it, vi } from 'vitest';

// The portal resolves '@contracts/http' through a Vite alias the repository-wide vitest config
// does not know; point it at the same source file here.
vi.mock('@contracts/http', () => import('../../libs/contracts/src/http/index.ts'));

const { directorySearchPath, readDirectoryFilters, toDirectoryQuery, writeDirectoryFilters } =
  await import('../src/pages/directory/directory-search-params.ts');

describe('directory filters in the URL', () => {
  it('round-trips a shared link into the same API query', () => {
    const params = new URLSearchParams('q=lake&type=hotel&region=it&language=DE&verified=true&page=3');
    const filters = readDirectoryFilters(params);
    expect(filters).toEqual({ q: 'lake', type: 'hotel', region: 'IT', language: 'de', verified: true, page: 3 });
    expect(toDirectoryQuery(filters)).toEqual({
      q: 'lake',
      type: 'hotel',
      region: 'IT',
      language: 'de',
      verified: 'true',
      page: 3,
      pageSize: 12,
    });
    expect(writeDirectoryFilters(filters).toString()).toBe(
      'q=lake&type=hotel&region=IT&language=de&verified=true&page=3',
    );
  });

  it('drops only the filters a hand-edited link gets wrong', () => {
    const filters = readDirectoryFilters(new URLSearchParams('type=castle&region=ZZ&language=xx&page=-2&q=spa'));
    expect(filters).toEqual({ q: 'spa', type: '', region: '', language: '', verified: false, page: 1 });
  });

  it('keeps subdivisions and leaves defaults out of the URL', () => {
    const filters = readDirectoryFilters(new URLSearchParams('region=IT-21&verified=false'));
    expect(filters.region).toBe('IT-21');
    expect(writeDirectoryFilters(filters).toString()).toBe('region=IT-21');
  });

  it("sends Discover's search to the directory with the query, so a partner's name finds it", () => {
    expect(directorySearchPath('  Dolomiti ')).toBe('/partners?q=Dolomiti');
    expect(
      readDirectoryFilters(new URLSearchParams(directorySearchPath('Dolomiti Trails & co')!.split('?')[1])).q,
    ).toBe('Dolomiti Trails & co');
    expect(directorySearchPath('   ')).toBe('/partners');
    expect(directorySearchPath('x'.repeat(120))).toBe(`/partners?q=${'x'.repeat(80)}`);
  });
});
