import { describe, expect, it } from 'vitest';
import { resolveRoute } from '../../src/route-table.ts';

describe('resolveRoute', () => {
  it("sends a partner's packages to bundling and everything else under /api/partners to partners", () => {
    expect(resolveRoute('/api/partners/7d9c0c1e-8f4f-4b8e-9c61-2f1f0b7a1a11/packages')?.service).toBe('bundling');
    expect(resolveRoute('/api/partners/7d9c0c1e-8f4f-4b8e-9c61-2f1f0b7a1a11')?.service).toBe('partners');
    expect(resolveRoute('/api/partners/7d9c0c1e-8f4f-4b8e-9c61-2f1f0b7a1a11/logo')?.service).toBe('partners');
    expect(resolveRoute('/api/partners/x/packages/evil')?.service).toBe('partners');
  });

  it('routes the catalogue and bookings to bundling, longest prefix first', () => {
    expect(resolveRoute('/api/catalogue/items/1/images')).toMatchObject({
      service: 'bundling',
      bodyLimit: 6 * 1024 * 1024,
    });
    expect(resolveRoute('/api/bookings/me')?.service).toBe('bundling');
    expect(resolveRoute('/api/packages')?.service).toBe('bundling');
    expect(resolveRoute('/api/partners/analytics/x')?.service).toBe('analytics');
    expect(resolveRoute('/api/packagesX')).toBeUndefined();
  });

  it('routes search and Discover to bundling', () => {
    expect(resolveRoute('/api/packages/search')?.service).toBe('bundling');
    expect(resolveRoute('/api/packages/search/interactions')?.service).toBe('bundling');
    expect(resolveRoute('/api/discover')?.service).toBe('bundling');
    expect(resolveRoute('/api/discoverx')).toBeUndefined();
  });
});
