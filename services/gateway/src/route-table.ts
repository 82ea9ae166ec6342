import type { ServiceName } from './config.ts';

/**
 * Which service answers which public path. Longest prefix wins, so
 * /api/partners/analytics goes to analytics while /api/partners goes to partners.
 */
export const routeTable: ReadonlyArray<{ prefix: string; service: ServiceName; bodyLimit?: number }> = [
  { prefix: '/.well-known/jwks.json', service: 'identity' },
  { prefix: '/api/auth', service: 'identity' },
  { prefix: '/api/partners/analytics', service: 'analytics' },
  { prefix: '/api/partners/me/documents', service: 'partners', bodyLimit: 11 * 1024 * 1024 },
  { prefix: '/api/partners/me/logo', service: 'partners', bodyLimit: 3 * 1024 * 1024 },
  { prefix: '/api/partners', service: 'partners' },
  { prefix: '/api/admin/partners', service: 'partners' },
  { prefix: '/api/packages', service: 'bundling' },
  { prefix: '/api/catalogue/items', service: 'bundling', bodyLimit: 6 * 1024 * 1024 },
  { prefix: '/api/catalogue', service: 'bundling' },
  { prefix: '/api/bookings', service: 'bundling' },
  { prefix: '/api/discover', service: 'bundling' },
  { prefix: '/api/campaigns', service: 'bundling' },
  { prefix: '/api/admin/campaigns', service: 'bundling' },
  { prefix: '/api/billing', service: 'billing' },
  { prefix: '/api/admin/billing', service: 'billing' },
  { prefix: '/api/coupons', service: 'promotions' },
  { prefix: '/api/affiliates', service: 'promotions' },
  { prefix: '/api/rewards', service: 'promotions' },
  { prefix: '/api/analytics', service: 'analytics' },
  { prefix: '/api/connectors', service: 'connectors' },
  { prefix: '/api/admin/connectors', service: 'connectors' },
  { prefix: '/api/notifications', service: 'notifications' },
].sort((a, b) => b.prefix.length - a.prefix.length) as ReadonlyArray<{
  prefix: string;
  service: ServiceName;
  bodyLimit?: number;
}>;

/**
 * Paths a prefix cannot express, checked before the prefixes: a partner's published packages
 * live at /api/partners/<id>/packages (MISSION §2) but are bundling's, not partners'.
 */
const patternRoutes: ReadonlyArray<{ pattern: RegExp; prefix: string; service: ServiceName }> = [
  { pattern: /^\/api\/partners\/[^/]+\/packages\/?$/, prefix: '/api/partners/:id/packages', service: 'bundling' },
];

export function resolveRoute(path: string): { prefix: string; service: ServiceName; bodyLimit?: number } | undefined {
  const patterned = patternRoutes.find((r) => r.pattern.test(path));
  if (patterned) return { prefix: patterned.prefix, service: patterned.service };
  return routeTable.find(
    (r) => path === r.prefix || path.startsWith(r.prefix + '/') || path.startsWith(r.prefix + '?'),
  );
}
