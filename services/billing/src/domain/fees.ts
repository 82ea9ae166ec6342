/**
 * The platform fee's basis points for a partner. The most specific rule wins: the partner's
 * own contract rule, then its partner type's, then the global rule, then the configured
 * default (PLATFORM_FEE_BPS, 1500 = 15 %). A booking keeps the bps it was split with
 * (booking_splits.fee_bps), so changing a rule only affects later payments.
 */

export const FEE_SCOPES = ['global', 'partner_type', 'partner'] as const;
export type FeeScope = (typeof FEE_SCOPES)[number];

/** The global rule's scope key. */
export const GLOBAL_SCOPE_KEY = '*';

/** The commercial range an admin may set: 10 %–20 %. */
export const MIN_FEE_BPS = 1000;
export const MAX_FEE_BPS = 2000;
export const DEFAULT_FEE_BPS = 1500;

export interface FeeRule {
  scope: FeeScope;
  scopeKey: string;
  bps: number;
}

export interface FeePartner {
  partnerId: string;
  /** The partner's type from the partners projection; null when billing does not know it yet. */
  partnerType: string | null;
}

export type FeeErrorCode = 'fee_out_of_range' | 'fee_scope_invalid';

export class FeeError extends Error {
  override readonly name = 'FeeError';
  constructor(
    readonly code: FeeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isFeeBpsInRange(bps: number): boolean {
  return Number.isInteger(bps) && bps >= MIN_FEE_BPS && bps <= MAX_FEE_BPS;
}

export function assertFeeBps(bps: number): number {
  if (!isFeeBpsInRange(bps)) {
    throw new FeeError(
      'fee_out_of_range',
      `a platform fee must be a whole number of basis points from ${MIN_FEE_BPS} to ${MAX_FEE_BPS}, got ${bps}`,
    );
  }
  return bps;
}

/** A rule as an admin writes it: the scope key must say what it applies to. */
export function assertFeeRule(rule: FeeRule): FeeRule {
  if (!FEE_SCOPES.includes(rule.scope)) {
    throw new FeeError('fee_scope_invalid', `unknown fee scope '${String(rule.scope)}'`);
  }
  if (rule.scope === 'global' ? rule.scopeKey !== GLOBAL_SCOPE_KEY : rule.scopeKey.trim() === '') {
    throw new FeeError('fee_scope_invalid', `scope '${rule.scope}' cannot have the key '${rule.scopeKey}'`);
  }
  assertFeeBps(rule.bps);
  return rule;
}

export function resolveFeeBps(partner: FeePartner, rules: readonly FeeRule[], defaultBps: number): number {
  const find = (scope: FeeScope, key: string | null) =>
    key === null ? undefined : rules.find((r) => r.scope === scope && r.scopeKey === key);
  const rule =
    find('partner', partner.partnerId) ?? find('partner_type', partner.partnerType) ?? find('global', GLOBAL_SCOPE_KEY);
  return rule?.bps ?? defaultBps;
}

/**
 * feeBps for splitPayment: every partner of the booking resolved once. A partner the map
 * does not hold gets the rule chain without a type (contract, global, default).
 */
export function feeBpsResolver(
  partners: readonly FeePartner[],
  rules: readonly FeeRule[],
  defaultBps: number,
): (partnerId: string) => number {
  const resolved = new Map(partners.map((p) => [p.partnerId, resolveFeeBps(p, rules, defaultBps)]));
  return (partnerId) => resolved.get(partnerId) ?? resolveFeeBps({ partnerId, partnerType: null }, rules, defaultBps);
}
